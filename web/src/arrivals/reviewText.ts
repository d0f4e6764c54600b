import type { TFunction } from 'i18next';
import { formatDay } from '../common/formatDateTime';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';
import { isRiskLevel } from './RiskTag';
import type { ReviewItem } from './reviewApi';

/**
 * Why an arrival waits for the CDC, in the words of the page: the pack by its title and its dates
 * of effect, never an identifier (DESIGN "Words users read").
 */
export function reviewReasonText(t: TFunction, language: Language, item: ReviewItem): string {
  const date = item.arrivalDate ?? item.arrivedAt.slice(0, 10);
  const pack = item.pack ? pickText(language, item.pack.title.zh, item.pack.title.en) : null;
  switch (item.reason) {
    case 'origin_review': {
      const finer = item.facts.originFinerRisk;
      const level = isRiskLevel(finer) ? t(`arrivals.risk.${finer}`) : '';
      return t('arrivals.review.why.origin_review', { level });
    }
    case 'no_protocol':
      return pack
        ? t('arrivals.review.why.no_protocol', { pack })
        : t('arrivals.review.why.no_protocol_unknown');
    case 'no_pack':
      if (!item.pack || !pack)
        return t('arrivals.review.why.no_pack_none', { date: formatDay(date, language) });
      return date < item.pack.effectiveFrom || !item.pack.effectiveTo
        ? t('arrivals.review.why.no_pack_from', {
            date: formatDay(date, language),
            pack,
            from: formatDay(item.pack.effectiveFrom, language),
          })
        : t('arrivals.review.why.no_pack_to', {
            date: formatDay(date, language),
            pack,
            to: formatDay(item.pack.effectiveTo, language),
          });
  }
}
