import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';

/**
 * Signed venue codes (场所码, HC-2). The QR code carries one token: base64url of a version byte, the
 * venue's id (16 bytes) and an Ed25519 signature (64 bytes) over "fangkong-venue-code:v1:<id>". Only
 * the platform can make one, so a code printed for a venue that does not exist, or with another
 * venue's id, fails; anyone can check a code offline with the published public key
 * (GET /api/public/venue-code-key).
 *
 * The signing key is derived from the platform secret (FANGKONG_SECRET / secret.key, HKDF label
 * "venue-code-signing"): nothing extra to back up, every server of a deployment signs alike, and a
 * code stays valid as long as the secret does (a new secret means reprinting the posters).
 */
const VERSION = 1;
const TOKEN = /^[A-Za-z0-9_-]{108}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface VenueCodeKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function venueCodeKeys(secret: string): VenueCodeKeys {
  const seed = Buffer.from(hkdfSync('sha256', secret, 'fangkong', 'venue-code-signing', 32));
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

const message = (venueId: string) => Buffer.from(`fangkong-venue-code:v${VERSION}:${venueId}`);

/** The token a venue's QR code carries. */
export function signVenueCode(venueId: string, privateKey: KeyObject): string {
  const id = venueId.toLowerCase();
  if (!UUID.test(id)) throw new Error('not a venue id');
  const signature = sign(null, message(id), privateKey);
  return Buffer.concat([
    Buffer.from([VERSION]),
    Buffer.from(id.replaceAll('-', ''), 'hex'),
    signature,
  ]).toString('base64url');
}

/**
 * The venue id a token names when its signature holds under `publicKey`, else null (malformed,
 * tampered with, or signed by another key). Pure: no I/O, no clock.
 */
export function verifyVenueCode(token: string, publicKey: KeyObject): string | null {
  if (!TOKEN.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 81 || bytes[0] !== VERSION) return null;
  const hex = bytes.subarray(1, 17).toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  try {
    return verify(null, message(id), publicKey, bytes.subarray(17)) ? id : null;
  } catch {
    return null;
  }
}

/** The public key as published: raw 32 bytes in base64url, and SPKI PEM. */
export function publishedKey(publicKey: KeyObject) {
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    algorithm: 'Ed25519' as const,
    publicKey: spki.subarray(spki.length - 32).toString('base64url'),
    pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    signedMessage: 'fangkong-venue-code:v1:<venue id, lower-case uuid>',
    tokenLayout: 'base64url( 0x01 | venue id (16 bytes) | Ed25519 signature (64 bytes) )',
  };
}
