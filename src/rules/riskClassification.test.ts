import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AREA_LEVELS,
  type AreaLevel,
  canonicalDivisionCode,
  classifyAt,
  LEVEL_RANK,
  type PublishedArea,
  type RiskOverride,
} from './riskClassification.js';

const t = (iso: string) => new Date(`${iso}+08:00`);
let serial = 0;
const area = (level: AreaLevel, divisionCode: string, published: string, lifted?: string): PublishedArea => ({
  id: `a${++serial}`,
  level,
  divisionCode,
  areaName: `${divisionCode} 某小区`,
  publishedAt: t(published),
  liftedAt: lifted ? t(lifted) : null,
});
const override = (divisionPrefix: string, from: string, until?: string): RiskOverride => ({
  id: `o${++serial}`,
  divisionPrefix,
  name: divisionPrefix,
  treatAs: 'high',
  validFrom: t(from),
  validUntil: until ? t(until) : null,
});

// 北京市朝阳区 110105, its town 110105001 and two communities; 海淀区 110108 next door.
const CHAOYANG = '110105';
const TOWN = '110105001';
const COMMUNITY = '110105001001';
const NEIGHBOUR = '110105001002';
const HAIDIAN = '110108';
const AT = '2022-04-20T12:00:00';

describe('ZON-5 division codes of published areas', () => {
  it.each([
    ['ZON-5 a padded municipality is its province code', '310000', '31'],
    ['ZON-5 a padded prefecture city (吉林市) is its city code', '220200', '2202'],
    ['ZON-5 a statistical county code loses its padding', '211122000000', '211122'],
    ['ZON-5 a statistical town code loses its padding', '110105001000', '110105001'],
    ['ZON-5 a community stays as it is', COMMUNITY, COMMUNITY],
    ['ZON-5 a county stays as it is', CHAOYANG, CHAOYANG],
    ['ZON-5 five digits are no code', '11010', undefined],
    ['ZON-5 letters are no code', '11010A', undefined],
    ['ZON-5 all zeros are no code', '000000', undefined],
  ])('%s', (_case, raw, expected) => {
    expect(canonicalDivisionCode(raw)).toBe(expected);
  });
});

type Case = [
  string,
  string,
  PublishedArea[],
  RiskOverride[],
  { originRisk?: AreaLevel; originDistrictRisk?: AreaLevel },
];

