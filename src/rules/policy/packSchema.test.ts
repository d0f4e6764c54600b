import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePack } from './loadPack.js';
import { type PackError, validatePack } from './packSchema.js';
import { packText, shippedPackFiles } from './testkit.js';

type Tree = Record<string, unknown>;
/** The Fujian pack as plain data, to break one thing at a time. */
const fujian = (): Tree => parse(packText('fujian-2021.yaml')) as Tree;
const at = (tree: unknown, ...path: (string | number)[]): Tree =>
  path.reduce<unknown>((node, key) => (node as Tree)[key as string], tree) as Tree;

function errorsOf(value: unknown): PackError[] {
  const result = validatePack(value);
  if ('pack' in result) throw new Error('expected the pack to be refused');
  for (const e of result.errors) {
    expect(e.message.zh.length).toBeGreaterThan(0);
    expect(e.message.en.length).toBeGreaterThan(0);
  }
  return result.errors;
}

describe('policy pack schema (issue 4 Deliver 1)', () => {
  it.each(shippedPackFiles())('the shipped pack %s validates', (file) => {
    const result = parsePack(packText(file));
    expect('errors' in result ? result.errors : []).toEqual([]);
  });

  it.each<[string, (t: Tree) => void, string, string]>([
    [
      'a test without source',
      (t) => delete at(t, 'protocols', 0, 'tests', 1).source,
      'protocols[0].tests[1].source',
      'required field is missing',
    ],
    [
      'a source without section',
      (t) => delete at(t, 'protocols', 0, 'phases', 0, 'source').section,
      'protocols[0].phases[0].source.section',
      'required field is missing',
    ],
    [
      'an assumption without reason',
      (t) => delete at(t, 'protocols', 1, 'tests', 0).reason,
      'protocols[1].tests[0].reason',
      'assumption: true requires a reason',
    ],
    [
      'a gap between phases',
      (t) => (at(t, 'protocols', 0, 'phases', 1).startDay = 15),
      'protocols[0].phases[1].startDay',
      "must equal the previous phase's endDay (14): phases may not leave gaps or overlap",
    ],
    [
      'overlapping phases',
      (t) => (at(t, 'protocols', 0, 'phases', 1).startDay = 13),
      'protocols[0].phases[1].startDay',
      "must equal the previous phase's endDay (14): phases may not leave gaps or overlap",
    ],
    [
      'a phase ending on its first day',
      (t) => (at(t, 'protocols', 1, 'phases', 0).endDay = 14),
      'protocols[1].phases[0].endDay',
      'endDay must be after startDay',
    ],
    [
      'a test after the last phase',
      (t) => (at(t, 'protocols', 0, 'tests', 0).days = [0, 30]),
      'protocols[0].tests[0].days[1]',
      'day 30 lies outside the phases (phases cover days 0–21) and is not day 0',
    ],
    [
      'a test day twice',
      (t) => (at(t, 'protocols', 0, 'tests', 0).days = [0, 7, 7]),
      'protocols[0].tests[0].days[2]',
      'day 7 is listed twice',
    ],
    [
      'a duplicate protocol id',
      (t) => (at(t, 'protocols', 1).id = 'overseas-14-7'),
      'protocols[1].id',
      'protocol id "overseas-14-7" repeats item 1',
    ],
    [
      'two protocols of equal priority',
      (t) => (at(t, 'protocols', 2).priority = 10),
      'protocols[2].priority',
      'priority "10" repeats item 1',
    ],
    [
      'an unknown phase kind',
      (t) => (at(t, 'protocols', 0, 'phases', 0).kind = 'quarantine'),
      'protocols[0].phases[0].kind',
      'must be one of: centralised_isolation, home_isolation, health_monitoring, designated_place',
    ],
    [
      'a misspelt field',
      (t) => (at(t, 'protocols', 0).assumtion = true),
      'protocols[0].assumtion',
      'unknown field "assumtion"',
    ],
    [
      'a document id YAML read as a number',
      (t) => (at(t, 'protocols', 0, 'source').document = 2),
      'protocols[0].source.document',
      'must be a non-empty string',
    ],
    [
      'a document id that is not one',
      (t) => (at(t, 'protocols', 0, 'source').document = 'Bad id'),
      'protocols[0].source.document',
      "must be a registered document's id such as '002' (quoted)",
    ],
    [
      'an impossible date',
      (t) => (t.effectiveFrom = '2021-02-30'),
      'effectiveFrom',
      'must be a valid date YYYY-MM-DD (quoted)',
    ],
    [
      'an end before the start',
      (t) => (t.effectiveTo = '2020-12-31'),
      'effectiveTo',
      'must not be before effectiveFrom (2021-01-21)',
    ],
    [
      'entry as day 0 for domestic arrivals',
      (t) => (at(t, 'protocols', 4).anchor = 'entry'),
      'protocols[4].anchor',
      "anchor 'entry' needs match origin: overseas",
    ],
    [
      'an empty value',
      (t) => (at(t, 'protocols', 0).release = null),
      'protocols[0].release',
      'value is empty (null)',
    ],
    [
      'a range with min above max',
      (t) => (at(t, 'protocols', 1, 'match').daysSinceEntry = { min: 21, max: 20 }),
      'protocols[1].match.daysSinceEntry',
      'min must not exceed max',
    ],
    [
      'a risk level that does not exist',
      (t) => (at(t, 'protocols', 4, 'match').originRisk = ['severe']),
      'protocols[4].match.originRisk[0]',
      'must be one of: high, medium, low, key_concern',
    ],
    [
      'a reading without its term (issue 12 item 8)',
      (t) => (at(t, 'protocols', 4).reading = { source: { document: '002', section: '§4' } }),
      'protocols[4].reading.term',
      'required field is missing',
    ],
    [
      'a reading without source',
      (t) => (at(t, 'protocols', 4).reading = { term: '中风险地区' }),
      'protocols[4].reading.source',
      'required field is missing',
    ],
    [
      'a reading assumed without reason',
      (t) =>
        (at(t, 'protocols', 4).reading = {
          term: '重点地区',
          source: { document: '002', section: '§4' },
          assumption: true,
        }),
      'protocols[4].reading.reason',
      'assumption: true requires a reason',
    ],
    [
      'a reading with a field of its own',
      (t) =>
        (at(t, 'protocols', 4).reading = {
          term: '重点地区',
          as: ['high', 'medium'],
          source: { document: '002', section: '§4' },
        }),
      'protocols[4].reading.as',
      'unknown field "as"',
    ],
    [
      'a reading written as text',
      (t) => (at(t, 'protocols', 4).reading = '重点地区按中高风险地区认定'),
      'protocols[4].reading',
      'must be a mapping (key: value)',
    ],
    [
      'a reading put inside the match',
      (t) => (at(t, 'protocols', 4, 'match').reading = { term: '重点地区' }),
      'protocols[4].match.reading',
      'unknown field "reading"',
    ],
    [
      'a restriction that does not exist',
      (t) => (at(t, 'protocols', 2, 'restrictions', 1).id = 'register_with_school'),
      'protocols[2].restrictions[1].id',
      'must be one of: no_gatherings, no_movement, daily_health_report, closed_loop_transfer, register_with_community, register_with_employer',
    ],
    ['no protocols', (t) => (t.protocols = []), 'protocols', 'must be a list of at least 1 item(s)'],
    [
      'two parallel reagents written as zero',
      (t) => (at(t, 'protocols', 0, 'tests', 1).reagents = 0),
      'protocols[0].tests[1].reagents',
      'must be an integer of at least 1',
    ],
  ])('refuses %s', (_case, breakIt, path, en) => {
    const tree = fujian();
    breakIt(tree);
    expect(errorsOf(tree)).toContainEqual({ path, message: { zh: expect.any(String), en } });
  });

  it('refuses a release test where no phase is (ARR-8 style protocol)', () => {
    const tree = fujian();
    Object.assign(at(tree, 'protocols', 4), { phases: [] });
    at(tree, 'protocols', 4).tests = [
      { kind: 'nat', days: [0], forRelease: true, source: { document: '002', section: '§4' } },
    ];
    expect(errorsOf(tree)).toContainEqual({
      path: 'protocols[4].tests[0].forRelease',
      message: {
        zh: '没有可解除的阶段：此检测不在任何阶段内',
        en: 'no phase to release from: the test lies in no phase',
      },
    });
  });

  it('accepts a reading of a term, cited, with or without an assumption (issue 12 item 8)', () => {
    const tree = fujian();
    at(tree, 'protocols', 4).reading = {
      term: '中风险地区',
      source: {
        document: '002',
        section: '§4',
        quote: '对中风险地区来（返）闽人员严格实施居家医学观察 14 天',
      },
    };
    at(tree, 'protocols', 3).reading = {
      term: '高风险地区',
      source: { document: '002', section: '§4' },
      assumption: true,
      reason: '假设如此。Assumed so.',
    };
    expect('pack' in validatePack(tree)).toBe(true);
  });

  it('gives a broken reading its message in Chinese too', () => {
    const tree = fujian();
    at(tree, 'protocols', 4).reading = {
      term: '重点地区',
      source: { document: '002', section: '§4' },
      assumption: true,
    };
    expect(errorsOf(tree)).toContainEqual({
      path: 'protocols[4].reading.reason',
      message: { zh: 'assumption: true 时必须写明理由 reason', en: 'assumption: true requires a reason' },
    });
  });

  it('reports every problem at once, in Chinese and English', () => {
    const tree = fujian();
    delete at(tree, 'protocols', 0, 'tests', 1).source;
    at(tree, 'protocols', 0, 'phases', 1).startDay = 15;
    const errors = errorsOf(tree);
    expect(errors.map((e) => e.path)).toEqual([
      'protocols[0].phases[1].startDay',
      'protocols[0].tests[1].source',
    ]);
    expect(errors[0]!.message.zh).toBe('应等于上一阶段的“endDay”（14）：阶段之间不得有空档或重叠');
  });

  it('refuses what is not a mapping', () => {
    expect(errorsOf('just text')).toEqual([
      {
        path: '',
        message: {
          zh: '政策包应为键值映射（形如“key: value”）',
          en: 'a pack must be a mapping (key: value)',
        },
      },
    ]);
  });
});

