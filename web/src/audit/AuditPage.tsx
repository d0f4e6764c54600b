import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { AuditChanges } from './AuditChanges';
import { AuditFilters } from './AuditFilters';
import { type AuditEntry, type AuditFilter, auditKeys, fetchAudit } from './api';
import { useAuditLabels } from './useAuditLabels';

const hasChanges = (entry: AuditEntry) =>
  entry.before !== null || entry.after !== null || entry.detail !== null;

/** The audit log of writes and unmaskings in the user's jurisdiction, newest first. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { actionLabel, entityLabel } = useAuditLabels();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: auditKeys.list(filter, paging.page, paging.pageSize),
    queryFn: () => fetchAudit(filter, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.at'), render: (_, entry) => formatDateTime(entry.at, language) },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorName' },
    { key: 'action', title: t('audit.action'), render: (_, entry) => actionLabel(entry.action) },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, entry) => entityLabel(entry.entity),
      responsive: ['sm'],
    },
    { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', responsive: ['md'] },
    {
      key: 'jurisdiction',
      title: t('audit.jurisdiction'),
      dataIndex: 'jurisdictionCode',
      responsive: ['lg'],
    },
  ];
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('nav.audit')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <AuditFilters
          onChange={(next) => {
            setFilter(next);
            setPaging((current) => ({ ...current, page: 1 }));
          }}
        />
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={() => rowTestId('audit-row')}
        expandable={{
          expandedRowRender: (entry) => <AuditChanges entry={entry} />,
          rowExpandable: hasChanges,
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('audit.total', { count: total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </>
  );
}