describe('ARR-7 / ARR-9 origin classified as it stood when the person was there', () => {
  it.each<Case>([
    // ARR-7 [002 §4] "对高风险地区来（返）闽人员严格实施集中医学观察 14 天，对中风险地区来（返）闽人员严格实施居家医学观察 14 天"
    [
      'ARR-7 a high-risk community in force then makes an origin in it high',
      COMMUNITY,
      [area('high', COMMUNITY, '2022-04-10T12:00:00')],
      [],
      { originRisk: 'high', originDistrictRisk: 'high' },
    ],
    [
      'ARR-7 a medium-risk town contains the communities in it',
      COMMUNITY,
      [area('medium', TOWN, '2022-04-10T12:00:00')],
      [],
      { originRisk: 'medium', originDistrictRisk: 'medium' },
    ],
    [
      'ARR-7 an area published after the person left does not count',
      COMMUNITY,
      [area('high', COMMUNITY, '2022-04-21T00:00:00')],
      [],
      {},
    ],
    [
      'ARR-7 an area lifted before the person came does not count',
      COMMUNITY,
      [area('high', COMMUNITY, '2022-04-01T00:00:00', '2022-04-15T00:00:00')],
      [],
      {},
    ],
    [
      'ARR-7 an area lifted at the very instant no longer counts',
      COMMUNITY,
      [area('high', COMMUNITY, '2022-04-01T00:00:00', AT)],
      [],
      {},
    ],
    [
      'ARR-7 an area published at the very instant counts',
      COMMUNITY,
      [area('high', COMMUNITY, AT)],
      [],
      { originRisk: 'high', originDistrictRisk: 'high' },
    ],
    [
      'ARR-7 the highest level wins: high over medium',
      COMMUNITY,
      [area('medium', TOWN, '2022-04-01T00:00:00'), area('high', COMMUNITY, '2022-04-02T00:00:00')],
      [],
      { originRisk: 'high', originDistrictRisk: 'high' },
    ],
    // ARR-6 [000 §2.3] "重点关注地区入盘人员由县区指挥部安排到指定场所进行“1+1”医学检测": milder than
    // the key (high/medium) areas, stricter than low.
    [
      'ARR-7 key concern ranks below medium and above low',
      COMMUNITY,
      [area('low', CHAOYANG, '2022-04-01T00:00:00'), area('key_concern', TOWN, '2022-04-01T00:00:00')],
      [],
      { originRisk: 'key_concern' },
    ],
    // ARR-9 [004 §3] "对来自北京市高风险地区所在区的，实施 14 天集中隔离"
    [
      'ARR-9 an origin named only by its county is not in a finer high-risk area, but its district is',
      CHAOYANG,
      [area('high', COMMUNITY, '2022-04-10T00:00:00')],
      [],
      { originDistrictRisk: 'high' },
    ],
    [
      'ARR-9 a neighbouring community of a high-risk one lies in a high-risk district',
      NEIGHBOUR,
      [area('high', COMMUNITY, '2022-04-10T00:00:00')],
      [],
      { originDistrictRisk: 'high' },
    ],
    // ARR-9 [004 §3] "对来自中风险地区所在区的，实行 14 天居家隔离和 5 次核酸检测"
    [
      'ARR-9 a medium-risk area makes its district medium',
      CHAOYANG,
      [area('medium', COMMUNITY, '2022-04-10T00:00:00')],
      [],
      { originDistrictRisk: 'medium' },
    ],
    [
      'ARR-9 key concern and low areas do not make a risk district',
      CHAOYANG,
      [area('key_concern', COMMUNITY, '2022-04-10T00:00:00'), area('low', TOWN, '2022-04-10T00:00:00')],
      [],
      {},
    ],
    [
      'ARR-9 another district’s high-risk area does not count',
      HAIDIAN,
      [area('high', COMMUNITY, '2022-04-10T00:00:00')],
      [],
      {},
    ],
    [
      'ARR-9 a district area lifted before the person was there does not count',
      CHAOYANG,
      [area('high', COMMUNITY, '2022-04-01T00:00:00', '2022-04-19T00:00:00')],
      [],
      {},
    ],
    // ARR-9 [004 §3] "在各自疫情收尾前，对上海市、吉林市、满洲里市全域参照高风险地区进行管控"
    [
      'ARR-9 a whole municipality (上海市 31) treated as high risk',
      '310101001001',
      [area('low', '310101', '2022-04-01T00:00:00')],
      [override('31', '2022-04-01T00:00:00')],
      { originRisk: 'high', originDistrictRisk: 'high' },
    ],
    [
      'ARR-9 a whole prefecture city (吉林市 2202) treated as high risk',
      '220202',
      [],
      [override('2202', '2022-03-15T00:00:00')],
      { originRisk: 'high', originDistrictRisk: 'high' },
    ],
    [
      'ARR-9 the override does not reach another city of the province (长春市 2201)',
      '220102',
      [],
      [override('2202', '2022-03-15T00:00:00')],
      {},
    ],
    [
      'ARR-9 an override ended before the person was there does not count',
      '220202',
      [],
      [override('2202', '2022-03-15T00:00:00', '2022-04-18T00:00:00')],
      {},
    ],
    [
      'ARR-9 an override starting after the person left does not count',
      '150781',
      [],
      [override('150781', '2022-04-21T00:00:00')],
      {},
    ],
  ])('%s', (_case, origin, areas, overrides, expected) => {
    const result = classifyAt(origin, t(AT), areas, overrides);
    expect({ originRisk: result.originRisk, originDistrictRisk: result.originDistrictRisk }).toEqual({
      originRisk: expected.originRisk,
      originDistrictRisk: expected.originDistrictRisk,
    });
  });

  it('ARR-9 lists the deciding areas: containing the origin, or elsewhere in its district', () => {
    const inside = area('medium', TOWN, '2022-04-01T00:00:00');
    const next = area('high', NEIGHBOUR, '2022-04-01T00:00:00');
    const away = area('high', HAIDIAN, '2022-04-01T00:00:00');
    const result = classifyAt(COMMUNITY, t(AT), [inside, next, away], []);
    expect(result.areas.map((a) => [a.id, a.relation])).toEqual([
      [next.id, 'district'],
      [inside.id, 'contains'],
    ]);
  });
});

