import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { RiskTag } from './RiskTag';
import type { ReviewItem } from './reviewApi';

/**
 * The facts an arrival was registered with, as the pack read them, so the CDC sees what matched no
 * protocol: where from and at what risk, days since entry and at the port, contact, returnee,
 * truck crew, home-isolation conditions, and the NAT or code shown on arrival.
 */
export function ReviewFacts({ facts }: { facts: ReviewItem['facts'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const where =
    facts.origin === 'overseas'
      ? [t('arrivals.overseas'), facts.originCountry].filter(Boolean).join(' · ')
      : [facts.originName, facts.originDivisionCode].filter(Boolean).join(' ') || t('arrivals.domestic');
  const notes = [
    facts.daysSinceEntry !== null
      ? t('arrivals.review.facts.daysSinceEntry', { count: facts.daysSinceEntry })
      : null,
    facts.portIsolationDays !== null
      ? t('arrivals.review.facts.portIsolationDays', { count: facts.portIsolationDays })
      : null,
    facts.contact ? t('arrivals.review.facts.contact') : null,
    facts.returnee ? t('arrivals.review.facts.returnee') : null,
    facts.truckCrew ? t('arrivals.review.facts.truckCrew') : null,
    facts.homeIsolationConditions === false ? t('arrivals.review.facts.noHomeConditions') : null,
    facts.negativeNatAt
      ? t('arrivals.review.facts.negativeNatAt', { at: formatDateTime(facts.negativeNatAt, language) })
      : facts.greenHealthCode
        ? null
        : t('arrivals.review.facts.noNat'),
    facts.greenHealthCode ? t('arrivals.review.facts.greenCode') : null,
  ].filter((note): note is string => note !== null);
  return (
    <Flex vertical gap={4} data-testid="review-facts">
      <Flex gap={4} wrap align="center">
        <span>{where}</span>
        <RiskTag level={facts.originRisk} />
        <RiskTag level={facts.originDistrictRisk} district />
        {facts.originOverrideName ? <Tag color="red">{facts.originOverrideName}</Tag> : null}
      </Flex>
      {notes.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {notes.join(language === 'en' ? '; ' : '；')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
