import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { IMPORT_STATUS_COLORS } from '../common/importStatus';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { type ImportJob, importKeys, listImportJobs } from './api';

/**
 * Earlier ledger imports, newest first, with what each committed: an import cut off by a server
 * stop shows as interrupted, with its saved counts.
 */
export function ImportJobsTable() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useQuery({ queryKey: importKeys.list, queryFn: listImportJobs });
  const columns: TableColumnsType<ImportJob> = [
    {
      key: 'started',
      title: t('importJobs.started'),
      width: 170,
      render: (_, job) => formatDateTime(job.startedAt, language),
    },
    { key: 'file', title: t('importJobs.file'), dataIndex: 'fileName' },
    {
      key: 'status',
      title: t('importJobs.status'),
      render: (_, job) => {
        const tag = (
          <Tag color={IMPORT_STATUS_COLORS[job.status]} data-testid={`import-job-status-${job.status}`}>
            {t(`importJobs.statuses.${job.status}`)}
          </Tag>
        );
        return job.status === 'interrupted' ? (
          <Tooltip title={t('importJobs.interruptedHint')}>{tag}</Tooltip>
        ) : (
          tag
        );
      },
    },
    {
      key: 'failure',
      title: t('importJobs.failure'),
      render: (_, job) => (job.failure ? t(`importJobs.failures.${job.failure}`) : ''),
    },
    { key: 'total', title: t('import.total'), dataIndex: 'total' },
    { key: 'created', title: t('import.created'), dataIndex: 'created' },
    { key: 'unchanged', title: t('import.unchanged'), dataIndex: 'unchanged' },
    { key: 'rejected', title: t('import.rejected'), dataIndex: 'rejected' },
    {
      key: 'errors',
      title: t('importJobs.errors'),
      render: (_, job) =>
        job.rejected > 0 ? (
          <a href={job.errorReport}>
            <DownloadOutlined /> {t('importJobs.download')}
          </a>
        ) : null,
    },
  ];
  return (
    <Card title={t('importJobs.historyTitle')} style={{ marginTop: 16 }}>
      <Table<ImportJob>
        size="small"
        rowKey="jobId"
        loading={query.isLoading}
        columns={columns}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        onRow={() => rowTestId('import-job-row')}
      />
    </Card>
  );
}
