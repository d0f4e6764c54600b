import { describe, expect, it } from 'vitest';
import { parseLocalDateTime } from './localDateTime.js';

const iso = (raw: string, zone = 'Asia/Shanghai') => parseLocalDateTime(raw, zone)?.toISOString() ?? null;

describe('times in big-data push lists (local to the list’s zone unless they say otherwise)', () => {
  it.each([
    ['2026-11-20 08:30', '2026-11-20T00:30:00.000Z'],
    ['2026/11/20 8:30:15', '2026-11-20T00:30:15.000Z'],
    ['2026.1.5 23:59', '2026-01-05T15:59:00.000Z'],
    ['2026年11月20日 8时30分', '2026-11-20T00:30:00.000Z'],
    ['2026-11-20', '2026-11-19T16:00:00.000Z'],
    ['2026-11-20T08:30:00+08:00', '2026-11-20T00:30:00.000Z'],
    ['2026-11-20T00:30:00Z', '2026-11-20T00:30:00.000Z'],
    ['  2024-02-29 12:00 ', '2024-02-29T04:00:00.000Z'],
    ['2026-11-20 08:30:15.250', '2026-11-20T00:30:15.000Z'],
    ['2026年11月20日 8时30分15秒', '2026-11-20T00:30:15.000Z'],
  ])('%s', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it.each([
    ['2026-02-30 10:00'],
    ['2025-02-29'],
    ['2026-11-20 24:00'],
    ['2026-13-01'],
    ['昨天'],
    ['45250.5'],
    [''],
  ])('refuses %s', (raw) => {
    expect(iso(raw)).toBeNull();
  });

  it('reads wall-clock time in the given zone', () => {
    expect(iso('2026-11-20 08:30', 'Asia/Urumqi')).toBe('2026-11-20T02:30:00.000Z');
  });
});
