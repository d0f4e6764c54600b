import { describe, expect, it } from 'vitest';
import { buildObligations } from './landingObligations.js';
import type { Plan } from './policy/types.js';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

const SOURCE = { document: '004', section: '§3' };
/** ARR-9 from 004 §3, "对来自其他地区人员,实施7天居家隔离和入赤第一时间核酸+抗原双检测,第3天、第7天各进行1次核酸检测". */
const PLAN: Plan = {
  packId: 'chifeng-2022',
  packVersion: '1',
  protocolId: 'other-areas',
  rule: 'ARR-9',
  title: { zh: '其他地区来赤人员：7天居家隔离', en: 'Other areas: 7 days home isolation' },
  timeZone: SHANGHAI,
  day0: '2026-12-28',
  phases: [
    {
      kind: 'home_isolation',
      startDay: 0,
      endDay: 7,
      startDate: '2026-12-28',
      endDate: '2027-01-04',
      source: SOURCE,
    },
  ],
  tests: [
    {
      kind: 'nat',
      day: 0,
      date: '2026-12-28',
      reagents: 1,
      forRelease: false,
      dueAt: at('2026-12-28T16:00:00Z'),
      source: SOURCE,
    },
    {
      kind: 'antigen',
      day: 0,
      date: '2026-12-28',
      reagents: 1,
      forRelease: false,
      dueAt: at('2026-12-28T16:00:00Z'),
      source: SOURCE,
    },
    {
      kind: 'nat',
      day: 3,
      date: '2026-12-31',
      reagents: 1,
      forRelease: false,
      dueAt: at('2026-12-31T16:00:00Z'),
      source: SOURCE,
    },
    {
      kind: 'nat',
      day: 7,
      date: '2027-01-04',
      reagents: 2,
      forRelease: true,
      dueAt: at('2027-01-04T16:00:00Z'),
      source: SOURCE,
    },
  ],
  restrictions: [{ id: 'no_gatherings', startDate: '2026-12-28', endDate: '2027-01-04', source: SOURCE }],
  shortfalls: [{ id: 'negative_nat_within_hours', source: SOURCE }],
  releaseDate: '2027-01-04',
  release: { zh: '第7天核酸检测阴性后解除', en: 'released after a negative NAT on day 7' },
};

describe('ARR-11 "then tells the traveller their obligations in plain Chinese"', () => {
  const input = { plan: PLAN, destinationName: '兴盛社区', truckDriver: false, itineraryStar: false };

  it('ARR-11 phases, tests by day, restrictions, shortfalls and release read as dated Chinese sentences', () => {
    const obligations = buildObligations(input);
    expect(obligations.matched).toBe(true);
    expect(obligations.headline.zh).toBe('您需执行：其他地区来赤人员：7天居家隔离');
    const zh = obligations.lines.map((line) => `${line.kind}|${line.text.zh}`);
    expect(zh).toEqual([
      'phase|12月28日至2027年1月4日（第0天至第7天）：居家隔离医学观察',
      'test|12月28日（第0天）：核酸检测、抗原检测',
      'test|12月31日（第3天）：核酸检测',
      'test|2027年1月4日（第7天）：核酸检测（2种试剂，解除前须阴性）',
      'restriction|12月28日至2027年1月4日：不聚集、不参加聚餐等聚集性活动',
      'shortfall|您未提供规定时限内的核酸检测阴性证明，请尽快就近进行核酸检测',
      'release|解除条件：第7天核酸检测阴性后解除',
      'next|您的报备将推送至兴盛社区，社区工作人员将在今天与您联系核实，请保持电话畅通',
      'next|如出现发热、干咳等症状，请立即告知社区，并佩戴口罩到发热门诊就诊',
    ]);
    expect(obligations.lines.every((line) => line.text.en.length > 0)).toBe(true);
  });

  it('ARR-11 no protocol matched: still register with the community', () => {
    const obligations = buildObligations({ ...input, plan: null });
    expect(obligations.matched).toBe(false);
    expect(obligations.lines[0]!.text.zh).toBe(
      '暂未匹配到需执行的隔离管控方案，但您仍须主动向兴盛社区报到登记',
    );
  });

  it('B7 an origin read cautiously: the traveller is told why and how to have it corrected', () => {
    const plan: Plan = {
      ...PLAN,
      risk: {
        level: 'high',
        published: 'low',
        coarse: { finerRisk: 'high', reading: 'cautious', assumption: true },
      },
    };
    const obligations = buildObligations({ ...input, plan });
    const line = obligations.lines.find((l) => l.text.zh.includes('从严口径'));
    expect(line?.text.zh).toContain('按来自高风险地区执行');
    expect(line?.text.zh).toContain('街道（乡镇）');
    expect(buildObligations(input).lines.some((l) => l.text.zh.includes('从严口径'))).toBe(false);
  });

  it('B7 an origin sent to the CDC: no "no isolation", but what happens next', () => {
    const obligations = buildObligations({ ...input, plan: null, originReview: true });
    expect(obligations).toMatchObject({ matched: false, originReview: true });
    expect(obligations.headline.zh).toBe('您的来源地需由疾控部门核实');
    expect(obligations.lines[0]!.text.zh).toContain('疾控人员将与您联系');
    expect(obligations.lines.some((l) => l.text.zh.includes('无需隔离'))).toBe(false);
  });

  it.each(['no_protocol', 'no_pack'])(
    'ARR-11 an arrival the CDC decides (%s): not told that nothing applies',
    (review) => {
      const obligations = buildObligations({ ...input, plan: null, review });
      expect(obligations).toMatchObject({ matched: false, originReview: false, cdcReview: true });
      expect(obligations.headline.zh).toBe('您的管控措施由疾控部门核定');
      expect(obligations.lines[0]!.text.zh).toContain('疾控人员将核定');
      expect(obligations.lines.some((l) => l.text.zh.includes('无需隔离'))).toBe(false);
      expect(obligations.lines.some((l) => l.text.zh.includes('暂未匹配'))).toBe(false);
    },
  );

  it.each([
    [
      'ARR-12 a truck driver with a starred itinerary card is told the consignee must pre-report',
      true,
      true,
      1,
    ],
    ['ARR-12 a starred traveller who is not a truck driver is not', false, true, 0],
    ['ARR-12 a truck driver without a star is not', true, false, 0],
  ])('%s', (_case, truckDriver, itineraryStar, lines) => {
    const obligations = buildObligations({ ...input, truckDriver, itineraryStar });
    const truck = obligations.lines.filter((line) => line.kind === 'truck');
    expect(truck).toHaveLength(lines);
    if (lines) expect(truck[0]!.text.zh).toContain('24小时前');
  });
});
