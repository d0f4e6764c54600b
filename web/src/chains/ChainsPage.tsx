import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { hasPermission } from '../session/api';
import { useMe } from '../session/useSession';
import { TracingTabs } from '../tracing/TracingTabs';
import { AlertTag } from './AlertTag';
import { type ClusterSummary, chainKeys, fetchClusters } from './api';
import { LinkModal } from './LinkModal';

/** Transmission chains (EPI-5): clusters with their size, generations and accountability alert. */
export default function ChainsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const alertsParam = search.get('alerts');
  const alerts = alertsParam === 'true' ? true : alertsParam === 'false' ? false : undefined;
  const jurisdiction = search.get('jurisdiction') ?? undefined;
  const [linking, setLinking] = useState(false);
  const query = useQuery({
    queryKey: chainKeys.list(alerts, jurisdiction),
    queryFn: () => fetchClusters(alerts, jurisdiction),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<ClusterSummary> = [
    { key: 'root', title: t('chains.fields.root'), dataIndex: 'rootName' },
    { key: 'size', title: t('chains.fields.size'), dataIndex: 'size', align: 'right' },
    {
      key: 'maxGeneration',
      title: t('chains.fields.maxGeneration'),
      render: (_, c) =>
        c.maxPossibleGeneration > c.maxGeneration
          ? t('chains.generationRange', { best: c.maxGeneration, max: c.maxPossibleGeneration })
          : t('chains.generationN', { n: c.maxGeneration }),
    },
    {
      key: 'generations',
      title: t('chains.fields.generations'),
      render: (_, c) => c.generations.map((n, i) => `${t('chains.genShort', { n: i + 1 })} ${n}`).join(' · '),
      responsive: ['md'],
    },
    { key: 'alert', title: t('chains.fields.alert'), render: (_, c) => <AlertTag summary={c} /> },
    {
      key: 'last',
      title: t('chains.fields.lastReported'),
      render: (_, c) => formatDateTime(c.lastReportedAt, language),
      responsive: ['sm'],
    },
  ];
  return (
    <>
      <TracingTabs />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('chains.title')}
        </Typography.Title>
        {hasPermission(me, 'chain.write') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setLinking(true)}
            data-testid="chain-link-new"
          >
            {t('chains.link.new')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('chains.hint')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Select<string>
          value={alertsParam ?? ''}
          style={{ minWidth: 200 }}
          options={[
            { value: '', label: t('chains.filter.all') },
            { value: 'true', label: t('chains.filter.alerts') },
            { value: 'false', label: t('chains.filter.noAlerts') },
          ]}
          onChange={(value) => {
            const next = new URLSearchParams(search);
            if (value) next.set('alerts', value);
            else next.delete('alerts');
            setSearch(next);
          }}
          data-testid="chains-filter-alerts"
        />
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<ClusterSummary>
        data-testid="chains-table"
        rowKey="clusterId"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(c) => ({ ...rowTestId('chain-row'), onClick: () => navigate(`/chains/${c.clusterId}`) })}
        pagination={{ pageSize: 20, showTotal: (count) => t('chains.total', { count }) }}
        locale={{ emptyText: t('chains.empty') }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        <Tag color="red">{t('chains.legend.alert')}</Tag>
        {t('chains.legend.text')}
      </Typography.Paragraph>
      <LinkModal open={linking} onClose={() => setLinking(false)} />
    </>
  );
}
