import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../common/formatDateTime';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { fetchPacks, policyKeys } from '../policy/api';
import { SourceCitation } from '../policy/SourceCitation';
import type { PlanJson } from './api';
import { usePlanReasons } from './planReasons';

/**
 * The plan's heading facts: rule, protocol, the pack version that governs it (现行版本 while it is
 * in force: a new version re-stamps the plans it leaves unchanged, issue 12 Deliver 7), day 0,
 * release; then restrictions and shortfalls.
 */
export function PlanSummary({ plan, current = false }: { plan: PlanJson; current?: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const packs = useQuery({ queryKey: policyKeys.packs, queryFn: fetchPacks });
  const reasons = usePlanReasons(plan);
  const pack = packs.data?.find((candidate) => candidate.id === plan.packId);
  // The pack by its title, never its id (empty while the list loads).
  const packTitle = pack ? pickText(language, pack.titleZh, pack.titleEn) : '';
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Tag data-testid="plan-rule">{plan.rule}</Tag>
        <Typography.Text strong data-testid="plan-title">
          {pickText(language, plan.title.zh, plan.title.en)}
        </Typography.Text>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(current ? 'arrivals.detail.currentVersion' : 'arrivals.detail.pack')}>
          <Link to={`/policy/${plan.packId}/${plan.packVersion}`} data-testid="plan-pack">
            {t('arrivals.detail.packVersion', { title: packTitle, version: plan.packVersion })}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('arrivals.detail.day0')}>
          {formatDay(plan.day0, language)}
        </Descriptions.Item>
        {plan.arrivalDay ? (
          <Descriptions.Item label={t('arrivals.columns.arrivedAt')}>
            {t('arrivals.plan.arrivalDay', { day: plan.arrivalDay })}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('arrivals.columns.releaseDate')}>
          <span data-testid="plan-release-date">{formatDay(plan.releaseDate, language)}</span>
        </Descriptions.Item>
      </Descriptions>
      {plan.shortfalls.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="plan-shortfalls"
          title={t('arrivals.detail.shortfalls')}
          description={
            <Space orientation="vertical" size={4}>
              {plan.shortfalls.map((shortfall) => (
                <Flex key={shortfall.id} gap={8} wrap align="center">
                  {t(`arrivals.plan.shortfalls.${shortfall.id}`)}
                  <SourceCitation source={shortfall.source} />
                </Flex>
              ))}
            </Space>
          }
        />
      ) : null}
      {plan.restrictions.length > 0 ? (
        <div style={{ marginBottom: 12 }} data-testid="plan-restrictions">
          <Typography.Text type="secondary">{t('arrivals.detail.restrictions')}</Typography.Text>
          {plan.restrictions.map((restriction) => (
            <Flex key={`${restriction.id}:${restriction.startDate}`} gap={8} wrap align="center">
              <span>
                {t(`arrivals.plan.restrictions.${restriction.id}`)} ·{' '}
                {formatDay(restriction.startDate, language)}
                {restriction.endDate !== restriction.startDate
                  ? ` → ${formatDay(restriction.endDate, language)}`
                  : ''}
              </span>
              <SourceCitation
                source={restriction.source}
                assumption={restriction.assumption}
                reason={reasons.restriction(restriction)}
              />
            </Flex>
          ))}
        </div>
      ) : null}
      <Typography.Paragraph data-testid="plan-release">
        <Typography.Text type="secondary">
          {t('arrivals.detail.release')}
          {t('common.colon')}
        </Typography.Text>
        {pickText(language, plan.release.zh, plan.release.en)}
      </Typography.Paragraph>
    </>
  );
}
