import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePack } from './loadPack.js';
import { type PackError, validatePack } from './packSchema.js';
import { packText, shippedPack, shippedPackFiles } from './testkit.js';
import { TRIGGER_SIGNALS } from './triggerSignals.js';

type Tree = Record<string, unknown>;
/** The Panshan pack as plain data, to break one thing at a time. */
const panshan = (): Tree => parse(packText('panshan-2021.yaml')) as Tree;
const rule = (t: Tree, i: number): Tree => (t.triggers as Tree[])[i] as Tree;
const step = (t: Tree, i: number): Tree => ((t.dischargeFollowUp as Tree).steps as Tree[])[i] as Tree;

function errorsOf(value: unknown): PackError[] {
  const result = validatePack(value);
  if ('pack' in result) throw new Error('expected the pack to be refused');
  for (const e of result.errors) {
    expect(e.message.zh.length).toBeGreaterThan(0);
    expect(e.message.en.length).toBeGreaterThan(0);
  }
  return result.errors;
}

describe('MON-4 trigger rules in a pack: each field checked with its path', () => {
  it.each<[string, (t: Tree) => void, string, string]>([
    ['a feed nothing offers', (t) => (rule(t, 0).feed = 'tea_sales'), 'triggers[0].feed', 'must be one of:'],
    [
      'a measure its feed does not offer',
      (t) => (rule(t, 0).measure = 'visits'),
      'triggers[0].measure',
      'must be one of: sales',
    ],
    ['an unknown level', (t) => (rule(t, 0).level = 'province'), 'triggers[0].level', 'must be one of:'],
    [
      'a school series cut to a town',
      (t) => (rule(t, 3).level = 'town'),
      'triggers[3].level',
      '"school_absence" is counted per site (a school): level must be site',
    ],
    [
      'a town series cut to a site',
      (t) => (rule(t, 0).level = 'site'),
      'triggers[0].level',
      '"drug_sales" is counted per jurisdiction',
    ],
    ['a window of 0 days', (t) => (rule(t, 0).windowDays = 0), 'triggers[0].windowDays', 'at least 1'],
    ['a window of 60 days', (t) => (rule(t, 0).windowDays = 60), 'triggers[0].windowDays', 'from 1 to 28'],
    [
      'a baseline of 0 weeks',
      (t) => (rule(t, 0).baseline = { kind: 'same_weekday_mean', weeks: 0 }),
      'triggers[0].baseline.weeks',
      'at least 1',
    ],
    [
      'a baseline kind nobody knows',
      (t) => (rule(t, 0).baseline = { kind: 'median' }),
      'triggers[0].baseline.kind',
      'must be one of: none, same_weekday_mean, daily_mean',
    ],
    [
      'days on a weekday baseline',
      (t) => (rule(t, 0).baseline = { kind: 'same_weekday_mean', weeks: 4, days: 7 }),
      'triggers[0].baseline.days',
      'unknown field "days"',
    ],
    [
      'a ratio not above 1',
      (t) => (rule(t, 0).threshold = { kind: 'ratio_to_baseline', ratio: 1, minCount: 20 }),
      'triggers[0].threshold.ratio',
      'must be above 1',
    ],
    [
      'a ratio written as text',
      (t) => (rule(t, 0).threshold = { kind: 'ratio_to_baseline', ratio: '2', minCount: 20 }),
      'triggers[0].threshold.ratio',
      'must be a number of at least 1',
    ],
    [
      'a ratio without its floor',
      (t) => (rule(t, 0).threshold = { kind: 'ratio_to_baseline', ratio: 2 }),
      'triggers[0].threshold.minCount',
      'required field is missing',
    ],
    [
      'a ratio with no baseline',
      (t) => (rule(t, 0).baseline = { kind: 'none' }),
      'triggers[0].baseline',
      'needs one',
    ],
    [
      'an absolute count against a baseline',
      (t) => (rule(t, 2).baseline = { kind: 'daily_mean', days: 7 }),
      'triggers[2].baseline',
      'baseline must be none',
    ],
    ['a rule without its source', (t) => delete rule(t, 1).source, 'triggers[1].source', 'required'],
    [
      'an assumption without reason',
      (t) => delete rule(t, 1).reason,
      'triggers[1].reason',
      'assumption: true requires a reason',
    ],
    ['a rule id twice', (t) => (rule(t, 1).id = rule(t, 0).id), 'triggers[1].id', 'repeats item 1'],
    ['a typo in a key', (t) => (rule(t, 0).windowDay = 1), 'triggers[0].windowDay', 'unknown field'],
    ['an empty list', (t) => (t.triggers = []), 'triggers', 'a list of at least 1 item(s)'],
  ])('MON-4 refuses %s', (_, breakIt, path, words) => {
    const tree = panshan();
    breakIt(tree);
    const errors = errorsOf(tree);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)?.message.en).toContain(words);
  });

  it('MON-4 gives the YAML line of a broken rule', () => {
    const text = packText('panshan-2021.yaml').replace('feed: drug_sales', 'feed: tea_sales');
    const result = parsePack(text);
    const error = 'errors' in result ? result.errors[0] : undefined;
    const line = text.split('\n').findIndex((l) => l.includes('feed: tea_sales')) + 1;
    expect(error).toMatchObject({ path: 'triggers[0].feed', line });
    expect(error?.message.zh).toContain('以下之一');
  });

  it('MON-4 every shipped rule names an offered feed and measure', () => {
    const offered = new Set(TRIGGER_SIGNALS.map((s) => `${s.feed}/${s.measure}`));
    const named = shippedPackFiles().flatMap((f) =>
      (shippedPack(f).triggers ?? []).map((r) => `${r.feed}/${r.measure}`),
    );
    expect(named.length).toBeGreaterThan(10);
    for (const n of named) expect(offered).toContain(n);
  });

  // Issue: "e.g. four-class sales or fever visits above baseline in a town, any positive environment
  // sample, absence clusters in a school" — the demo county's pack holds each of them.
  it('MON-4 the Panshan pack (003 §3.2 "药店购药人群监测", §4.2.4 "因病缺勤(课)追踪") holds the issue’s rules', () => {
    const rules = shippedPack('panshan-2021.yaml').triggers ?? [];
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(byId.get('four-class-sales-town')).toMatchObject({
      feed: 'drug_sales',
      measure: 'sales',
      level: 'town',
      windowDays: 1,
      baseline: { kind: 'same_weekday_mean', weeks: 4 },
      threshold: { kind: 'ratio_to_baseline', ratio: 2, minCount: 20 },
      source: { document: '003', section: '§3.2', quote: '药店购药人群监测' },
      assumption: true,
    });
    expect(byId.get('environment-positive')).toMatchObject({
      baseline: { kind: 'none' },
      threshold: { kind: 'at_least', count: 1 },
      proposeWarning: true,
    });
    expect(byId.get('school-absence-cluster')).toMatchObject({ feed: 'school_absence', level: 'site' });
  });
});

