import { SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
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

const TABS = ['new', 'looked', 'pushed', 'cleared', 'discarded', 'all'] as const;

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
  const [state, setState] = useState<QueueFilter>('new');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: landingKeys.list(state, undefined, page),
    queryFn: () => fetchReports(state, undefined, page),
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
      <Tabs
        activeKey={state}
        onChange={(key) => {
          setState(key as QueueFilter);
          setPage(1);
        }}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`landing-tab-${key}`}>{t(`landing.queue.tabs.${key}`)}</span>,
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
