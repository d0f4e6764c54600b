import { describe, expect, it } from 'vitest';
import { signVenueCode, venueCodeKeys, verifyVenueCode } from './venueCode.js';

const VENUE = '0c0c0c0c-0000-4000-8000-00000000a001';
const keys = venueCodeKeys('a-platform-secret-of-at-least-32-characters');
const other = venueCodeKeys('another-platform-secret-of-32-characters-x');

describe('HC-2 signed venue codes (Ed25519)', () => {
  const token = signVenueCode(VENUE, keys.privateKey);

  it('HC-2 a code verifies to its venue, the same key derived twice', () => {
    expect(token).toHaveLength(108);
    expect(verifyVenueCode(token, keys.publicKey)).toBe(VENUE);
    expect(
      verifyVenueCode(token, venueCodeKeys('a-platform-secret-of-at-least-32-characters').publicKey),
    ).toBe(VENUE);
  });

  it('HC-2 a code signed with another key fails', () => {
    expect(verifyVenueCode(token, other.publicKey)).toBeNull();
    expect(verifyVenueCode(signVenueCode(VENUE, other.privateKey), keys.publicKey)).toBeNull();
  });

  it.each([
    ['another venue id, same signature', (b: Buffer) => b.fill(0xab, 1, 2)],
    ['a flipped signature bit', (b: Buffer) => b.writeUInt8((b[80] ?? 0) ^ 1, 80)],
    ['another version byte', (b: Buffer) => b.writeUInt8(2, 0)],
  ])('HC-2 a tampered payload fails: %s', (_name, tamper) => {
    const bytes = Buffer.from(token, 'base64url');
    tamper(bytes);
    expect(verifyVenueCode(bytes.toString('base64url'), keys.publicKey)).toBeNull();
  });

  it.each(['', 'abc', `${token}A`, token.slice(1), `${token.slice(0, 107)}!`])(
    'HC-2 a malformed token fails: %#',
    (bad) => {
      expect(verifyVenueCode(bad, keys.publicKey)).toBeNull();
    },
  );
});
