import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { AuditChanges } from './AuditChanges';
import { AuditFilters } from './AuditFilters';
import { type AuditEntry, type AuditFilter, auditKeys, fetchAudit } from './api';

const hasChanges = (entry: AuditEntry) =>
  entry.entityId !== null || entry.before !== null || entry.after !== null || entry.detail !== null;

/** The audit log of writes and unmaskings in the user's jurisdiction, newest first. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const words = (text: { zh: string; en: string }) => pickText(language, text.zh, text.en);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: auditKeys.list(filter, paging.page, paging.pageSize),
    queryFn: () => fetchAudit(filter, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.at'), render: (_, entry) => formatDateTime(entry.at, language) },
    {
      key: 'actor',
      title: t('audit.actor'),
      // "演示指挥长 (commander)" is recorded; the page shows the name, the login as a tooltip.
      render: (_, entry) => (
        <Tooltip title={entry.actorName}>
          <span>{entry.actorName.replace(/\s*\([^()]*\)$/, '')}</span>
        </Tooltip>
      ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      // Words only; the recorded code is a tooltip for whoever searches the raw log.
      render: (_, entry) => (
        <Tooltip title={entry.action}>
          <span data-testid="audit-action">{words(entry.actionText)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, entry) => words(entry.entityText),
      responsive: ['sm'],
    },
    {
      key: 'jurisdiction',
      title: t('audit.jurisdiction'),
      render: (_, entry) => entry.jurisdictionName ?? entry.jurisdictionCode,
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
