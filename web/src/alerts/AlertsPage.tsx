import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Col,
  Flex,
  Row,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { DrillFilters } from '../dashboard/DrillFilters';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { usePermission } from '../session/useSession';
import { type AlertFilter, type Alert as AlertRow, alertKeys, evaluateNow, FEEDS, fetchAlerts } from './api';
import { RiskTag, StateTag } from './tags';

const PAGE_SIZE = 20;
const STATE_FILTERS = ['open', 'raised', 'acknowledged', 'assessed', 'closed', 'all'] as const;
type StateFilter = (typeof STATE_FILTERS)[number];

const isStateFilter = (value: string | null): value is StateFilter =>
  STATE_FILTERS.includes(value as StateFilter);

/**
 * MON-4: the jurisdiction's alerts, open ones first (to acknowledge, to assess, assessed), filtered
 * by state, feed and jurisdiction; the filters live in the address, so a dashboard figure opens the
 * very rows it counts.
 */
export default function AlertsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const mayHandle = usePermission('alert.handle');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: StateFilter = isStateFilter(stateParam) ? stateParam : 'open';
  const feed = params.get('feed') || undefined;
  const jurisdiction = params.get('jurisdiction') || undefined;
  const riskLevel = (params.get('riskLevel') || undefined) as AlertFilter['riskLevel'];
  const page = Number(params.get('page')) || 1;
  const update = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  const filter: AlertFilter = {
    ...(state === 'all' ? {} : { state }),
    ...(feed ? { feed } : {}),
    ...(jurisdiction ? { jurisdiction } : {}),
    ...(riskLevel ? { riskLevel } : {}),
  };
  const query = useQuery({
    queryKey: alertKeys.list(filter, page),
    queryFn: () => fetchAlerts(filter, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const evaluation = useMutation({
    mutationFn: evaluateNow,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });

  const columns: TableColumnsType<AlertRow> = [
    {
      key: 'raisedAt',
      title: t('alerts.columns.raisedAt'),
      render: (_, alert) => (
        <Link to={`/alerts/${alert.id}`}>{formatDateTime(alert.raisedAt, language)}</Link>
      ),
    },
    { key: 'unit', title: t('alerts.columns.unit'), dataIndex: 'unitName' },
    {
      key: 'rule',
      title: t('alerts.columns.rule'),
      render: (_, alert) => (language === 'zh-CN' ? alert.rule.title.zh : alert.rule.title.en),
    },
    {
      key: 'value',
      title: t('alerts.columns.value'),
      render: (_, alert) =>
        alert.ratio === null
          ? alert.windowValue
          : `${alert.windowValue}${t('alerts.ratio', { ratio: alert.ratio.toFixed(1) })}`,
    },
    {
      key: 'state',
      title: t('alerts.columns.state'),
      render: (_, alert) => <StateTag state={alert.state} />,
    },
    {
      key: 'riskLevel',
      title: t('alerts.columns.riskLevel'),
      render: (_, alert) => (alert.riskLevel ? <RiskTag level={alert.riskLevel} /> : null),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} className="page-title">
          {t('alerts.title')}
        </Typography.Title>
        {mayHandle ? (
          <Button
            onClick={() => evaluation.mutate()}
            loading={evaluation.isPending}
            data-testid="alerts-evaluate"
          >
            {t('alerts.evaluate')}
          </Button>
        ) : null}
      </Flex>
      <Alert type="info" showIcon message={t('alerts.intro')} style={{ marginBottom: 16 }} />
      {evaluation.data ? (
        <Alert
          type={evaluation.data.raised > 0 ? 'warning' : 'success'}
          showIcon
          closable
          message={t('alerts.evaluated', { rules: evaluation.data.rules, raised: evaluation.data.raised })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {evaluation.error ? <ProblemAlert error={evaluation.error} /> : null}
      <DrillFilters
        filters={
          riskLevel
            ? [
                {
                  key: 'riskLevel',
                  label: `${t('alerts.filters.riskLevel')}：${t(`alerts.riskLevels.${riskLevel}`)}`,
                  onClear: () => update({ riskLevel: undefined }),
                },
              ]
            : []
        }
        onClearAll={() => update({ riskLevel: undefined })}
      />
      <Segmented<StateFilter>
        value={state}
        onChange={(value) => update({ state: value === 'open' ? undefined : value })}
        options={STATE_FILTERS.map((value) => ({ value, label: t(`alerts.filters.${value}`) }))}
        style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        data-testid="alerts-state"
      />
      <Row gutter={[16, 8]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} lg={8}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('alerts.filters.feed')}
            value={feed}
            onChange={(value?: string) => update({ feed: value })}
            options={FEEDS.map((value) => ({ value, label: t(`alerts.feeds.${value}`) }))}
            data-testid="alerts-feed"
          />
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <JurisdictionTreeSelect<string>
            value={jurisdiction}
            onChange={(value) => update({ jurisdiction: value || undefined })}
            placeholder={t('alerts.filters.jurisdiction')}
            data-testid="alerts-jurisdiction"
          />
        </Col>
      </Row>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<AlertRow>
        data-testid="alerts-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('alerts.empty') }}
        onRow={() => rowTestId('alert-row')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showTotal: (total) => t('alerts.total', { count: total }),
          onChange: (next) => update({ page: String(next) }),
        }}
      />
    </>
  );
}
