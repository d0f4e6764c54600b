import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Random } from '../../src/modules/demo/index.js';
import { PUSH_COLUMNS, type PushField } from '../../src/modules/pushLists/index.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import type { ChinaDivisions, Place } from './chinaDivisions.js';
import type { HistoryRecord } from './riskHistory.js';

/**
 * A big-data push list (大数据推送名单) as the staging table holds it, and as the .csv a county
 * receives: who came from where and when they left it. Origins are drawn so that every level
 * shows up: people from published areas while they were in force, from elsewhere in their
 * districts, from whole cities under an override, from anywhere in China, and from abroad.
 */
export interface PushListRow {
  line: number;
  name: string;
  idNumber: string;
  destinationCode: string;
  overseas: boolean;
  originCode: string | null;
  originCountry: string | null;
  leftOriginAt: Date;
  arrivedAt: Date;
}

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红鹏辉宇浩然涵欣怡梓萱一诺佳琪思远博文',
];
const COUNTRIES = ['日本', '韩国', '美国', '俄罗斯', '泰国', '德国'];
const MINUTE = 60_000;
const BIRTH_BASE = Date.UTC(1950, 0, 1);

const minute = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE);

/** Unique, valid GB 11643 numbers: a thousand per birth date from 1950 on. */
function idNumber(i: number): string {
  const born = new Date(BIRTH_BASE + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10);
  return withCheckDigit(`211122${born.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`);
}

export function pushListRows(
  random: Random,
  divisions: ChinaDivisions,
  history: readonly HistoryRecord[],
  options: { count: number; destinations: readonly string[]; from: Date; until: Date },
): PushListRow[] {
  const span = options.until.getTime() - options.from.getTime();
  const anyTime = () => options.from.getTime() + random.next() * span;
  const during = (r: HistoryRecord) =>
    r.publishedAt.getTime() + random.next() * (r.endsAt.getTime() - r.publishedAt.getTime());
  const inside = (code: string): Place | undefined => {
    if (code.length === 12 || random.next() < 0.3) return { code, name: '' };
    const villages = divisions.villagesOf.get(code);
    return villages && random.pick(villages);
  };
  // The windows of yearOverrides(): Shanghai from day 120 to 185, Jilin city from day 100 to 140.
  const overrides = (
    [
      ['31', 120, 185],
      ['2202', 100, 140],
    ] as const
  ).map(([prefix, fromDay, untilDay]) => ({
    villages: divisions.villages.filter((v) => v.code.startsWith(prefix)),
    fromDay,
    untilDay,
  }));
  const rows: PushListRow[] = [];
  for (let i = 0; i < options.count; i++) {
    const roll = random.next();
    let origin: string | null = null;
    let left: number;
    if (roll < 0.05) {
      left = anyTime();
    } else if (roll < 0.45) {
      // From a published area: mostly while it was in force, sometimes before or after.
      const record = random.pick(history);
      origin = inside(record.code)?.code ?? record.code;
      left = random.next() < 0.8 ? during(record) : anyTime();
    } else if (roll < 0.5) {
      // Elsewhere in the district of an area in force (ARR-9 所在区).
      const record = random.pick(history);
      const district = divisions.villagesOf.get(record.code.slice(0, 6));
      origin = district ? random.pick(district).code : record.code;
      left = during(record);
    } else if (roll < 0.52) {
      const { villages, fromDay, untilDay } = random.pick(overrides);
      origin = random.pick(villages).code;
      left = options.from.getTime() + (fromDay + random.next() * (untilDay - fromDay)) * 86_400_000;
    } else {
      origin = random.pick(divisions.villages).code;
      left = anyTime();
    }
    const leftOriginAt = minute(left);
    const arrivedAt = minute(Math.min(left + random.int(2, 20) * 3_600_000, options.until.getTime()));
    rows.push({
      line: i + 2,
      name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.next() < 0.5 ? random.pick(GIVEN) : ''}`,
      idNumber: idNumber(i),
      destinationCode: random.pick(options.destinations),
      overseas: origin === null,
      originCode: origin,
      originCountry: origin === null ? random.pick(COUNTRIES) : null,
      leftOriginAt,
      arrivedAt,
    });
  }
  return rows;
}

/** Beijing time as lists write it, "2026-11-20 08:30" (China has kept UTC+8 all year since 1992). */
const beijing = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const FIELDS: readonly PushField[] = [
  'name',
  'idNumber',
  'overseas',
  'originCode',
  'originCountry',
  'leftOriginAt',
  'arrivedAt',
  'destinationCode',
];

/** The list as a county receives it: UTF-8 .csv with a BOM and the template's Chinese headers. */
export async function writePushCsv(file: string, rows: readonly PushListRow[]): Promise<void> {
  const header = FIELDS.map((f) => PUSH_COLUMNS.find((c) => c.field === f)!.zh);
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${header.join(',')}\r\n`);
  for (const r of rows) {
    await write(
      `${r.name},${r.idNumber},${r.overseas ? '是' : '否'},${r.originCode ?? ''},${r.originCountry ?? ''},${beijing(r.leftOriginAt)},${beijing(r.arrivedAt)},${r.destinationCode}\r\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}
