import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { fetchLeaves, LEAVE_STATUSES, type Leave, type LeaveStatus, leaveKeys } from './api';
import { LeaveApplyModal } from './LeaveApplyModal';
import { LeaveDrawer } from './LeaveDrawer';
import { LeaveStatusTag } from './LeaveStatusTag';

/** Leave applications (ARR-14): pending first; a row opens the decision and the return report. */
export default function CadreLeavePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [status, setStatus] = useState<LeaveStatus | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [applying, setApplying] = useState(false);
  const [open, setOpen] = useState<Leave | null>(null);
  const query = useQuery({
    queryKey: leaveKeys.list(status, page.page, page.pageSize),
    queryFn: () => fetchLeaves(status, page.page, page.pageSize),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Leave> = [
    { key: 'person', title: t('cadreLeave.fields.person'), dataIndex: 'personName' },
    { key: 'status', title: t('cadreLeave.fields.status'), render: (_, l) => <LeaveStatusTag leave={l} /> },
    { key: 'destination', title: t('cadreLeave.fields.destinationName'), dataIndex: 'destinationName' },
    {
      key: 'dates',
      title: t('cadreLeave.fields.leaveDate'),
      render: (_, l) => `${formatDay(l.leaveDate, language)} – ${formatDay(l.plannedReturnDate, language)}`,
      responsive: ['sm'],
    },
    {
      key: 'applicant',
      title: t('cadreLeave.fields.appliedBy'),
      dataIndex: 'appliedByName',
      responsive: ['md'],
    },
    {
      key: 'approver',
      title: t('cadreLeave.fields.decidedBy'),
      dataIndex: 'decidedByName',
      responsive: ['lg'],
    },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('cadreLeave.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setApplying(true)}
          data-testid="leave-new"
        >
          {t('cadreLeave.apply')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('cadreLeave.hint')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Select<LeaveStatus | ''>
          value={status ?? ''}
          style={{ minWidth: 160 }}
          options={[
            { value: '', label: t('cadreLeave.all') },
            ...LEAVE_STATUSES.map((s) => ({ value: s, label: t(`cadreLeave.status.${s}`) })),
          ]}
          onChange={(next) => {
            setStatus(next || undefined);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          data-testid="leave-filter-status"
        />
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<Leave>
        data-testid="leave-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(l) => ({ ...rowTestId('leave-row'), onClick: () => setOpen(l) })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (count) => t('cadreLeave.total', { count }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
      <LeaveApplyModal open={applying} onClose={() => setApplying(false)} />
      <LeaveDrawer leave={open} onClose={() => setOpen(null)} onChanged={setOpen} />
    </>
  );
}
