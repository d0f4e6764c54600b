import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { IsolationTabs } from '../isolation/IsolationTabs';
import { usePermission } from '../session/useSession';
import { type Coverage, fetchSites, SITE_PURPOSES, SITE_STATUSES, type Site, siteKeys } from './api';
import { SiteFormModal } from './SiteFormModal';

const STATUS_COLOR = { in_use: 'green', standby: 'blue', not_ready: 'orange' } as const;

/** ISO-1 per county: one in use, one on standby, and the purposes no site serves. */
function CoverageCheck({ coverage }: { coverage: Coverage[] }) {
  const { t } = useTranslation();
  if (coverage.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="site-coverage">
      {coverage.map((c) => (
        <Alert
          key={c.code}
          type={c.ok && c.purposesWithoutSite.length === 0 ? 'success' : 'warning'}
          showIcon
          message={t('isolationSites.coverage.line', {
            county: c.name,
            state: c.ok
              ? t('isolationSites.coverage.ok', { inUse: c.inUse, standby: c.standby })
              : t('isolationSites.coverage.short', { inUse: c.inUse, standby: c.standby }),
          })}
          description={
            c.purposesWithoutSite.length > 0
              ? t('isolationSites.coverage.purposesMissing', {
                  purposes: c.purposesWithoutSite
                    .map((p) => t(`isolationSites.purpose.${p}`))
                    .join(t('isolationSites.sep')),
                })
              : undefined
          }
        />
      ))}
    </Flex>
  );
}

/**
 * Isolation sites (ISO-1, ISO-3): the one-in-use-one-standby check per county on top, then every
 * site with its status, purposes, readiness (x/5), rooms by state and point leader. The dashboard's
 * figures open it filtered (flag, jurisdiction).
 */
export default function SitesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canWrite = usePermission('isolation.site');
  const [adding, setAdding] = useState(false);
  const filters = {
    jurisdiction: params.get('jurisdiction') ?? undefined,
    purpose: params.get('purpose') ?? undefined,
    status: params.get('status') ?? undefined,
    flag: params.get('flag') ?? undefined,
  };
  const list = useQuery({ queryKey: siteKeys.list(filters), queryFn: () => fetchSites(filters) });
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const columns: TableColumnsType<Site> = [
    {
      key: 'name',
      title: t('isolationSites.fields.name'),
      render: (_, s) => (
        <Flex vertical gap={4}>
          <Link to={`/isolation/sites/${s.id}`} data-testid="site-link">
            {s.name}
          </Link>
          <span>
            <Tag color={STATUS_COLOR[s.status]}>{t(`isolationSites.status.${s.status}`)}</Tag>
            <Tag>{t(`isolationSites.kind.${s.kind}`)}</Tag>
            {s.active ? null : <Tag>{t('isolationSites.inactive')}</Tag>}
            {s.hasPointLeader ? null : <Tag color="red">{t('isolationSites.noPointLeader')}</Tag>}
          </span>
        </Flex>
      ),
    },
    {
      key: 'purposes',
      title: t('isolationSites.fields.purposes'),
      render: (_, s) => s.purposes.map((p) => t(`isolationSites.purpose.${p}`)).join(t('isolationSites.sep')),
      responsive: ['md'],
    },
    {
      key: 'readiness',
      title: t('isolationSites.fields.readiness'),
      render: (_, s) => (
        <Tag color={s.readiness.inPlace === 5 ? 'green' : 'orange'} data-testid="site-readiness">
          {s.readiness.inPlace}/{s.readiness.of}
        </Tag>
      ),
    },
    {
      key: 'rooms',
      title: t('isolationSites.fields.rooms'),
      render: (_, s) => (
        <Space size={4} wrap>
          <Tag color="green">
            {t('isolationSites.rooms.state.ready')} {s.rooms.ready}
          </Tag>
          <Tag color="blue">
            {t('isolationSites.rooms.state.occupied')} {s.rooms.occupied}
          </Tag>
          {s.rooms.cleaning > 0 ? (
            <Tag color="gold">
              {t('isolationSites.rooms.state.cleaning')} {s.rooms.cleaning}
            </Tag>
          ) : null}
          {s.rooms.outOfService > 0 ? (
            <Tag>
              {t('isolationSites.rooms.state.out_of_service')} {s.rooms.outOfService}
            </Tag>
          ) : null}
          <Typography.Text type="secondary">/ {s.rooms.total}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'where',
      title: t('isolationSites.fields.jurisdiction'),
      render: (_, s) => s.jurisdictionName ?? s.jurisdictionCode,
      responsive: ['lg'],
    },
  ];

  return (
    <>
      <IsolationTabs />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('isolationSites.title')}
        </Typography.Title>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="site-new"
          >
            {t('isolationSites.add')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('isolationSites.hint')}</Typography.Paragraph>
      <CoverageCheck coverage={list.data?.coverage ?? []} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('isolationSites.filters.purpose')}
          value={filters.purpose}
          onChange={(v) => setFilter('purpose', v)}
          options={SITE_PURPOSES.map((p) => ({ value: p, label: t(`isolationSites.purpose.${p}`) }))}
        />
        <Select
          style={{ minWidth: 120 }}
          allowClear
          placeholder={t('isolationSites.filters.status')}
          value={filters.status}
          onChange={(v) => setFilter('status', v)}
          options={SITE_STATUSES.map((s) => ({ value: s, label: t(`isolationSites.status.${s}`) }))}
        />
        <Select
          style={{ minWidth: 200 }}
          allowClear
          placeholder={t('isolationSites.filters.flag')}
          value={filters.flag}
          onChange={(v) => setFilter('flag', v)}
          options={(['not_ready', 'no_point_leader', 'coverage'] as const).map((f) => ({
            value: f,
            label: t(`isolationSites.filters.flag_${f}`),
          }))}
        />
      </Flex>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<Site>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('isolationSites.empty') }}
        onRow={() => rowTestId('site-row')}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('isolationSites.basis')}
      </Typography.Paragraph>
      <SiteFormModal open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
