import { Fields, Issues, isObj, type PackError } from './packCheck.js';
import { CONTACT_PACK_KEYS, checkContactControl } from './packContacts.js';
import { checkDischargeFollowUp, DISCHARGE_PACK_KEYS } from './packDischarge.js';
import {
  checkAdjustment,
  checkCoarseOrigin,
  checkHighRiskCity,
  checkMatch,
  checkPhase,
  checkReading,
  checkRequirement,
  checkRestriction,
  checkSourced,
  checkTest,
  type DaySpan,
  MATCH_KEYS,
  READING_KEYS,
  SOURCED,
  type TestDays,
} from './packItems.js';
import { checkRoutineTesting, ROUTINE_PACK_KEYS } from './packRoutine.js';
import { checkTriggers, TRIGGER_PACK_KEYS } from './packTriggers.js';
import type { Pack } from './types.js';

export type { PackError } from './packCheck.js';

const ID = {
  re: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  zh: '小写字母、数字和连字符',
  en: 'lower-case letters, digits and hyphens',
};
const RULE = { re: /^[A-Z]{2,5}-\d+$/, zh: '规则编号，如“ARR-1”', en: 'a rule ID such as ARR-1' };

const PACK_KEYS = [
  'id',
  'version',
  'authority',
  'title',
  'effectiveFrom',
  'effectiveTo',
  'treatAsHighRisk',
  'adjustments',
  'coarseOrigin',
  'protocols',
  ...ROUTINE_PACK_KEYS,
  ...TRIGGER_PACK_KEYS,
  ...DISCHARGE_PACK_KEYS,
  ...CONTACT_PACK_KEYS,
  ...SOURCED,
];
const PROTOCOL_KEYS = [
  'id',
  'rule',
  'title',
  'priority',
  'match',
  'reading',
  'anchor',
  'phases',
  'tests',
  'restrictions',
  'requirements',
  'release',
  ...SOURCED,
];
const PHASE_KEYS = ['kind', 'startDay', 'endDay', ...SOURCED];
const TEST_KEYS = ['kind', 'days', 'reagents', 'forRelease', 'earlierResult', ...SOURCED];
const RESTRICTION_KEYS = ['id', 'startDay', 'endDay', ...SOURCED];
const REQUIREMENT_KEYS = ['id', 'hours', ...SOURCED];
const ADJUSTMENT_KEYS = ['when', 'replacePhase', ...SOURCED];
const CITY_KEYS = ['divisionCode', 'name', ...SOURCED];

/** Phases follow each other without gap or overlap: each starts on the day the previous one ends. */
function checkContiguous(issues: Issues, phases: Fields[], spans: (DaySpan | undefined)[]): void {
  phases.forEach((phase, i) => {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev && cur && cur.startDay !== prev.endDay) {
      issues.add(
        phase.at('startDay'),
        `应等于上一阶段的“endDay”（${prev.endDay}）：阶段之间不得有空档或重叠`,
        `must equal the previous phase's endDay (${prev.endDay}): phases may not leave gaps or overlap`,
      );
    }
  });
}

/** Test days lie within the phases (day 0, the arrival, is always allowed); release needs a phase. */
function checkTestDays(
  tests: Fields[],
  days: (TestDays | undefined)[],
  spans: (DaySpan | undefined)[],
): void {
  const known = spans.filter((s): s is DaySpan => s !== undefined);
  if (known.length !== spans.length) return; // a broken phase was reported already
  const first = known[0]?.startDay;
  const last = known.at(-1)?.endDay;
  tests.forEach((t, i) => {
    const spec = days[i];
    if (!spec) return;
    spec.days.forEach((d, k) => {
      const inside = first !== undefined && last !== undefined && d >= first && d <= last;
      if (d !== 0 && !inside) {
        const where = first === undefined ? '本方案没有阶段' : `阶段为第 ${first}–${last} 天`;
        const whereEn =
          first === undefined ? 'the protocol has no phase' : `phases cover days ${first}–${last}`;
        t.issues.add(
          `${t.at('days')}[${k}]`,
          `第 ${d} 天不在阶段之内（${where}），且不是第 0 天`,
          `day ${d} lies outside the phases (${whereEn}) and is not day 0`,
        );
      } else if (spec.forRelease && !inside) {
        t.issues.add(
          t.at('forRelease'),
          '没有可解除的阶段：此检测不在任何阶段内',
          'no phase to release from: the test lies in no phase',
        );
      }
    });
  });
}

