import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { formatDueAt } from '../common/formatDueAt';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { useRoleLabel } from '../users/useRoleLabel';
import type { Deadline, DeadlinePage } from './api';
import { DeadlineStateTag } from './DeadlineStateTag';
import { MarkDoneButton } from './MarkDoneButton';
import { PAGE_SIZES } from './useDeadlineFilters';

interface DeadlineTableProps {
  data: DeadlinePage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

const isOpen = (deadline: Deadline) => deadline.state !== 'done' && deadline.state !== 'cancelled';

/** One page of obligations, due first; open ones can be marked done by those allowed to. */
export function DeadlineTable({ data, loading, page, pageSize, onPage }: DeadlineTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const roleLabel = useRoleLabel();
  const canWrite = usePermission('deadline.write');
  const columns: TableColumnsType<Deadline> = [
    {
      key: 'ruleId',
      title: t('deadlines.fields.ruleId'),
      render: (_, d) => <Tag>{d.ruleId}</Tag>,
      responsive: ['sm'],
    },
    {
      key: 'title',
      title: t('deadlines.fields.title'),
      // Whose work it is first: ten "re-sample" rows read as ten people, not ten copies.
      render: (_, d) => (
        <>
          {d.personName ? (
            <Typography.Text strong data-testid="deadline-person" style={{ marginInlineEnd: 8 }}>
              {d.personName}
            </Typography.Text>
          ) : null}
          <Typography.Text data-testid="deadline-title">
            {pickText(language, d.title.zh, d.title.en)}
          </Typography.Text>
        </>
      ),
    },
    { key: 'state', title: t('deadlines.fields.state'), render: (_, d) => <DeadlineStateTag deadline={d} /> },
    {
      key: 'dueAt',
      title: t('deadlines.fields.dueAt'),
      render: (_, d) => (
        <>
          <div data-testid="deadline-due">{formatDueAt(d.dueAt, language, d.timeZone)}</div>
          {d.doneAt ? (
            <Typography.Text type="secondary">
              {t('deadlines.doneAt', { time: formatDateTime(d.doneAt, language) })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'jurisdiction',
      title: t('deadlines.fields.jurisdiction'),
      dataIndex: 'jurisdictionName',
      responsive: ['md'],
    },
    {
      key: 'ownerRole',
      title: t('deadlines.fields.ownerRole'),
      render: (_, d) => roleLabel(d.ownerRole),
      responsive: ['lg'],
    },
    ...(canWrite
      ? [
          {
            key: 'action',
            title: t('deadlines.fields.action'),
            render: (_: unknown, d: Deadline) => {
              if (!isOpen(d)) return null;
              // A plan's tests and phase ends are recorded with their result on the arrival's page.
              if (d.subjectType === 'arrival') {
                return (
                  <Link to={`/arrivals/${d.subjectId}`} data-testid="deadline-record-on-arrival">
                    {t('deadlines.recordOnArrival')}
                  </Link>
                );
              }
              return <MarkDoneButton deadline={d} />;
            },
          },
        ]
      : []),
  ];
  const total = data?.total ?? 0;
  return (
    <Table<Deadline>
      data-testid="deadline-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onRow={() => rowTestId('deadline-row')}
      pagination={{
        current: page,
        pageSize,
        total,
        pageSizeOptions: PAGE_SIZES,
        showSizeChanger: true,
        showTotal: () =>
          data?.totalCapped
            ? t('deadlines.totalCapped', { count: total })
            : t('deadlines.total', { count: total }),
        onChange: onPage,
      }}
    />
  );
}
