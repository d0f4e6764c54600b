import { useQuery } from '@tanstack/react-query';
import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { IMPORT_STATUS_COLORS } from '../common/importStatus';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { listPushImports, type PushImport, pushKeys } from './api';

/** Earlier imports, newest first; picking one shows its report. */
export function PushImportsTable({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useQuery({ queryKey: pushKeys.list, queryFn: listPushImports });
  const columns: TableColumnsType<PushImport> = [
    {
      key: 'started',
      title: t('pushLists.history.started'),
      width: 170,
      render: (_, i) => formatDateTime(i.startedAt, language),
    },
    { key: 'file', title: t('pushLists.history.file'), dataIndex: 'fileName' },
    {
      key: 'mode',
      title: t('pushLists.history.mode'),
      render: (_, i) => t(`pushLists.history.modes.${i.mode}`),
    },
    {
      key: 'status',
      title: t('pushLists.history.status'),
      render: (_, i) => <Tag color={IMPORT_STATUS_COLORS[i.status]}>{t(`pushLists.status.${i.status}`)}</Tag>,
    },
    { key: 'total', title: t('pushLists.report.total'), dataIndex: 'total' },
    { key: 'registered', title: t('pushLists.report.registered'), dataIndex: 'registered' },
    { key: 'rejected', title: t('pushLists.report.rejected'), dataIndex: 'rejected' },
  ];
  return (
    <Card title={t('pushLists.history.title')} style={{ marginTop: 16 }}>
      <Table<PushImport>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        columns={columns}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        onRow={(row) => ({
          ...rowTestId('push-import-row'),
          onClick: () => onPick(row.id),
          style: { cursor: 'pointer' },
        })}
      />
    </Card>
  );
}
