import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, normalizePhone } from './mask.js';

describe('masking of personal identifiers (shown masked by default)', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['211122198001010017', '211122********0017'],
    ['E12345678', 'E1*****78'],
    ['A123', '****'],
  ])('ID %s → %s', (value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
    expect(maskIdNumber(value).length).toBe(value.length);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['02412345678', '024****5678'],
  ])('phone %s → %s', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });

  it.each([
    ['138 1234 5678', '13812345678'],
    ['+86 13812345678', '13812345678'],
    ['024-12345678', '02412345678'],
    ['12345', undefined],
    ['2381234567a', undefined],
  ])('normalises phone %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });
});
