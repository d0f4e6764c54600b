import { describe, expect, it } from 'vitest';
import {
  arrivalPhaseOf,
  arrivalReleaseTests,
  contactRelease,
  type ReleaseFacts,
  type RequiredTest,
  releaseCheck,
  type StayTestResult,
  testLabel,
} from './isolationRelease.js';
import type { Plan } from './policy/types.js';

// ISO-6, 002 §3: "两种试剂平行检测结果为阴性者，方可解除集中医学观察 … 由所在地'点对点'闭环转运回目的地
// 继续实施7天居家医学观察".

const S3 = { document: '002', section: '§3' };
const day14: RequiredTest = {
  key: 'test:nat:d14',
  kind: 'nat',
  day: 14,
  date: '2026-12-15',
  reagents: 2,
  label: testLabel('nat', 14, 2),
};
const neg = (sampledDate: string, reagents = 1): StayTestResult => ({
  kind: 'nat',
  sampledDate,
  reagents,
  result: 'negative',
});
const base: ReleaseFacts = {
  lastDate: '2026-12-15',
  today: '2026-12-15',
  required: [day14],
  results: [neg('2026-12-15', 2)],
  openAbnormalReports: 0,
};

describe('ISO-6 release only when the plan allows it (002 §3 两种试剂平行检测结果为阴性者，方可解除)', () => {
  const cases: Array<[string, Partial<ReleaseFacts>, string[]]> = [
    ['the last day, two reagents negative: released', {}, []],
    ['after the last day: released', { today: '2026-12-17' }, []],
    ['early release refused: the period is not over', { today: '2026-12-14' }, ['period_not_over']],
    [
      'early release refused even with the test done early',
      { today: '2026-12-10', results: [neg('2026-12-10', 2)] },
      ['period_not_over', 'test_missing'],
    ],
    [
      'parallel reagents: one reagent does not satisfy two',
      { results: [neg('2026-12-15', 1)] },
      ['test_missing'],
    ],
    [
      'two one-reagent tests are not one test in parallel',
      { results: [neg('2026-12-15', 1), neg('2026-12-15', 1)] },
      ['test_missing'],
    ],
    ['three reagents satisfy two', { results: [neg('2026-12-15', 3)] }, []],
    ['a test before its day does not count', { results: [neg('2026-12-14', 2)] }, ['test_missing']],
    ['a test after its day counts', { today: '2026-12-16', results: [neg('2026-12-16', 2)] }, []],
    ['no result at all', { results: [] }, ['test_missing']],
    [
      'an antigen test is not a NAT',
      { results: [{ kind: 'antigen', sampledDate: '2026-12-15', reagents: 2, result: 'negative' }] },
      ['test_missing'],
    ],
    [
      'an invalid result is no result',
      { results: [{ kind: 'nat', sampledDate: '2026-12-15', reagents: 2, result: 'invalid' }] },
      ['test_missing'],
    ],
    [
      'a positive result during the stay refuses release (the person goes to hospital)',
      {
        results: [
          neg('2026-12-15', 2),
          { kind: 'nat', sampledDate: '2026-12-08', reagents: 1, result: 'positive' },
        ],
      },
      ['positive_result'],
    ],
    ['an abnormal reading whose report is open', { openAbnormalReports: 1 }, ['abnormal_report_open']],
    ['nothing required: the period alone', { required: [], results: [] }, []],
  ];
  it.each(cases)('%s', (_name, change, codes) => {
    const answer = releaseCheck({ ...base, ...change });
    expect(answer.reasons.map((r) => r.code)).toEqual(codes);
    expect(answer.allowed).toBe(codes.length === 0);
  });

  it('says why in words: the period, the test with its reagents', () => {
    const answer = releaseCheck({ ...base, today: '2026-12-10', results: [] });
    expect(answer.reasons.map((r) => r.zh)).toEqual([
      '隔离期至2026年12月15日，尚未期满',
      '第14天核酸检测（2种试剂平行检测）尚无阴性结果',
    ]);
    expect(answer.reasons[1]?.en).toBe('Day-14 NAT (2 reagents in parallel) has no negative result yet');
    expect(answer.tests).toEqual([{ ...day14, satisfied: false }]);
  });
});

