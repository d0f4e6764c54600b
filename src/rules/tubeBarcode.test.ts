import { describe, expect, it } from 'vitest';
import { checkTubeBarcode, type TubeBarcodeCheck } from './tubeBarcode.js';

// TST-1: "Samples carry tube barcodes; pooled sampling (混采, e.g. 10-in-1) links many people to one tube".
describe('TST-1 tube barcodes', () => {
  it.each<[string, string, TubeBarcodeCheck]>([
    ['TST-1 a plain barcode is kept', 'FK20261124001', { ok: true, barcode: 'FK20261124001' }],
    ['TST-1 lower case from a keyboard is upper-cased', 'fk-2026-a1', { ok: true, barcode: 'FK-2026-A1' }],
    ['TST-1 blanks and the scanner’s Enter are trimmed', '  PS000123\r\n', { ok: true, barcode: 'PS000123' }],
    ['TST-1 six characters is the shortest', 'ABC123', { ok: true, barcode: 'ABC123' }],
    ['TST-1 32 characters is the longest', 'A'.repeat(32), { ok: true, barcode: 'A'.repeat(32) }],
    ['TST-1 an empty scan is refused', '   ', { ok: false, problem: 'required' }],
    ['TST-1 five characters is too short', 'AB123', { ok: false, problem: 'too_short' }],
    ['TST-1 33 characters is too long', 'A'.repeat(33), { ok: false, problem: 'too_long' }],
    ['TST-1 inner blanks are refused', 'FK 2026 01', { ok: false, problem: 'barcode_format' }],
    ['TST-1 punctuation other than - is refused', 'FK_2026/01', { ok: false, problem: 'barcode_format' }],
    ['TST-1 full-width digits are refused', 'FK２０２６０１', { ok: false, problem: 'barcode_format' }],
    [
      'TST-1 SQL is just a bad barcode',
      "x'); DROP TABLE tubes; --",
      { ok: false, problem: 'barcode_format' },
    ],
  ])('%s', (_title, raw, expected) => {
    expect(checkTubeBarcode(raw)).toEqual(expected);
  });
});
