/**
 * CAS-5 information release: "疫情发生地县级及以上人民政府及时发布权威信息，不得晚于次日召开新闻发布会"
 * [002 §27]; figures come from the system, never typed. Pure: the day's figures in, the day's text
 * (in the house style of a 疫情通报) and the conference's due day out.
 */
import { addDays, format, parseISO } from 'date-fns';

export const CASE_CLASSES = ['confirmed', 'asymptomatic', 'suspected'] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];
export const ORIGINS = ['local', 'imported'] as const;
export type Origin = (typeof ORIGINS)[number];

/** One class of one origin on one day. */
interface ClassFigures {
  new: number;
  /**
   * Of the new confirmed cases, those who were asymptomatic infections at the day's start
   * (当日无症状感染者转为确诊): only those reported on earlier days. A case reported and reclassified the
   * same day is new once, in the class it holds at the day's end, and is no conversion (CAS-5).
   */
  fromAsymptomatic: number;
  fromSuspected: number;
  /**
   * In the class at the end of the day. Reading (本地口径): a case is counted once, in the class it
   * holds then, so an asymptomatic infection later confirmed leaves the asymptomatic total and joins
   * the confirmed one (as the national bulletins count "累计确诊" and "无症状感染者（不含转确诊）").
   * Discarded cases (排除) are in neither.
   */
  cumulative: number;
  discarded: number;
}

export type CaseFigures = Record<Origin, Record<CaseClass, ClassFigures>>;

export interface DayFigures {
  date: string;
  cases: CaseFigures;
  /** Cases admitted to hospital and not discharged at the end of the day. */
  inHospital: number;
  /** Arrivals in centralised isolation that day. */
  inCentralisedIsolation: number;
  /** People under control after a positive (TST-1) at the end of the day. */
  underControlAfterPositive: number;
  tubesResulted: number;
  peopleSampled: number;
}

const emptyClassFigures = (): ClassFigures => ({
  new: 0,
  fromAsymptomatic: 0,
  fromSuspected: 0,
  cumulative: 0,
  discarded: 0,
});

export function emptyCaseFigures(): CaseFigures {
  const byClass = () => ({
    confirmed: emptyClassFigures(),
    asymptomatic: emptyClassFigures(),
    suspected: emptyClassFigures(),
  });
  return { local: byClass(), imported: byClass() };
}

/** The local date before `date` (YYYY-MM-DD). */
export function previousDate(date: string): string {
  return format(addDays(parseISO(date), -1), 'yyyy-MM-dd');
}

/**
 * CAS-5: the press conference after a first local case is due by the end of the next local day
 * ("不得晚于次日召开新闻发布会"): returns that next day, whose end (in the county's zone) is the due time.
 */
export function conferenceDueDate(firstCaseLocalDate: string): string {
  return format(addDays(parseISO(firstCaseLocalDate), 1), 'yyyy-MM-dd');
}

/**
 * CAS-5 reading (本地口径): a local case starts a new outbreak, and so owes a new press conference,
 * when its county had no other local case in the 28 days before it. 28 days are two 14-day
 * observation periods, the interval after which the seeds' plans treat an area as clear again.
 */
export const OUTBREAK_QUIET_DAYS = 28;

/** 12月7日: the month and day of a bulletin's sentences. */
const zhMonthDay = (date: string) => {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
};

function zhOrigin(label: string, figures: Record<CaseClass, ClassFigures>): string {
  const { confirmed, asymptomatic, suspected } = figures;
  const parts: string[] = [];
  const conversions: string[] = [];
  if (confirmed.fromAsymptomatic > 0)
    conversions.push(`${confirmed.fromAsymptomatic}例为无症状感染者转为确诊病例`);
  if (confirmed.fromSuspected > 0) conversions.push(`${confirmed.fromSuspected}例为疑似病例转为确诊病例`);
  parts.push(
    `新增${label}确诊病例${confirmed.new}例${conversions.length > 0 ? `（其中${conversions.join('，')}）` : ''}`,
  );
  parts.push(`新增${label}无症状感染者${asymptomatic.new}例`);
  if (suspected.new > 0) parts.push(`新增${label}疑似病例${suspected.new}例`);
  return parts.join('，');
}

