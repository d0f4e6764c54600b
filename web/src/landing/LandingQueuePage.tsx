import { SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Space, Table, Tabs, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { DrillFilters } from '../dashboard/DrillFilters';
import { useLanguage } from '../i18n/useLanguage';
import { useJurisdictionName } from '../jurisdictions/JurisdictionName';
import { useMe, usePermission } from '../session/useSession';
import {
  fetchReports,
  isCountyStaff,
  type LandingReport,
  landingKeys,
  lookAt,
  pushAllLooked,
  pushReport,
  type QueueFilter,
} from './api';
import { Countdown } from './Countdown';
import { DiscardButton } from './DiscardButton';
import { ReportPerson, ReportPlan, ReportState } from './ReportSummary';

const TABS = [
  'new',
  'looked',
  'pushed',
  'cleared',
  'discarded',
  'open',
  'all',
] as const satisfies readonly QueueFilter[];
const isTab = (value: string | null): value is QueueFilter => TABS.includes(value as (typeof TABS)[number]);
/** "Not closed" (new, looked or pushed): the dashboard's outstanding reports. */
const tabLabel = (t: TFunction, tab: QueueFilter) =>
  tab === 'open' ? t('dashboard.filters.openReports') : t(`landing.queue.tabs.${tab}`);

/**
 * The designated staff's queue (ARR-11 "专人最长每半小时查看一次报备信息,并第一时间推送所去社区"):
 * new reports with the countdown to their 30-minute look, look, push to the community, push all.
 */
export default function LandingQueuePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = usePermission('arrival.write');
  const queryClient = useQueryClient();
  // Tab, place and page live in the URL, so a dashboard figure opens the reports it counts.
  const [params, setParams] = useSearchParams();
  const tab = params.get('state');
  const state: QueueFilter = isTab(tab) ? tab : 'new';
  const jurisdiction = params.get('jurisdiction') || undefined;
  const place = useJurisdictionName(jurisdiction);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const write = (next: { state: QueueFilter; jurisdiction: string | undefined; page: number }) => {
    const search = new URLSearchParams();
    if (next.state !== 'new') search.set('state', next.state);
    if (next.jurisdiction) search.set('jurisdiction', next.jurisdiction);
    if (next.page !== 1) search.set('page', String(next.page));
    setParams(search);
  };
  const setPage = (next: number) => write({ state, jurisdiction, page: next });
  const query = useQuery({
    queryKey: landingKeys.list(state, jurisdiction, page),
    queryFn: () => fetchReports(state, jurisdiction, page),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: landingKeys.all });
  const look = useMutation({ mutationFn: lookAt, onSuccess: refresh });
  const push = useMutation({ mutationFn: pushReport, onSuccess: refresh });
  const pushAll = useMutation({
    mutationFn: () => pushAllLooked(me.scopes[0] ?? ''),
    onSuccess: (result) => {
      message.success(t('landing.queue.pushedCount', { count: result.pushed }));
      void refresh();
    },
  });
  const error = query.error ?? look.error ?? push.error ?? pushAll.error;

  const columns = [
    { title: t('landing.columns.receipt'), dataIndex: 'receipt', key: 'receipt' },
    {
      title: t('landing.columns.submittedAt'),
      key: 'submittedAt',
      render: (_: unknown, r: LandingReport) => formatDateTime(r.submittedAt, language),
    },
    {
      title: t('landing.columns.lookDeadline'),
      key: 'look',
      render: (_: unknown, r: LandingReport) => (
        <Countdown dueAt={r.lookDueAt} doneAt={r.lookedAt} data-testid="landing-look-countdown" />
      ),
    },
    {
      title: t('landing.columns.person'),
      key: 'person',
      render: (_: unknown, r: LandingReport) => <ReportPerson report={r} />,
    },
    { title: t('landing.columns.origin'), dataIndex: 'originLabel', key: 'origin' },
    {
      title: t('landing.columns.arrivedAt'),
      key: 'arrivedAt',
      render: (_: unknown, r: LandingReport) => formatDateTime(r.arrivedAt, language),
    },
    {
      title: t('landing.columns.destination'),
      key: 'destination',
      render: (_: unknown, r: LandingReport) => `${r.destinationName ?? r.destinationCode} ${r.address}`,
    },
    {
      title: t('landing.columns.plan'),
      key: 'plan',
      render: (_: unknown, r: LandingReport) => <ReportPlan report={r} />,
    },
    {
      title: t('landing.columns.state'),
      key: 'state',
      render: (_: unknown, r: LandingReport) => <ReportState report={r} />,
    },
    {
      title: t('landing.columns.actions'),
      key: 'actions',
      // Looking, pushing and setting aside are the county's: a community's staff verify (ARR-11).
      render: (_: unknown, r: LandingReport) =>
        canWrite && isCountyStaff(me.scopes, r.destinationCode) && !r.cleared ? (
          <Space wrap>
            {r.lookedAt ? null : (
              <Button
                size="small"
                onClick={() => look.mutate(r.id)}
                loading={look.isPending}
                data-testid="landing-look"
              >
                {t('landing.queue.look')}
              </Button>
            )}
            {r.pushedAt ? null : (
              <Button
                size="small"
                type="primary"
                onClick={() => push.mutate(r.id)}
                loading={push.isPending}
                data-testid="landing-push"
              >
                {t('landing.queue.push')}
              </Button>
            )}
            {r.verifiedAt ? null : <DiscardButton report={r} onDone={() => void refresh()} />}
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('landing.queue.title')}
        </Typography.Title>
        {canWrite ? (
          <Button
            icon={<SendOutlined />}
            onClick={() => pushAll.mutate()}
            loading={pushAll.isPending}
            data-testid="landing-push-all"
          >
            {t('landing.queue.pushAll')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('landing.queue.hint')}</Typography.Paragraph>
      <DrillFilters
        filters={
          jurisdiction
            ? [
                {
                  key: 'jurisdiction',
                  label: t('dashboard.filters.jurisdiction', { name: place }),
                  onClear: () => write({ state, jurisdiction: undefined, page: 1 }),
                },
              ]
            : []
        }
        onClearAll={() => write({ state, jurisdiction: undefined, page: 1 })}
      />
      <Tabs
        activeKey={state}
        onChange={(key) => write({ state: key as QueueFilter, jurisdiction, page: 1 })}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`landing-tab-${key}`}>{tabLabel(t, key)}</span>,
        }))}
      />
      {error ? <ProblemAlert error={error} /> : null}
      <Table<LandingReport>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('landing.queue.empty') }}
        onRow={() => rowTestId('landing-row')}
        pagination={{
          current: page,
          pageSize: query.data?.pageSize ?? 50,
          total: query.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        data-testid="landing-queue"
      />
    </>
  );
}
