import type { Random } from '../../src/modules/demo/index.js';
import {
  type AreaInput,
  applyAreas,
  checkArea,
  createOverride,
  type OverrideInput,
} from '../../src/modules/riskAreas/index.js';
import type { AppContext } from '../../src/platform/context.js';
import type { AreaLevel } from '../../src/rules/riskClassification.js';
import type { ChinaDivisions, Place } from './chinaDivisions.js';

/**
 * A year of published risk areas across China, shaped like 2022's: an outbreak publishes an area
 * high, re-publishes it medium and then low (each publication ending the one before), and lifts it;
 * some places see a second outbreak later. Areas are villages, named estates inside towns, and now
 * and then a whole county.
 */
export interface HistoryRecord {
  input: AreaInput;
  /** The area's code (canonical). */
  code: string;
  publishedAt: Date;
  /** When it stops being in force: the next publication for the area, its lift, or never (`until`). */
  endsAt: Date;
}

const DAY = 86_400_000;
const CHAINS: ReadonlyArray<[number, AreaLevel[]]> = [
  [25, ['high', 'medium', 'low']],
  [15, ['high', 'medium']],
  [20, ['medium', 'low']],
  [15, ['medium']],
  [15, ['key_concern']],
  [10, ['low']],
];
const ESTATES = ['幸福', '和平', '阳光', '锦绣', '翠湖', '金色', '东方', '滨河'];
const KINDS = ['小区', '家园', '花园', '公寓'];

function chain(random: Random): AreaLevel[] {
  let roll = random.int(1, 100);
  for (const [weight, levels] of CHAINS) {
    roll -= weight;
    if (roll <= 0) return levels;
  }
  return CHAINS[0]![1];
}

/** An instant rounded to the minute, as lists publish them. */
const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

function area(random: Random, divisions: ChinaDivisions, county: Place): Place {
  const roll = random.next();
  const towns = divisions.townsOf.get(county.code) ?? [];
  const villages = divisions.villagesOf.get(county.code) ?? [];
  if (roll < 0.03 || towns.length === 0 || villages.length === 0) return county;
  if (roll < 0.4) {
    const town = random.pick(towns);
    const estate = `${random.pick(ESTATES)}${random.pick(KINDS)}${random.int(1, 40)}号楼`;
    return { code: town.code, name: `${town.name}${estate}` };
  }
  return random.pick(villages);
}

/** `count` records published between `from` and `until` in `countyCount` random counties. */
export function riskHistory(
  random: Random,
  divisions: ChinaDivisions,
  options: { count: number; countyCount: number; from: Date; until: Date },
): HistoryRecord[] {
  const counties = Array.from({ length: options.countyCount }, () => random.pick(divisions.counties));
  const records: HistoryRecord[] = [];
  const used = new Set<string>();
  const last = options.until.getTime() - 3 * DAY;
  while (records.length < options.count) {
    const place = area(random, divisions, random.pick(counties));
    if (used.has(`${place.code}|${place.name}`)) continue;
    used.add(`${place.code}|${place.name}`);
    let start = options.from.getTime() + random.next() * (last - options.from.getTime());
    for (let outbreak = 0; outbreak < 2 && start < last; outbreak++) {
      const levels = chain(random);
      let at = start;
      for (const [i, level] of levels.entries()) {
        if (at >= options.until.getTime()) break;
        const next = at + random.int(5, 14) * DAY + random.int(0, 600) * 60_000;
        const final = i === levels.length - 1;
        const endsAt = minute(Math.min(next, options.until.getTime()));
        records.push({
          input: {
            level,
            divisionCode: place.code,
            areaName: place.name,
            publishedAt: minute(at),
            // The last level is lifted (unless that is still to come); earlier ones end when re-published.
            liftedAt: final && next < options.until.getTime() ? endsAt : null,
            publisher: '国务院联防联控机制',
          },
          code: place.code,
          publishedAt: minute(at),
          endsAt,
        });
        at = next;
      }
      // A quarter of the places see a second outbreak a while later.
      start = random.next() < 0.25 ? at + random.int(10, 60) * DAY : Number.POSITIVE_INFINITY;
    }
  }
  records.length = options.count;
  return records.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}

/** ARR-9 whole-city overrides of the year: Shanghai and Jilin city for a few weeks each. */
export function yearOverrides(from: Date): OverrideInput[] {
  const at = (days: number) => new Date(from.getTime() + days * DAY);
  return [
    {
      divisionCode: '310000',
      name: '上海市',
      validFrom: at(120),
      validUntil: at(185),
      reason: '全域参照高风险地区管控',
    },
    {
      divisionCode: '220200',
      name: '吉林市',
      validFrom: at(100),
      validUntil: at(140),
      reason: '全域参照高风险地区管控',
    },
  ];
}

/**
 * Loads the history through the import's own path (checkArea, then applyAreas, which also ends
 * each record at the next publication for its area), `batch` records per transaction in
 * publication order, as daily lists would arrive; then the overrides through createOverride.
 */
export async function loadHistory(
  ctx: AppContext,
  records: readonly HistoryRecord[],
  overrides: readonly OverrideInput[],
  batch = 5_000,
): Promise<{ created: number; superseded: number; rejected: number }> {
  const totals = { created: 0, superseded: 0, rejected: 0 };
  for (let i = 0; i < records.length; i += batch) {
    const fields = records.slice(i, i + batch).map((record) => {
      const checked = checkArea(record.input);
      if (!checked.fields) throw new Error(`generated area refused: ${JSON.stringify(checked.errors)}`);
      return checked.fields;
    });
    const applied = await ctx.db.transaction((tx) => applyAreas(tx, null, fields));
    for (const result of applied.results) {
      if ('errors' in result) totals.rejected++;
      else if (result.outcome === 'created') totals.created++;
    }
    totals.superseded += applied.superseded.length;
  }
  await ctx.db.transaction(async (tx) => {
    for (const input of overrides) await createOverride(ctx, tx, undefined, input);
  });
  await ctx.db.refreshStatistics(['risk_areas', 'risk_area_overrides']);
  return totals;
}
