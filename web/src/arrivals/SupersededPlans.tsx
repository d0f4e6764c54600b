import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { fetchPacks, policyKeys } from '../policy/api';
import type { PlanEvent, StoredPlan } from './api';
import { itemText } from './planLabels';

/**
 * Plans a newer pack version (or a reclassification) replaced, newest first (issue 12 Deliver 7):
 * each with the version that made it, the version that replaced it and when, and the results
 * recorded on it, those the new plan no longer asks for included.
 */
export function SupersededPlans({ plans, events = [] }: { plans: StoredPlan[]; events?: PlanEvent[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const packs = useQuery({ queryKey: policyKeys.packs, queryFn: fetchPacks });
  const superseded = plans.filter((stored) => stored.status === 'superseded');
  if (superseded.length === 0) return null;
  const titleOf = (id: string) => packs.data?.find((pack) => pack.id === id)?.titleZh ?? '';
  return (
    <Card title={t('arrivals.detail.superseded')} size="small" data-testid="superseded-plans">
      {superseded.map(({ id, createdAt, plan, supersededBy }) => {
        const next = plans.find((stored) => stored.id === supersededBy);
        const recorded = events.filter((event) => event.planId === id);
        return (
          <div key={id} data-testid="superseded-plan" style={{ padding: '6px 0' }}>
            <Flex gap={8} wrap align="center">
              <Tag>{plan.rule}</Tag>
              <span>{pickText(language, plan.title.zh, plan.title.en)}</span>
              <Link to={`/policy/${plan.packId}/${plan.packVersion}`} data-testid="superseded-pack">
                {t('arrivals.detail.packVersion', { title: titleOf(plan.packId), version: plan.packVersion })}
              </Link>
            </Flex>
            <Typography.Text type="secondary" data-testid="superseded-by">
              {next
                ? t('arrivals.detail.replacedBy', {
                    from: plan.packVersion,
                    to: next.plan.packVersion,
                    at: formatDateTime(next.createdAt, language),
                  })
                : t('arrivals.detail.supersededAt', { at: formatDateTime(createdAt, language) })}
            </Typography.Text>
            {recorded.length > 0 ? (
              <div data-testid="superseded-events">
                <Typography.Text type="secondary">{t('arrivals.detail.recorded')}</Typography.Text>
                {recorded
                  .map(
                    (event) =>
                      `${itemText(t, plan, event.item)} ${t(`arrivals.plan.results.${event.result}`)}`,
                  )
                  .join(t('policy.detail.daySeparator'))}
              </div>
            ) : null}
          </div>
        );
      })}
    </Card>
  );
}