describe('B7 areas finer than the origin as reported', () => {
  it.each<[string, string, PublishedArea[], RiskOverride[], AreaLevel | undefined]>([
    [
      'B7 a district holding a high-risk community: finer high, the district itself unclassified',
      CHAOYANG,
      [area('high', COMMUNITY, '2022-04-10T12:00:00')],
      [],
      'high',
    ],
    [
      'B7 the highest of the finer areas wins',
      CHAOYANG,
      [area('medium', TOWN, '2022-04-10T12:00:00'), area('high', NEIGHBOUR, '2022-04-10T12:00:00')],
      [],
      'high',
    ],
    [
      'B7 an area of the origin itself is not finer',
      TOWN,
      [area('high', TOWN, '2022-04-10T12:00:00')],
      [],
      undefined,
    ],
    [
      'B7 an area in another district is not inside',
      CHAOYANG,
      [area('high', HAIDIAN, '2022-04-10T12:00:00')],
      [],
      undefined,
    ],
    [
      'B7 a lifted area inside no longer counts',
      CHAOYANG,
      [area('high', COMMUNITY, '2022-04-01T00:00:00', '2022-04-15T00:00:00')],
      [],
      undefined,
    ],
    [
      'B7 an override on a town inside the district counts',
      CHAOYANG,
      [],
      [override(TOWN, '2022-04-01T00:00:00')],
      'high',
    ],
  ])('%s', (_case, origin, areas, overrides, expected) => {
    const result = classifyAt(origin, t(AT), areas, overrides);
    expect(result.finerRisk).toBe(expected);
  });
});

describe('ARR-7 / ARR-9 properties over random histories', () => {
  const codes = fc.constantFrom(CHAOYANG, TOWN, COMMUNITY, NEIGHBOUR, HAIDIAN, '1101', '11', '110105002');
  const instant = fc.integer({ min: 0, max: 30 }).map((day) => new Date(Date.UTC(2022, 3, 1 + day)));
  const history = fc.array(
    fc.record({
      level: fc.constantFrom(...AREA_LEVELS),
      code: codes,
      published: instant,
      days: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    }),
    { maxLength: 8 },
  );
  const toAreas = (
    items: Array<{ level: AreaLevel; code: string; published: Date; days: number | undefined }>,
  ) =>
    items.map((item, i) => ({
      id: `p${i}`,
      level: item.level,
      divisionCode: item.code,
      areaName: `${i}`,
      publishedAt: item.published,
      liftedAt: item.days === undefined ? null : new Date(item.published.getTime() + item.days * 86_400_000),
    }));

  it('ARR-9 the district is never safer than the origin itself (high/medium)', () => {
    fc.assert(
      fc.property(codes, instant, history, (origin, at, items) => {
        const result = classifyAt(origin, at, toAreas(items), []);
        if (result.originRisk === 'high' || result.originRisk === 'medium') {
          expect(LEVEL_RANK[result.originDistrictRisk!]).toBeGreaterThanOrEqual(
            LEVEL_RANK[result.originRisk],
          );
        }
      }),
    );
  });

  it('ARR-7 areas published after the instant never change the classification', () => {
    fc.assert(
      fc.property(codes, instant, history, history, (origin, at, items, later) => {
        const past = toAreas(items);
        const future = toAreas(later).map((a, i) => ({
          ...a,
          id: `f${i}`,
          publishedAt: new Date(at.getTime() + 1 + a.publishedAt.getTime() / 1e6),
          liftedAt: null,
        }));
        const a = classifyAt(origin, at, past, []);
        const b = classifyAt(origin, at, [...past, ...future], []);
        expect([b.originRisk, b.originDistrictRisk]).toEqual([a.originRisk, a.originDistrictRisk]);
      }),
    );
  });
});
