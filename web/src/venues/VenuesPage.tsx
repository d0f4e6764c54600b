import { EditOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { usePermission } from '../session/useSession';
import { TracingTabs } from '../tracing/TracingTabs';
import { listVenues, VENUE_KINDS, type VenueFilters, type VenueKind, type VenueView, venueKeys } from './api';
import { CheckInFeed } from './CheckInFeed';
import { Supervision } from './Supervision';
import { VenueForm } from './VenueForm';

const VIEWS = ['registry', 'supervision', 'feed'] as const;
type View = (typeof VIEWS)[number];

/** Venues and venue codes (HC-2): the registry, the supervisor's view and the check-in feeds. */
export default function VenuesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : 'registry';
  const canWrite = usePermission('venue.write');
  return (
    <>
      <TracingTabs />
      <Typography.Title level={3} className="page-title">
        {t('venues.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('venues.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {VIEWS.filter((v) => v !== 'feed' || canWrite).map((v) => (
          <Button
            key={v}
            type={view === v ? 'primary' : 'default'}
            onClick={() => setParams(v === 'registry' ? {} : { view: v })}
            data-testid={`venues-view-${v}`}
          >
            {t(`venues.views.${v}`)}
          </Button>
        ))}
      </Space>
      {view === 'registry' ? <Registry canWrite={canWrite} /> : null}
      {view === 'supervision' ? <Supervision /> : null}
      {view === 'feed' && canWrite ? <CheckInFeed /> : null}
    </>
  );
}

function Registry({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<VenueFilters>({ page: 1 });
  const [editing, setEditing] = useState<VenueView | null | undefined>(undefined);
  const query = useQuery({
    queryKey: venueKeys.list(filters),
    queryFn: () => listVenues(filters),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<VenueView> = [
    {
      key: 'name',
      title: t('venues.name'),
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <span>{v.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v.jurisdictionName ?? v.jurisdictionCode}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'kind', title: t('venues.kind'), render: (_, v) => <Tag>{t(`venues.kinds.${v.kind}`)}</Tag> },
    {
      key: 'capacity',
      title: t('venues.capacity'),
      render: (_, v) =>
        v.capacity === null
          ? '—'
          : v.capacityLimit === null
            ? v.capacity
            : t('venues.capacityWithLimit', { capacity: v.capacity, limit: v.capacityLimit }),
    },
    {
      key: 'responsible',
      title: t('venues.responsible'),
      responsive: ['md'],
      render: (_, v) => [v.responsibleName, v.responsiblePhoneMasked].filter(Boolean).join(' ') || '—',
    },
    {
      key: 'active',
      title: t('venues.status'),
      render: (_, v) =>
        v.active ? <Tag color="green">{t('venues.inUse')}</Tag> : <Tag>{t('venues.inactive')}</Tag>,
    },
    {
      key: 'actions',
      title: t('venues.actions'),
      render: (_, v) => (
        <Space wrap size={4}>
          <Link to={`/venues/${v.id}/poster`} data-testid="venue-poster-link">
            <QrcodeOutlined /> {t('venues.poster.open')}
          </Link>
          {canWrite ? (
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              onClick={() => setEditing(v)}
              data-testid="venue-edit"
            >
              {t('venues.edit')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('venues.search')}
            style={{ width: 220 }}
            onSearch={(q) => setFilters({ ...filters, q: q || undefined, page: 1 })}
            data-testid="venue-search"
          />
          <Select<VenueKind>
            allowClear
            placeholder={t('venues.kind')}
            style={{ width: 160 }}
            value={filters.kind}
            onChange={(kind) => setFilters({ ...filters, kind, page: 1 })}
            options={VENUE_KINDS.map((kind) => ({ value: kind, label: t(`venues.kinds.${kind}`) }))}
            data-testid="venue-filter-kind"
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('venues.status')}
            style={{ width: 120 }}
            value={filters.active === undefined ? undefined : filters.active ? 'true' : 'false'}
            onChange={(value) =>
              setFilters({ ...filters, active: value === undefined ? undefined : value === 'true', page: 1 })
            }
            options={[
              { value: 'true', label: t('venues.inUse') },
              { value: 'false', label: t('venues.inactive') },
            ]}
            data-testid="venue-filter-active"
          />
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="venue-add"
            >
              {t('venues.add')}
            </Button>
          ) : null}
        </Space>
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Card>
        <Table<VenueView>
          data-testid="venue-list"
          rowKey="id"
          size="small"
          loading={query.isLoading}
          columns={columns}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={() => rowTestId('venue-row')}
          pagination={{
            current: filters.page ?? 1,
            pageSize: 20,
            total: query.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setFilters({ ...filters, page }),
          }}
        />
      </Card>
      {editing !== undefined ? (
        <VenueForm venue={editing} open onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
