import { describe, expect, it } from 'vitest';
import {
  matchesHospital,
  missingReadiness,
  oneInUseOneStandby,
  READINESS_ITEMS,
  roomNumbers,
  statusBlockedBy,
} from './isolationSites.js';

const all = READINESS_ITEMS.map((item) => ({ item, inPlace: true }));
const without = (...items: string[]) => all.map((i) => ({ ...i, inPlace: !items.includes(i.item) }));

describe('ISO-3 five in place (004 §18 "具体房源到位（数量、位置）、三区两通道改造到位、门禁监控准备到位、防控物资储备到位、管理人员准备到位")', () => {
  it.each([
    ['in_use', all, []],
    ['standby', all, []],
    ['in_use', without('zones'), ['zones']],
    ['standby', without('staff', 'rooms'), ['rooms', 'staff']],
    ['in_use', [], ['rooms', 'zones', 'access_control', 'supplies', 'staff']],
    ['not_ready', [], []],
    ['not_ready', without('supplies'), []],
  ] as const)('ISO-3: %s with %j → blocked by %j', (status, items, blocked) => {
    expect(statusBlockedBy(status, items)).toEqual(blocked);
  });

  it('ISO-3: an item never checked is not in place; items keep the clause order', () => {
    expect(
      missingReadiness([
        { item: 'staff', inPlace: true },
        { item: 'supplies', inPlace: false },
      ]),
    ).toEqual(['rooms', 'zones', 'access_control', 'supplies']);
  });
});

describe('ISO-2 never a hospital (002 §25 "不得将医疗机构设置为集中医学观察场所")', () => {
  const hospitals = [
    { name: '盘山县人民医院', address: '盘山县太平街道人民路 1 号' },
    { name: '中医院', address: null },
  ];
  it.each([
    [{ name: '盘山县人民医院' }, 'name'],
    [{ name: ' 盘山县 人民医院 ' }, 'name'],
    [{ name: '盘山县人民医院隔离病区' }, 'name'],
    [{ name: '中医院' }, 'name'],
    [{ name: '中医院宾馆' }, null],
    [{ name: '锦程商务酒店', address: '盘山县太平街道人民路1号' }, 'address'],
    [{ name: '锦程商务酒店', address: '盘山县兴盛路 18 号' }, null],
  ] as const)('ISO-2: %j → %s', (site, field) => {
    expect(matchesHospital(site, hospitals)?.field ?? null).toBe(field);
  });
});

describe('ISO-1 one in use, one on standby (000 §2.4.4 "立足\'一用一备\'"; 003 §3.4.5 by purpose)', () => {
  const counties = [
    { code: '211122', name: '盘山县' },
    { code: '211103', name: '兴隆台区' },
  ];
  const site = (
    code: string,
    status: 'in_use' | 'standby' | 'not_ready',
    purposes: string[],
    active = true,
  ) => ({
    jurisdictionCode: code,
    status,
    purposes,
    active,
  });
  it.each([
    [
      'one in use and one on standby',
      [site('211122', 'in_use', ['close_contacts']), site('211122001', 'standby', ['inbound'])],
      true,
    ],
    ['in use only', [site('211122', 'in_use', ['close_contacts'])], false],
    ['standby only', [site('211122', 'standby', ['close_contacts'])], false],
    [
      'two not ready',
      [site('211122', 'not_ready', ['inbound']), site('211122', 'not_ready', ['inbound'])],
      false,
    ],
    [
      'an inactive standby',
      [site('211122', 'in_use', ['inbound']), site('211122', 'standby', ['inbound'], false)],
      false,
    ],
    [
      'another county’s standby',
      [site('211122', 'in_use', ['inbound']), site('211103', 'standby', ['inbound'])],
      false,
    ],
  ] as const)('ISO-1: %s → ok %s', (_label, sites, ok) => {
    const row = oneInUseOneStandby(counties, sites).find((c) => c.code === '211122');
    expect(row?.ok).toBe(ok);
  });

  it('ISO-1: purposes no site in use or on standby serves are flagged; short counties first', () => {
    const rows = oneInUseOneStandby(counties, [
      site('211122', 'in_use', ['close_contacts', 'key_area_arrivals']),
      site('211122', 'standby', ['close_contacts']),
      site('211122', 'not_ready', ['asymptomatic']),
    ]);
    expect(rows.map((r) => [r.code, r.ok, r.purposesWithoutSite])).toEqual([
      ['211103', false, ['close_contacts', 'inbound', 'asymptomatic', 'key_area_arrivals']],
      ['211122', true, ['inbound', 'asymptomatic']],
    ]);
  });
});

describe('ISO-4 rooms by floor and number range', () => {
  it.each([
    ['301', '305', ['301', '302', '303', '304', '305']],
    ['0101', '0103', ['0101', '0102', '0103']],
    ['98', '101', ['98', '99', '100', '101']],
    ['305', '301', undefined],
    ['1', '201', undefined],
    ['3a', '305', undefined],
  ] as const)('ISO-4: %s–%s → %j', (from, to, numbers) => {
    expect(roomNumbers(from, to)).toEqual(numbers);
  });
});
