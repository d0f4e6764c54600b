import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { StoredPlan } from './api';

/** Plans a newer pack version replaced (issue Deliver 8), newest first, each with its pack version. */
export function SupersededPlans({ plans }: { plans: StoredPlan[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const superseded = plans.filter((stored) => stored.status === 'superseded');
  if (superseded.length === 0) return null;
  return (
    <Card title={t('arrivals.detail.superseded')} size="small" data-testid="superseded-plans">
      {superseded.map(({ id, createdAt, plan }) => (
        <Flex key={id} gap={8} wrap align="center" data-testid="superseded-plan" style={{ padding: '4px 0' }}>
          <Tag>{plan.rule}</Tag>
          <span>{pickText(language, plan.title.zh, plan.title.en)}</span>
          <Link to={`/policy/${plan.packId}/${plan.packVersion}`} data-testid="superseded-pack">
            {plan.packId} v{plan.packVersion}
          </Link>
          <Typography.Text type="secondary">
            {t('arrivals.columns.releaseDate')} {plan.releaseDate} ·{' '}
            {t('arrivals.detail.supersededAt', { at: formatDateTime(createdAt, language) })}
          </Typography.Text>
        </Flex>
      ))}
    </Card>
  );
}