describe('ISO-6 which tests an arrival needs: the plan’s release tests in the phase (as releaseBlockers)', () => {
  const phase = (
    kind: Plan['phases'][number]['kind'],
    startDay: number,
    endDay: number,
    endDate: string,
  ) => ({
    kind,
    startDay,
    endDay,
    startDate: '',
    endDate,
    source: S3,
  });
  const test = (day: number, date: string, reagents: number, forRelease: boolean) => ({
    kind: 'nat' as const,
    day,
    date,
    reagents,
    forRelease,
    dueAt: new Date(0),
    source: S3,
  });
  // 002 §3 "14+7": NAT on entry, day 7, day 14 (two reagents, for release), day 21 (for release).
  const plan = {
    phases: [
      phase('centralised_isolation', 0, 14, '2026-12-15'),
      phase('home_isolation', 14, 21, '2026-12-22'),
    ],
    tests: [
      test(0, '2026-12-01', 1, false),
      test(7, '2026-12-08', 1, false),
      test(14, '2026-12-15', 2, true),
      test(21, '2026-12-22', 1, true),
    ],
  };
  it('the centralised phase needs the day-14 test, two reagents; the home phase the day-21 test', () => {
    expect(arrivalReleaseTests(plan, 0).map((t) => [t.key, t.reagents])).toEqual([['test:nat:d14', 2]]);
    expect(arrivalReleaseTests(plan, 1).map((t) => [t.key, t.reagents])).toEqual([['test:nat:d21', 1]]);
  });
  it('the stay’s phase and the home phase that follows it (point to point)', () => {
    expect(arrivalPhaseOf(plan, 'centralised', '2026-12-15')).toEqual({
      index: 0,
      key: 'phase:0:end',
      next: { index: 1, kind: 'home_isolation', endDate: '2026-12-22' },
    });
    expect(arrivalPhaseOf(plan, 'home', '2026-12-22')).toEqual({ index: 1, key: 'phase:1:end', next: null });
  });
});

describe('ISO-6 a contact’s release test: 本地口径, the last test of the centralised span (002 §25 names none)', () => {
  const span = {
    kind: 'centralised_isolation',
    day: 0,
    untilDay: 14,
    date: '2026-12-01',
    untilDate: '2026-12-15',
  };
  const t = (day: number, date: string) => ({ kind: 'test', day, date, test: 'nat' as const });
  it('the last test of the span, one reagent', () => {
    const found = contactRelease(
      [span, t(1, '2026-12-02'), t(7, '2026-12-08'), t(14, '2026-12-15')],
      '2026-12-15',
    );
    expect(found?.lastDate).toBe('2026-12-15');
    expect(found?.required.map((r) => [r.key, r.date, r.reagents])).toEqual([['test:14', '2026-12-15', 1]]);
    expect(found?.required[0]?.assumption?.zh).toMatch(/^本地口径/);
    expect(found?.spanKinds).toEqual(['centralised_isolation', 'test:01', 'test:07', 'test:14']);
    expect(found?.next).toBeNull();
  });
  it('no test in the span: a NAT on its last day', () => {
    const found = contactRelease([span], '2026-12-15');
    expect(found?.required.map((r) => [r.kind, r.day, r.date])).toEqual([['nat', 14, '2026-12-15']]);
  });
  it('a home step after the span is the next phase', () => {
    const home = {
      kind: 'home_isolation',
      day: 14,
      untilDay: 21,
      date: '2026-12-15',
      untilDate: '2026-12-22',
    };
    expect(contactRelease([span, home], '2026-12-15')?.next).toEqual({
      kind: 'home_isolation',
      endDate: '2026-12-22',
    });
  });
  it('at home: the day-14 test belongs to the room; a home span without its own test needs none', () => {
    const home = {
      kind: 'home_isolation',
      day: 14,
      untilDay: 21,
      date: '2026-12-15',
      untilDate: '2026-12-22',
    };
    const found = contactRelease([span, t(14, '2026-12-15'), home], '2026-12-22', 'home');
    expect(found).toMatchObject({
      lastDate: '2026-12-22',
      required: [],
      next: null,
      spanKinds: ['home_isolation'],
    });
  });
  it('no centralised span: nothing to judge by', () => {
    expect(contactRelease([t(1, '2026-12-02')], '2026-12-15')).toBeNull();
  });
});
