import { describe, expect, it } from 'vitest';
import { FEEDS, parseFeedRow, weekStart } from './sentinels.js';

const NOW = new Date('2026-11-24T02:00:00Z'); // Tuesday 10:00 in Shanghai
const ZONE = 'Asia/Shanghai';
const feed = (id: string) => FEEDS.find((f) => f.id === id)!;
const SITE = { site: '某哨点' };

describe('sentinel rows (MON-1, MON-3, MON-5) read the same from a form, a JSON batch or a sheet', () => {
  it.each([
    // [rule, feed, row, expected values or the refused field:code]
    [
      'MON-1',
      'fever_visits',
      {
        visitNo: 'A1',
        visitedAt: '2026-11-24 09:10',
        temperature: '38.5',
        symptoms: '发热、咳嗽',
        natSampled: '是',
        disposition: '留观',
      },
      {
        visitedAt: new Date('2026-11-24T01:10:00Z'),
        temperature: 38.5,
        symptoms: ['cough', 'fever'],
        natSampled: true,
        disposition: 'observation',
      },
    ],
    [
      'MON-1',
      'fever_visits',
      {
        visitNo: 'A1',
        visitedAt: '2026-11-24T01:10:00Z',
        temperature: 38.46,
        symptoms: [],
        natSampled: false,
        disposition: 'home',
      },
      { temperature: 38.5, symptoms: [] },
    ],
    [
      'MON-1',
      'fever_visits',
      {
        visitNo: 'A1',
        visitedAt: '2026-11-24 09:10',
        temperature: '3.85',
        natSampled: '是',
        disposition: 'home',
      },
      'temperature:format',
    ],
    [
      'MON-1',
      'fever_visits',
      {
        visitNo: 'A1',
        visitedAt: '2026-11-24 11:00',
        temperature: '38',
        natSampled: '是',
        disposition: 'home',
      },
      'visitedAt:in_future',
    ],
    [
      'MON-1',
      'fever_visits',
      {
        visitNo: 'A1',
        visitedAt: '2026-11-24 09:10',
        temperature: '38',
        symptoms: '发烧',
        natSampled: '是',
        disposition: 'home',
      },
      'symptoms:enum',
    ],
    [
      '002 §15',
      'school_reports',
      { day: '2026/11/24', enrolled: '300', absent: '0', absentIllness: '0', fever: '0', respiratory: '0' },
      { day: '2026-11-24', absentIllness: 0 },
    ],
    [
      '002 §15',
      'school_reports',
      { day: '2026-11-25', enrolled: 300, absent: 0, absentIllness: 0, fever: 0, respiratory: 0 },
      'day:in_future',
    ],
    [
      '002 §15',
      'school_reports',
      { day: '2026-11-23', enrolled: 300, absent: 2, absentIllness: 3, fever: 0, respiratory: 0 },
      'absentIllness:range',
    ],
    [
      '002 §15',
      'school_reports',
      { day: '2026-11-23', enrolled: -1, absent: 0, absentIllness: 0, fever: 0, respiratory: 0 },
      'enrolled:range',
    ],
    [
      'MON-3',
      'samples',
      {
        sampleNo: 'H1',
        kind: '物品',
        item: '冻品',
        sampledAt: '2026-11-23 09:00',
        result: '阳性',
        resultedAt: '2026-11-23 08:00',
      },
      'resultedAt:ends_before_start',
    ],
    [
      'MON-3',
      'samples',
      { sampleNo: 'H1', kind: 'environment', item: '案板', sampledAt: '2026-11-23 09:00', result: 'pending' },
      { result: 'pending', resultedAt: null },
    ],
    [
      'MON-5',
      'ili_reports',
      { day: '2026-11-23', iliVisits: 1.5, totalVisits: 10, pneumoniaCases: 0 },
      'iliVisits:format',
    ],
    [
      'MON-5',
      'ili_reports',
      { day: '2026-11-23', iliVisits: 5, totalVisits: 10, pneumoniaCases: 0, note: 'x' },
      'note:unknown_field',
    ],
  ] as const)('%s %s %#', (_rule, id, row, expected) => {
    const result = parseFeedRow(feed(id), { ...SITE, ...row }, ZONE, NOW);
    if (typeof expected === 'string') {
      expect('errors' in result ? result.errors.map((e) => `${e.field}:${e.code}`) : []).toEqual([expected]);
    } else {
      expect('row' in result ? result.row.values : result.errors).toMatchObject(expected);
    }
  });

  it('names a site by id (forms, systems) or by name (sheets); one of them is required', () => {
    const row = { day: '2026-11-23', iliVisits: 1, totalVisits: 2, pneumoniaCases: 0 };
    const byId = parseFeedRow(
      feed('ili_reports'),
      { ...row, siteId: '0C0C0C0C-0000-4000-8000-00000000000A' },
      ZONE,
      NOW,
    );
    expect('row' in byId && byId.row.site).toEqual({ id: '0c0c0c0c-0000-4000-8000-00000000000a' });
    const none = parseFeedRow(feed('ili_reports'), row, ZONE, NOW);
    expect('errors' in none && none.errors).toEqual([{ field: 'site', code: 'required' }]);
  });

  it('MON-3: a weekly sample belongs to the week (Monday first) its local day lies in', () => {
    expect(weekStart('2026-11-24')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
  });
});
