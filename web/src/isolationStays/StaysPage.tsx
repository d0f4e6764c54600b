import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Space, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { IsolationTabs } from '../isolation/IsolationTabs';
import { usePermission } from '../session/useSession';
import { AllocateModal } from './AllocateModal';
import {
  fetchQueue,
  fetchStays,
  type QueueFilter,
  type QueueRow,
  type StayFilter,
  type StayKind,
  type StayRow,
  startHomeStay,
  stayKeys,
} from './api';
import { StatusTag } from './StatusTag';

type TabKey = 'queue' | 'centralised' | 'home' | 'ended';
const TABS: readonly TabKey[] = ['queue', 'centralised', 'home', 'ended'];
const PAGE_SIZE = 20;

const isTab = (value: string | null): value is TabKey => TABS.includes(value as TabKey);

/** Today's local date in the viewer's zone (YYYY-MM-DD), to flag stays ending today. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function sourceHref(row: { sourceType: 'contact' | 'arrival'; sourceId: string }) {
  return row.sourceType === 'contact' ? `/contacts/${row.sourceId}` : `/arrivals/${row.sourceId}`;
}

/** People owed isolation without a stay (ISO-4, EPI-4): the overdue transfers first. */
function QueueTable({ kind, filter = {} }: { kind: StayKind; filter?: QueueFilter }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayAllocate = usePermission('isolation.write');
  const mayHome = usePermission('monitoring.write') || mayAllocate;
  const [selected, setSelected] = useState<QueueRow[]>([]);
  const [allocating, setAllocating] = useState<QueueRow[] | null>(null);
  const query = useQuery({ queryKey: stayKeys.queue(kind, filter), queryFn: () => fetchQueue(kind, filter) });
  const home = useMutation({
    mutationFn: (row: QueueRow) => startHomeStay(row.sourceType, row.sourceId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: stayKeys.all });
      message.success(t('isolationStays.homeStarted'));
    },
  });
  const allColumns: TableColumnsType<QueueRow> = [
    {
      title: t('isolationStays.columns.person'),
      key: 'person',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{row.personName}</Typography.Text>
          {row.personIdMasked ? (
            <Typography.Text type="secondary">{row.personIdMasked}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('isolationStays.columns.actions'),
      key: 'actions',
      render: (_, row) =>
        kind === 'centralised' ? (
          mayAllocate ? (
            <Button
              size="small"
              type="primary"
              data-testid="allocate-button"
              onClick={() => setAllocating([row])}
            >
              {t('isolationStays.allocate')}
            </Button>
          ) : null
        ) : mayHome ? (
          <Button
            size="small"
            data-testid="home-stay-button"
            loading={home.isPending && home.variables?.sourceId === row.sourceId}
            onClick={() => home.mutate(row)}
          >
            {t('isolationStays.startHome')}
          </Button>
        ) : null,
    },
    {
      title: t('isolationStays.columns.due'),
      key: 'due',
      render: (_, row) =>
        row.dueAt ? (
          <Space size={4} wrap>
            <span>{formatDateTime(row.dueAt, language)}</span>
            {row.overdue ? <Tag color="red">{t('isolationStays.overdue')}</Tag> : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('isolationStays.noDue')}</Typography.Text>
        ),
    },
    {
      title: t('isolationStays.columns.source'),
      key: 'source',
      render: (_, row) => (
        <Space size={4} wrap>
          <Link to={sourceHref(row)}>
            {row.contactClass
              ? t(`isolationStays.classes.${row.contactClass as 'close'}`)
              : t(`isolationStays.sources.${row.sourceType}`)}
          </Link>
          {row.sharingAllowed ? <Tag>{t('isolationStays.sharing')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('isolationStays.columns.purpose'),
      key: 'purpose',
      render: (_, row) => t(`isolationStays.purposes.${row.purpose}`),
    },
    {
      title: t('isolationStays.columns.plannedEnd'),
      key: 'plannedEnd',
      render: (_, row) => formatDay(row.plannedEndDate, language),
    },
    {
      title: t('isolationStays.columns.jurisdiction'),
      key: 'jurisdiction',
      render: (_, row) => row.jurisdictionName ?? row.jurisdictionCode,
    },
  ];
  const columns = kind === 'home' ? allColumns.filter((c) => c.key !== 'due') : allColumns;
  return (
    <>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {home.error ? <ProblemAlert error={home.error} /> : null}
      {query.data?.truncated ? (
        <Alert
          type="warning"
          showIcon
          message={t('isolationStays.queueTruncated')}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {kind === 'centralised' && mayAllocate && selected.length > 1 ? (
        <Button
          style={{ marginBottom: 8 }}
          data-testid="allocate-selected"
          onClick={() => setAllocating(selected)}
        >
          {t('isolationStays.allocateSelected', { count: selected.length })}
        </Button>
      ) : null}
      <Table<QueueRow>
        data-testid={`queue-table-${kind}`}
        rowKey="sourceId"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isLoading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('isolationStays.queueEmpty') }}
        onRow={(row) => rowTestId(`queue-row-${row.personName}`)}
        {...(kind === 'centralised' &&
          mayAllocate && {
            rowSelection: {
              selectedRowKeys: selected.map((r) => r.sourceId),
              onChange: (_keys: React.Key[], rows: QueueRow[]) =>
                setSelected(rows.filter((r) => r.purpose === rows[0]?.purpose)),
            },
          })}
        pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true }}
      />
      {allocating ? (
        <AllocateModal
          people={allocating}
          onClose={() => {
            setAllocating(null);
            setSelected([]);
          }}
        />
      ) : null}
    </>
  );
}

/** Stays by tab: in centralised isolation (awaiting transfer or in a room), at home, ended. */
function StayTable({ filter }: { filter: StayFilter }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: stayKeys.list(filter, page),
    queryFn: () => fetchStays(filter, page, PAGE_SIZE),
  });
  const ending = today();
  const columns: TableColumnsType<StayRow> = [
    {
      title: t('isolationStays.columns.person'),
      key: 'person',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Link to={`/isolation/stays/${row.id}`}>{row.personName}</Link>
          {row.personIdMasked ? (
            <Typography.Text type="secondary">{row.personIdMasked}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('isolationStays.columns.status'),
      key: 'status',
      render: (_, row) => <StatusTag value={row.status} />,
    },
    ...(filter.kind === 'home'
      ? []
      : [
          {
            title: t('isolationStays.columns.site'),
            key: 'site',
            render: (_: unknown, row: StayRow) =>
              row.siteName ? `${row.siteName} ${row.roomNumber ?? ''}`.trim() : '—',
          },
        ]),
    {
      title: t('isolationStays.columns.startedAt'),
      key: 'startedAt',
      render: (_, row) => (row.startedAt ? formatDateTime(row.startedAt, language) : '—'),
    },
    {
      title: t('isolationStays.columns.plannedEnd'),
      key: 'plannedEnd',
      render: (_, row) => (
        <Space size={4}>
          <span>{formatDay(row.plannedEndDate, language)}</span>
          {filter.state === 'open' && row.plannedEndDate <= ending ? (
            <Tag color="blue">{t('isolationStays.endingToday')}</Tag>
          ) : null}
        </Space>
      ),
    },
    ...(filter.state === 'closed'
      ? [
          {
            title: t('isolationStays.columns.endedAt'),
            key: 'endedAt',
            render: (_: unknown, row: StayRow) =>
              row.endedAt
                ? `${formatDateTime(row.endedAt, language)}${row.endKind ? ` · ${t(`isolationStays.endKinds.${row.endKind}`)}` : ''}`
                : '—',
          },
        ]
      : []),
  ];
  return (
    <>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<StayRow>
        data-testid="stays-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isLoading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('isolationStays.empty') }}
        onRow={(row) => rowTestId(`stay-row-${row.personName}`)}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showTotal: (total) => t('isolationStays.total', { total }),
          onChange: setPage,
          hideOnSinglePage: true,
        }}
      />
    </>
  );
}

