import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { TracingTabs } from '../tracing/TracingTabs';
import {
  fetchInvestigations,
  type InvestigationFilter,
  type InvestigationSummary,
  investigationKeys,
} from './api';
import { DeadlineTag, StatusTag } from './DeadlineTag';

/** The list's quick filters, each the URL query a dashboard figure drills with. */
const FILTERS = {
  all: {},
  underWay: { status: 'under_way' },
  firstOverdue: { overdue: 'first' },
  completeOverdue: { overdue: 'complete' },
  submitted: { status: 'submitted' },
  released: { status: 'released' },
} as const satisfies Record<string, InvestigationFilter>;
type FilterKey = keyof typeof FILTERS;

function filterOf(params: URLSearchParams): FilterKey {
  const status = params.get('status');
  const overdue = params.get('overdue');
  const found = (Object.keys(FILTERS) as FilterKey[]).find((key) => {
    const f: InvestigationFilter = FILTERS[key];
    return (f.status ?? null) === status && (f.overdue ?? null) === overdue;
  });
  return found ?? 'all';
}

/**
 * Investigations (EPI-1, EPI-6): those with work outstanding first, earliest due first, with the
 * 8-hour and 24-hour deadlines and the investigator; a row opens the workspace.
 */
export default function InvestigationsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const key = filterOf(params);
  const jurisdiction = params.get('jurisdiction') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = 20;
  const filter: InvestigationFilter = { ...FILTERS[key], jurisdiction };
  const query = useQuery({
    queryKey: investigationKeys.list(filter, page, pageSize),
    queryFn: () => fetchInvestigations(filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const setFilter = (next: FilterKey) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...FILTERS[next], jurisdiction })) if (v) search.set(k, v);
    setParams(search);
  };
  const columns: TableColumnsType<InvestigationSummary> = [
    {
      key: 'person',
      title: t('investigations.fields.person'),
      render: (_, row) => (
        <Link to={`/investigations/${row.caseId}`} data-testid={`investigation-open-${row.caseId}`}>
          {row.personName || row.personIdNumberMasked}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('investigations.fields.status'),
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      key: 'first',
      title: t('investigations.fields.first'),
      render: (_, row) => <DeadlineTag deadline={row.first} />,
    },
    {
      key: 'complete',
      title: t('investigations.fields.complete'),
      render: (_, row) => <DeadlineTag deadline={row.complete} />,
    },
    {
      key: 'investigator',
      title: t('investigations.fields.investigator'),
      render: (_, row) => row.investigatorName ?? t('investigations.assign.none'),
      responsive: ['sm'],
    },
    {
      key: 'classification',
      title: t('investigations.fields.classification'),
      render: (_, row) => t(`investigations.classification.${row.classification as 'confirmed'}`),
      responsive: ['md'],
    },
    {
      key: 'reportedAt',
      title: t('investigations.fields.reportedAt'),
      render: (_, row) => formatDateTime(row.reportedAt, language),
      responsive: ['md'],
    },
    {
      key: 'jurisdiction',
      title: t('investigations.fields.jurisdiction'),
      dataIndex: 'jurisdictionName',
      responsive: ['lg'],
    },
    { key: 'team', title: t('investigations.fields.team'), dataIndex: 'teamName', responsive: ['lg'] },
  ];
  return (
    <>
      <TracingTabs />
      <Typography.Title level={3} className="page-title">
        {t('investigations.title')}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        message={t('investigations.hint')}
        description={t('investigations.basis')}
        style={{ marginBottom: 16 }}
      />
      <Segmented<FilterKey>
        value={key}
        onChange={setFilter}
        options={(Object.keys(FILTERS) as FilterKey[]).map((k) => ({
          value: k,
          label: t(`investigations.filter.${k}`),
        }))}
        style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        data-testid="investigations-filter"
      />
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<InvestigationSummary>
        data-testid="investigations-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(row) => rowTestId(`investigation-row-${row.caseId}`)}
        locale={{ emptyText: t('investigations.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showTotal: (count) => t('investigations.total', { count }),
          onChange: (next) => {
            const search = new URLSearchParams(params);
            search.set('page', String(next));
            setParams(search);
          },
        }}
      />
    </>
  );
}