function enOrigin(label: string, figures: Record<CaseClass, ClassFigures>): string {
  const { confirmed, asymptomatic, suspected } = figures;
  const conversions: string[] = [];
  if (confirmed.fromAsymptomatic > 0)
    conversions.push(`${confirmed.fromAsymptomatic} previously asymptomatic`);
  if (confirmed.fromSuspected > 0) conversions.push(`${confirmed.fromSuspected} previously suspected`);
  const parts = [
    `${confirmed.new} new ${label} confirmed cases${conversions.length > 0 ? ` (${conversions.join(', ')})` : ''}`,
    `${asymptomatic.new} new ${label} asymptomatic infections`,
  ];
  if (suspected.new > 0) parts.push(`${suspected.new} new ${label} suspected cases`);
  return parts.join(', ');
}

const discardedOf = (cases: CaseFigures) =>
  ORIGINS.reduce((sum, o) => sum + CASE_CLASSES.reduce((s, c) => s + cases[o][c].discarded, 0), 0);

/**
 * The day's release in the house style of a 疫情通报 ("X月X日0时至24时，某县新增本土确诊病例N例…"),
 * generated from the figures alone, in Chinese and English.
 */
export function bulletinText(place: string, figures: DayFigures): { zh: string; en: string } {
  const { cases } = figures;
  const zh: string[] = [];
  const en: string[] = [];
  zh.push(
    `${zhMonthDay(figures.date)}0时至24时，${place}${zhOrigin('本土', cases.local)}；${zhOrigin('境外输入', cases.imported)}。`,
  );
  en.push(
    `From 0:00 to 24:00 on ${figures.date}, ${place} reported ${enOrigin('local', cases.local)}; ${enOrigin('imported', cases.imported)}.`,
  );
  const discarded = discardedOf(cases);
  if (discarded > 0) {
    zh.push(`当日排除或订正此前报告的病例${discarded}例。`);
    en.push(`${discarded} earlier reported cases were discarded or corrected that day.`);
  }
  const local = cases.local;
  const imported = cases.imported;
  zh.push(
    `截至${zhMonthDay(figures.date)}24时，${place}累计报告本土确诊病例${local.confirmed.cumulative}例、本土无症状感染者${local.asymptomatic.cumulative}例，` +
      `累计报告境外输入确诊病例${imported.confirmed.cumulative}例、境外输入无症状感染者${imported.asymptomatic.cumulative}例；` +
      `现有疑似病例${local.suspected.cumulative + imported.suspected.cumulative}例。`,
  );
  en.push(
    `As of 24:00, ${place} had reported ${local.confirmed.cumulative} local confirmed cases and ${local.asymptomatic.cumulative} local asymptomatic infections in total, ` +
      `${imported.confirmed.cumulative} imported confirmed cases and ${imported.asymptomatic.cumulative} imported asymptomatic infections; ` +
      `${local.suspected.cumulative + imported.suspected.cumulative} suspected cases are under investigation.`,
  );
  const care = [
    `在院治疗${figures.inHospital}例`,
    `集中隔离医学观察${figures.inCentralisedIsolation}人`,
    `阳性关联管控${figures.underControlAfterPositive}人`,
  ];
  const careEn = [
    `${figures.inHospital} in hospital`,
    `${figures.inCentralisedIsolation} in centralised isolation`,
    `${figures.underControlAfterPositive} under control after a positive test`,
  ];
  zh.push(`24时在院及隔离管控：${care.join('，')}。`);
  en.push(`At 24:00: ${careEn.join(', ')}.`);
  zh.push(`当日完成核酸检测采样${figures.peopleSampled}人，检测结果${figures.tubesResulted}管。`);
  en.push(
    `That day ${figures.peopleSampled} people were sampled and ${figures.tubesResulted} tubes resulted.`,
  );
  return { zh: zh.join(''), en: en.join(' ') };
}
