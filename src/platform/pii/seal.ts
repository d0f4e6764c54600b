import { maskIdNumber, maskPhone } from '../../rules/mask.js';
import type { PiiCipher } from './cipher.js';

/** The keyed hashes that find a record by an exact ID number or phone without storing either. */
export const idHash = (cipher: PiiCipher, idNumber: string) => cipher.lookupHash('id', idNumber);
export const phoneHash = (cipher: PiiCipher, phone: string) => cipher.lookupHash('phone', phone);

/** An ID number and a phone as stored: encrypted, hashed for look-up and masked for display. */
export interface SealedIdentifiers {
  id_cipher: Buffer;
  id_hash: Buffer;
  id_masked: string;
  phone_cipher: Buffer | null;
  phone_hash: Buffer | null;
  phone_masked: string | null;
}

export function sealIdentifiers(
  cipher: PiiCipher,
  idNumber: string,
  phone: string | null,
): SealedIdentifiers {
  return {
    id_cipher: cipher.encrypt(idNumber),
    id_hash: idHash(cipher, idNumber),
    id_masked: maskIdNumber(idNumber),
    phone_cipher: phone ? cipher.encrypt(phone) : null,
    phone_hash: phone ? phoneHash(cipher, phone) : null,
    phone_masked: phone ? maskPhone(phone) : null,
  };
}
