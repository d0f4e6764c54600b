import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM for the value (iv | tag | ciphertext) and HMAC-SHA-256 for
 * exact-match lookup, with separate keys derived from FANGKONG_SECRET so a leaked lookup key
 * decrypts nothing.
 */
export interface PiiCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Uint8Array): string;
  /** Keyed hash for exact lookup; `kind` separates namespaces (an ID number vs a phone). */
  lookupHash(kind: string, value: string): Buffer;
}

export function createPiiCipher(secret: string): PiiCipher {
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', secret, 'fangkong', label, 32));
  const encryptionKey = derive('pii-encryption');
  const hashKey = derive('pii-lookup');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const buffer = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, buffer.subarray(0, 12));
      decipher.setAuthTag(buffer.subarray(12, 28));
      return Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(kind, value) {
      return createHmac('sha256', hashKey).update(`${kind}:${value}`).digest();
    },
  };
}