describe('CAS-3 follow-up after discharge in a pack: each field checked with its path', () => {
  it.each<[string, (t: Tree) => void, string, string]>([
    [
      'an unknown step',
      (t) => (step(t, 0).kind = 'rest'),
      'dischargeFollowUp.steps[0].kind',
      'must be one of',
    ],
    [
      'isolation without its last day',
      (t) => delete step(t, 0).untilDay,
      'dischargeFollowUp.steps[0].untilDay',
      'required field is missing',
    ],
    [
      'isolation ending on its first day',
      (t) => (step(t, 0).untilDay = 0),
      'dischargeFollowUp.steps[0].untilDay',
      'at least 1',
    ],
    [
      'a visit with a last day',
      (t) => (step(t, 1).untilDay = 20),
      'dischargeFollowUp.steps[1].untilDay',
      'is used only by isolation and health-monitoring steps',
    ],
    [
      'a test without its kind of test',
      (t) => (step(t, 1).kind = 'test'),
      'dischargeFollowUp.steps[1].test',
      'required field is missing',
    ],
    [
      'a visit naming a test',
      (t) => (step(t, 1).test = 'nat'),
      'dischargeFollowUp.steps[1].test',
      'is used only by a test step',
    ],
    [
      'monitoring overlapping the isolation',
      (t) =>
        ((t.dischargeFollowUp as Tree).steps as Tree[]).push({
          ...step(t, 0),
          kind: 'health_monitoring',
          day: 10,
          untilDay: 20,
        }),
      'dischargeFollowUp.steps[3].day',
      'steps may not overlap',
    ],
    ['a day past 90', (t) => (step(t, 2).day = 120), 'dischargeFollowUp.steps[2].day', 'from 0 to 90'],
    ['no steps', (t) => ((t.dischargeFollowUp as Tree).steps = []), 'dischargeFollowUp.steps', 'at least 1'],
    ['a step without title', (t) => delete step(t, 2).title, 'dischargeFollowUp.steps[2].title', 'required'],
  ])('CAS-3 refuses %s', (_, breakIt, path, words) => {
    const tree = panshan();
    breakIt(tree);
    const errors = errorsOf(tree);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)?.message.en).toContain(words);
  });

  it('CAS-3 the packs whose documents speak of it carry a follow-up; the others leave it out', () => {
    const withIt = shippedPackFiles()
      .map(shippedPack)
      .filter((p) => p.dischargeFollowUp)
      .map((p) => p.id)
      .sort();
    // 001 §11 "患者治愈出院后,按照规定方案实施隔离观察和跟踪管理"; 002 §17 "落实治愈后出院患者健康随访措施";
    // 003 §3.4.7 "新冠肺炎治愈患者所在村(社区)…". 000 and 004 say nothing of it.
    expect(withIt).toEqual(['fujian-2021', 'panshan-2021', 'shenyang-2020']);
  });
});
