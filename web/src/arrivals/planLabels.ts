import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { PhaseKind, TestKind } from '../../../src/rules/policy/types';
import type { PlanJson } from './api';

/** Phase colours on the timeline: the stricter, the warmer. */
export const PHASE_COLORS: Record<PhaseKind, string> = {
  centralised_isolation: '#cf1322',
  home_isolation: '#d46b08',
  designated_place: '#531dab',
  health_monitoring: '#1677ff',
};

export const testKey = (test: { kind: string; day: number }) => `test:${test.kind}:d${test.day}`;
export const phaseKey = (index: number) => `phase:${index}:end`;
/** ARR-8 / ARR-9 / ARR-10: the NAT that makes up a shortfall; a negative one closes its tasks. */
export const SHORTFALL_NAT_ITEM = 'test:nat:shortfall';

/** "双试剂" for two parallel reagents (TST-10), "3 种试剂" beyond; nothing for one. */
export function reagentsText(t: TFunction, reagents: number): string | null {
  if (reagents <= 1) return null;
  return reagents === 2 ? t('arrivals.plan.reagents2') : t('arrivals.plan.reagentsN', { count: reagents });
}

/** The local date of a plan day, "MM-DD" (calendar days from day 0). */
export const dayDate = (day0: string, day: number, format = 'MM-DD') =>
  dayjs(day0).add(day, 'day').format(format);

export function testText(t: TFunction, test: { kind: TestKind; day: number; reagents: number }): string {
  const reagents = reagentsText(t, test.reagents);
  const text = `${t('arrivals.plan.day', { day: test.day })} ${t(`arrivals.plan.tests.${test.kind}`)}`;
  return reagents ? t('arrivals.plan.withReagents', { test: text, reagents }) : text;
}

/** A plan item key ("test:nat:d7", "phase:0:end") in words, for lists and confirmations. */
export function itemText(t: TFunction, plan: PlanJson | undefined, item: string): string {
  if (item === SHORTFALL_NAT_ITEM) return t('arrivals.plan.shortfallNat');
  const test = /^test:(nat|antigen|serum):d(\d+)$/.exec(item);
  if (test) {
    const day = Number(test[2]);
    const kind = test[1] as TestKind;
    const found = plan?.tests.find((candidate) => candidate.kind === kind && candidate.day === day);
    return testText(t, { kind, day, reagents: found?.reagents ?? 1 });
  }
  const phase = /^phase:(\d+):end$/.exec(item);
  const found = phase ? plan?.phases[Number(phase[1])] : undefined;
  if (!found) return item;
  return t('arrivals.plan.phaseEnd', { phase: t(`arrivals.plan.phases.${found.kind}`), day: found.endDay });
}
