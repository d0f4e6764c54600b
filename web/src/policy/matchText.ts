import type { TFunction } from 'i18next';
import type { Match, Range, Reading } from '../../../src/rules/policy/types';

function rangeText(t: TFunction, range: Range): string {
  if (range.min !== undefined && range.max !== undefined) {
    return t('policy.match.rangeBoth', { min: range.min, max: range.max });
  }
  if (range.min !== undefined) return t('policy.match.rangeMin', { min: range.min });
  return t('policy.match.rangeMax', { max: range.max });
}

/** A protocol's match criteria as phrases a reader understands ("国内来返", "来源地为高风险、中风险地区"). */
export function matchPhrases(t: TFunction, match: Match): string[] {
  const phrases: string[] = [];
  const levels = (list: string[]) =>
    list.map((level) => t(`arrivals.risk.${level as 'high'}`)).join(t('policy.match.separator'));
  if (match.origin) phrases.push(t(`policy.match.${match.origin}`));
  if (match.originRisk?.length)
    phrases.push(t('policy.match.originRisk', { levels: levels(match.originRisk) }));
  if (match.originDistrictRisk?.length) {
    phrases.push(t('policy.match.originDistrictRisk', { levels: levels(match.originDistrictRisk) }));
  }
  if (match.contact) phrases.push(t('policy.match.contact'));
  if (match.returnee) phrases.push(t('policy.match.returnee'));
  if (match.truckCrew !== undefined)
    phrases.push(t(match.truckCrew ? 'policy.match.truckCrew' : 'policy.match.notTruckCrew'));
  if (match.portIsolationDays) {
    phrases.push(t('policy.match.portIsolationDays', { range: rangeText(t, match.portIsolationDays) }));
  }
  if (match.daysSinceEntry) {
    phrases.push(t('policy.match.daysSinceEntry', { range: rangeText(t, match.daysSinceEntry) }));
  }
  return phrases.length > 0 ? phrases : [t('policy.match.all')];
}

/**
 * A protocol's reading of its document's term as one line (issue 12 item 8): "本地口径：“重点地区”在此指
 * 来源地为高风险、中风险地区". "国内来返" is left out when other criteria say more.
 */
export function readingText(t: TFunction, reading: Pick<Reading, 'term'>, match: Match): string {
  const { origin, ...rest } = match;
  const phrases = matchPhrases(t, Object.keys(rest).length > 0 ? rest : match);
  return t('policy.match.reading', {
    term: reading.term,
    meaning: phrases.join(t('policy.match.phraseSeparator')),
  });
}
