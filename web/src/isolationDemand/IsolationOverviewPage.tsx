import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { IsolationTabs } from '../isolation/IsolationTabs';
import { fetchDemand, fetchOccupancy, isolationDemandKeys } from './api';
import { DemandTable } from './DemandTable';
import { HomeIsolation, OccupancySites } from './OccupancySites';

/**
 * The commander's isolation overview (ISO-2, ISO-1, ISO-4, ISO-5): rooms demanded by the confirmed
 * cases (100 per case) and needed now against the rooms held, per county with the gap in red; every
 * site's occupancy; home isolation per county. The dashboard's demand tile opens it.
 */
export default function IsolationOverviewPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params] = useSearchParams();
  const jurisdiction = params.get('jurisdiction') ?? undefined;
  const demand = useQuery({
    queryKey: isolationDemandKeys.demand(jurisdiction),
    queryFn: () => fetchDemand(jurisdiction),
  });
  const occupancy = useQuery({
    queryKey: isolationDemandKeys.occupancy(jurisdiction),
    queryFn: () => fetchOccupancy(jurisdiction),
  });
  const wide = (demand.data?.rows.length ?? 0) > 1;
  return (
    <>
      <IsolationTabs />
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {demand.data
            ? t('isolationDemand.titleOf', { name: demand.data.jurisdiction.name })
            : t('isolationDemand.title')}
        </Typography.Title>
        {jurisdiction ? <Link to="/isolation">{t('isolationDemand.back')}</Link> : null}
      </Flex>
      <Alert
        type="info"
        showIcon
        title={t('isolationDemand.hint')}
        description={
          <Space orientation="vertical" size={2}>
            <span data-testid="demand-basis">{t('isolationDemand.basis')}</span>
            <Typography.Paragraph
              type="secondary"
              style={{ marginBottom: 0 }}
              ellipsis={{ rows: 1, expandable: true, symbol: t('isolationDemand.more') }}
            >
              {t('isolationDemand.assumption')}
            </Typography.Paragraph>
          </Space>
        }
        style={{ margin: '12px 0 16px' }}
      />
      {demand.error || occupancy.error ? <ProblemAlert error={demand.error ?? occupancy.error} /> : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          size="small"
          title={t('isolationDemand.demandTitle')}
          extra={
            demand.data ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('isolationDemand.asOf', { at: formatDateTime(demand.data.asOf, language) })}
              </Typography.Text>
            ) : null
          }
        >
          {demand.data ? <DemandTable demand={demand.data} /> : <Skeleton active />}
        </Card>
        <Card size="small" title={t('isolationDemand.sitesTitle')}>
          {occupancy.data ? (
            <OccupancySites occupancy={occupancy.data} showCounty={wide} />
          ) : (
            <Skeleton active />
          )}
        </Card>
        <Card size="small" title={t('isolationDemand.homeTitle')}>
          {occupancy.data ? <HomeIsolation occupancy={occupancy.data} /> : <Skeleton active />}
        </Card>
      </Space>
    </>
  );
}
