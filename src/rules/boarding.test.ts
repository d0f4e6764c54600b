import { describe, expect, it } from 'vitest';
import { type BoardingFacts, checkBoarding } from './boarding.js';

// ARR-13, 002 §1: "禁止确诊病例、疑似病例、密切接触者、有发热等症状者'四类人员'登机" and
// "督促航空公司落实入境人员登机前提供5日内核酸检测阴性证明".
const BOARDING = new Date('2026-11-24T02:00:00Z'); // 10:00 in Asia/Shanghai
const hoursBefore = (h: number) => new Date(BOARDING.getTime() - h * 3_600_000);

const CLEAR: BoardingFacts = {
  confirmed: false,
  suspected: false,
  closeContact: false,
  fever: false,
  temperatureC: 36.5,
  negativeNatAt: hoursBefore(48),
  boardingAt: BOARDING,
  timeZone: 'Asia/Shanghai',
};

describe('ARR-13 boarding check for the "four types" and the 5-day NAT', () => {
  it.each([
    ['ARR-13 no reason to refuse: "5日内核酸检测阴性证明" 48 h old, 36.5 ℃', {}, []],
    ['ARR-13 "确诊病例" refused', { confirmed: true }, ['confirmed']],
    ['ARR-13 "疑似病例" refused', { suspected: true }, ['suspected']],
    ['ARR-13 "密切接触者" refused', { closeContact: true }, ['close_contact']],
    ['ARR-13 "有发热等症状者" refused (stated symptom)', { fever: true }, ['fever']],
    ['ARR-13 "发热": 37.3 ℃ is a fever (assumption: national threshold)', { temperatureC: 37.3 }, ['fever']],
    ['ARR-13 "发热": 37.2 ℃ is not', { temperatureC: 37.2 }, []],
    ['ARR-13 fever stated and measured gives one reason', { fever: true, temperatureC: 38.5 }, ['fever']],
    ['ARR-13 no temperature measured, no symptom stated', { temperatureC: null, fever: null }, []],
    [
      'ARR-13 "5日内": exactly 5 × 24 h before boarding is still valid',
      { negativeNatAt: hoursBefore(120) },
      [],
    ],
    [
      'ARR-13 "5日内": one minute over 5 × 24 h is expired',
      { negativeNatAt: hoursBefore(120 + 1 / 60) },
      ['nat_expired'],
    ],
    ['ARR-13 "5日内": 6 days old is expired', { negativeNatAt: hoursBefore(144) }, ['nat_expired']],
    ['ARR-13 "阴性证明" missing', { negativeNatAt: null }, ['nat_missing']],
    [
      'ARR-13 a sample taken after boarding is no certificate',
      { negativeNatAt: hoursBefore(-1) },
      ['nat_after_boarding'],
    ],
    [
      'ARR-13 every reason is given, not just the first',
      { confirmed: true, suspected: true, closeContact: true, temperatureC: 39, negativeNatAt: null },
      ['confirmed', 'suspected', 'close_contact', 'fever', 'nat_missing'],
    ],
  ] as const)('%s', (_case, change, codes) => {
    const result = checkBoarding({ ...CLEAR, ...change });
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
    expect(result.allowed).toBe(codes.length === 0);
    for (const r of result.reasons) {
      expect(r.rule).toBe('ARR-13');
      expect(r.zh.length).toBeGreaterThan(0);
      expect(r.en.length).toBeGreaterThan(0);
    }
  });

  it('ARR-13 shows times in the checkpoint zone and says until when the certificate was good', () => {
    const result = checkBoarding({ ...CLEAR, negativeNatAt: new Date('2026-11-18T01:00:00Z') });
    expect(result.natValidUntil?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(result.reasons[0]!.zh).toContain('2026-11-18 09:00');
    expect(result.reasons[0]!.zh).toContain('2026-11-23 09:00');
  });

  it('ARR-13 counts hours, not calendar days: a sample at 23:00 five days before a 22:00 flight is good', () => {
    const boardingAt = new Date('2026-11-24T14:00:00Z'); // 22:00 local
    const result = checkBoarding({ ...CLEAR, boardingAt, negativeNatAt: new Date('2026-11-19T15:00:00Z') });
    expect(result.allowed).toBe(true);
    const older = checkBoarding({ ...CLEAR, boardingAt, negativeNatAt: new Date('2026-11-19T13:59:00Z') });
    expect(older.reasons.map((r) => r.code)).toEqual(['nat_expired']);
  });
});
