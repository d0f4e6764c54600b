import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { epiTeamKeys, getWorkload, type Workload } from './api';

type Row = Workload['items'][number];

/** EPI-6: open, overdue and recently completed investigations per investigator (contract 4, INVESTIGATIONS'). */
export function WorkloadPanel({ jurisdiction }: { jurisdiction: string | undefined }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: epiTeamKeys.workload(jurisdiction),
    queryFn: () => getWorkload(jurisdiction),
    retry: false,
  });
  // Until the investigations module serves the workload, the route does not exist: say so plainly.
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <Alert type="info" showIcon title={t('epiTeams.workload.pending')} data-testid="workload-pending" />
    );
  return (
    <Card data-testid="workload">
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<Row>
        size="small"
        rowKey="userId"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('epiTeams.workload.empty') }}
        onRow={() => rowTestId('workload-row')}
        columns={[
          { key: 'name', title: t('epiTeams.workload.investigator'), dataIndex: 'displayName' },
          { key: 'open', title: t('epiTeams.workload.open'), dataIndex: 'open', align: 'right' },
          {
            key: 'overdue',
            title: t('epiTeams.workload.overdue'),
            align: 'right',
            render: (_, row) => (row.overdue > 0 ? <Tag color="red">{row.overdue}</Tag> : 0),
          },
          {
            key: 'completed',
            title: t('epiTeams.workload.completed'),
            dataIndex: 'completedLast7Days',
            align: 'right',
          },
        ]}
      />
    </Card>
  );
}