const MINI = `id: mini
version: '1'
authority: { zh: 某指挥部, en: Some HQ }
title: { zh: 试验, en: Trial }
effectiveFrom: '2022-01-01'
protocols:
  - id: p
    rule: ARR-7
    priority: 1
    title: { zh: 高风险, en: High risk }
    source: { document: '002', section: §4 }
    match: { origin: domestic, originRisk: [high] }
    phases:
      - kind: centralised_isolation
        startDay: 0
        endDay: 14
        source: { document: '002', section: §4 }
    tests:
      - kind: nat
        days: [1, 14]
        source: { document: '002', section: §4 }
    release: { zh: 解除, en: Released }
`;

describe('parsePack: YAML text to a checked pack', () => {
  it('parses a well-formed pack', () => {
    const result = parsePack(MINI);
    expect('pack' in result && result.pack.protocols[0]!.phases[0]!.endDay).toBe(14);
  });

  it('gives the line of a YAML syntax error', () => {
    const result = parsePack(MINI.replace('days: [1, 14]', 'days: [1, 14'));
    expect('errors' in result && result.errors[0]).toMatchObject({ path: '', line: expect.any(Number) });
    const error = 'errors' in result ? result.errors[0]! : undefined;
    expect(error?.message.zh).toMatch(/^YAML 语法错误，第 \d+ 行：/);
    expect(error?.message.en).toMatch(/^YAML syntax error, line \d+: /);
  });

  it('refuses a key written twice', () => {
    const result = parsePack(MINI.replace("version: '1'", "version: '1'\nversion: '2'"));
    expect('errors' in result && result.errors[0]).toMatchObject({ path: '', line: 3 });
  });

  it('gives the line of a schema error, or of the parent of a missing field', () => {
    const result = parsePack(MINI.replace('endDay: 14', 'endDay: 0').replace('    rule: ARR-7\n', ''));
    expect('errors' in result && result.errors.map((e) => [e.path, e.line])).toEqual([
      ['protocols[0].rule', 7],
      ['protocols[0].phases[0].endDay', 15],
    ]);
  });

  it('refuses an empty document and a list', () => {
    expect('errors' in parsePack('')).toBe(true);
    expect('errors' in parsePack('- a\n- b\n')).toBe(true);
  });
});
