import { describe, expect, it } from 'vitest';
import { countiesWithoutBigData, reserveReadiness, reserveStatus } from './epiTeams.js';

describe('EPI-6 reserve of epi assistants: 3–5 per village/community (003 §3.4.6)', () => {
  it.each([
    [0, 'short'],
    [1, 'short'],
    [2, 'short'],
    [3, 'ready'],
    [4, 'ready'],
    [5, 'ready'],
    [6, 'over'],
    [12, 'over'],
  ] as const)('EPI-6: %i assistants → %s', (count, status) => {
    expect(reserveStatus(count)).toBe(status);
  });

  it('EPI-6: counts per village and sums per town; unknown villages ignored', () => {
    const villages = [
      { code: 'v1', name: '一村', townCode: 't1', townName: '甲镇' },
      { code: 'v2', name: '二村', townCode: 't1', townName: '甲镇' },
      { code: 'v3', name: '三社区', townCode: 't2', townName: '乙街道' },
    ];
    const assistants = ['v1', 'v1', 'v1', 'v2', 'v3', 'v3', 'v3', 'v3', 'v3', 'v3', 'elsewhere'];
    const { villages: rows, towns } = reserveReadiness(villages, assistants);
    expect(rows.map((r) => [r.code, r.count, r.status, r.missing])).toEqual([
      ['v1', 3, 'ready', 0],
      ['v2', 1, 'short', 2],
      ['v3', 6, 'over', 0],
    ]);
    expect(towns).toEqual([
      { townCode: 't1', townName: '甲镇', villages: 2, short: 1, over: 0, assistants: 4 },
      { townCode: 't2', townName: '乙街道', villages: 1, short: 0, over: 1, assistants: 6 },
    ]);
  });

  it('EPI-6: a county without an active big-data working group is flagged', () => {
    const counties = [{ code: 'c1' }, { code: 'c2' }, { code: 'c3' }];
    const teams = [
      { jurisdictionCode: 'c1', kind: 'big_data', active: true },
      { jurisdictionCode: 'c2', kind: 'big_data', active: false },
      { jurisdictionCode: 'c3', kind: 'field', active: true },
    ];
    expect(countiesWithoutBigData(counties, teams).map((c) => c.code)).toEqual(['c2', 'c3']);
  });
});