/** ISO-4, ISO-5, EPI-4: people awaiting a room, in rooms, at home, and those whose isolation ended. */
export default function StaysPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = isTab(tabParam) ? tabParam : 'queue';
  // A dashboard figure opens the page filtered (its jurisdiction, a status, ending by a date).
  const jurisdiction = params.get('jurisdiction') ?? undefined;
  const status = (params.get('status') ?? undefined) as StayFilter['status'];
  const endingBy = params.get('endingBy') ?? undefined;
  const overdue = params.get('overdue') === 'true' || undefined;
  const body: Record<TabKey, React.ReactNode> = {
    queue: <QueueTable kind="centralised" filter={{ jurisdiction, overdue }} />,
    centralised: (
      <StayTable filter={{ state: 'open', kind: 'centralised', jurisdiction, status, endingBy }} />
    ),
    home: (
      <>
        <Typography.Title level={5}>{t('isolationStays.queueKind.home')}</Typography.Title>
        <QueueTable kind="home" filter={{ jurisdiction }} />
        <Typography.Title level={5}>{t('isolationStays.tabs.home')}</Typography.Title>
        <StayTable filter={{ state: 'open', kind: 'home', jurisdiction, status }} />
      </>
    ),
    ended: <StayTable filter={{ state: 'closed', jurisdiction }} />,
  };
  return (
    <>
      <IsolationTabs />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} className="page-title">
          {t('isolationStays.title')}
        </Typography.Title>
      </Flex>
      <Alert
        type="info"
        showIcon
        message={t('isolationStays.intro')}
        description={t('isolationStays.citation')}
        style={{ marginBottom: 16 }}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(jurisdiction ? { tab: key, jurisdiction } : { tab: key })}
        items={TABS.map((key) => ({ key, label: t(`isolationStays.tabs.${key}`), children: body[key] }))}
      />
    </>
  );
}
