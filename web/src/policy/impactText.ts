import type { TFunction } from 'i18next';
import type { TestKind } from '../../../src/rules/policy/types';
import { testText } from '../arrivals/planLabels';
import { formatDay } from '../common/formatDateTime';
import type { Language } from '../i18n/languages';
import type { PackSummary, PlanChange } from './api';

type TestItem = PlanChange['added'][number];
type DoneItem = PlanChange['doneDropped'][number];

/** "第 3 天 核酸检测（2026/11/23）": a test of a plan in words, never as a code. */
export const testOn = (t: TFunction, language: Language, test: TestItem) =>
  t('policy.impact.testOn', { test: testText(t, test), date: formatDay(test.date, language) });

/** "第 1 天 核酸检测（2026/11/20，阴性）": a test the person has done, with its result. */
export function doneOn(t: TFunction, language: Language, done: DoneItem): string {
  const day = Number(/:d(\d+)$/.exec(done.item)?.[1] ?? 0);
  const test = testText(t, { kind: done.kind as TestKind, day, reagents: done.reagents });
  return t('policy.impact.doneOn', {
    test,
    date: formatDay(done.date, language),
    result: t(`arrivals.plan.results.${done.result}`),
  });
}

/** "盘山县……方案 第 5 版": a pack version by its title, as Chinese pages name it. */
export function packName(
  t: TFunction,
  packs: readonly PackSummary[] | undefined,
  id: string,
  version: string,
): string {
  const title = packs?.find((pack) => pack.id === id)?.titleZh ?? '';
  return t('policy.impact.packOption', { title, version });
}