function checkProtocol(p: Fields): { id?: string; priority?: number } {
  checkSourced(p);
  const id = p.str('id', true, ID);
  p.str('rule', true, RULE);
  p.text('title');
  p.text('release');
  const priority = p.int('priority');
  const anchor = p.oneOf('anchor', ['arrival', 'entry'], false);
  const match = p.obj('match', MATCH_KEYS);
  const origin = match ? checkMatch(match) : undefined;
  const reading = p.obj('reading', READING_KEYS, false);
  if (reading) checkReading(reading);
  if (match && anchor === 'entry' && origin !== 'overseas') {
    p.issues.add(
      p.at('anchor'),
      '从入境起算（entry）只适用于 origin: overseas',
      "anchor 'entry' needs match origin: overseas",
    );
  }
  const phases = p.items('phases', PHASE_KEYS);
  const spans = phases.map(checkPhase);
  checkContiguous(p.issues, phases, spans);
  const tests = p.items('tests', TEST_KEYS);
  checkTestDays(tests, tests.map(checkTest), spans);
  p.items('restrictions', RESTRICTION_KEYS, false).forEach(checkRestriction);
  p.items('requirements', REQUIREMENT_KEYS, false).forEach(checkRequirement);
  return { id, priority };
}

/** Each item's `field` (its checked value in `values`, undefined when invalid) differs from the others'. */
function checkUnique(
  issues: Issues,
  what: { zh: string; en: string },
  items: readonly Fields[],
  field: string,
  values: readonly (string | number | undefined)[],
): void {
  const seen = new Map<string | number, number>();
  items.forEach((item, i) => {
    const v = values[i];
    if (v === undefined) return;
    const first = seen.get(v);
    if (first === undefined) seen.set(v, i);
    else
      issues.add(
        item.at(field),
        `${what.zh}“${v}”与第 ${first + 1} 项重复`,
        `${what.en} "${v}" repeats item ${first + 1}`,
      );
  });
}

/** Checks a parsed pack (from YAML or JSON); returns it typed, or every problem found. */
export function validatePack(value: unknown): { pack: Pack } | { errors: PackError[] } {
  const issues = new Issues();
  if (!isObj(value)) {
    issues.add('', '政策包应为键值映射（形如“key: value”）', 'a pack must be a mapping (key: value)');
    return { errors: issues.list };
  }
  const f = new Fields(issues, '', value, PACK_KEYS);
  checkSourced(f, false);
  f.str('id', true, ID);
  f.str('version');
  f.text('authority');
  f.text('title');
  const from = f.date('effectiveFrom');
  const to = f.date('effectiveTo', false);
  if (from && to && to < from) {
    issues.add(
      'effectiveTo',
      `不得早于 effectiveFrom（${from}）`,
      `must not be before effectiveFrom (${from})`,
    );
  }
  const cities = f.items('treatAsHighRisk', CITY_KEYS, false);
  checkUnique(
    issues,
    { zh: '区划代码', en: 'division code' },
    cities,
    'divisionCode',
    cities.map(checkHighRiskCity),
  );
  f.items('adjustments', ADJUSTMENT_KEYS, false).forEach(checkAdjustment);
  const coarse = f.obj('coarseOrigin', ['reading', ...SOURCED], false);
  if (coarse) checkCoarseOrigin(coarse);
  checkRoutineTesting(f);
  checkTriggers(f);
  checkDischargeFollowUp(f);
  checkContactControl(f);
  const protocols = f.items('protocols', PROTOCOL_KEYS, true, 1);
  const heads = protocols.map(checkProtocol);
  checkUnique(
    issues,
    { zh: '方案编号', en: 'protocol id' },
    protocols,
    'id',
    heads.map((h) => h.id),
  );
  // Equal priorities would leave the winner to file order; refused outright (a conservative check).
  checkUnique(
    issues,
    { zh: '优先级', en: 'priority' },
    protocols,
    'priority',
    heads.map((h) => h.priority),
  );
  return issues.list.length > 0 ? { errors: issues.list } : { pack: value as unknown as Pack };
}
