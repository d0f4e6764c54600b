import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionName } from '../jurisdictions/JurisdictionName';
import type { OverdueTube } from './api';

export const OVERDUE_RED = '#cf1322';

/** Tubes owed a result past their TST-2 due time, in red. */
export function OverdueTable({
  items,
  loading,
  title,
  showPlace = false,
}: {
  items: OverdueTube[];
  loading: boolean;
  title: string;
  showPlace?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Table
      size="small"
      title={() => title}
      rowKey="barcode"
      loading={loading}
      dataSource={items}
      scroll={{ x: true }}
      data-testid="overdue-tubes"
      columns={[
        {
          title: t('labResults.results.barcode'),
          dataIndex: 'barcode',
          render: (value: string) => <span style={{ color: OVERDUE_RED }}>{value}</span>,
        },
        {
          title: t('labResults.board.category'),
          dataIndex: 'category',
          render: (value: string) => t(`labResults.category.${value}` as 'labResults.category.general'),
        },
        { title: t('labResults.board.members'), dataIndex: 'memberCount' },
        ...(showPlace
          ? [
              {
                title: t('labResults.control.jurisdiction'),
                dataIndex: 'jurisdictionCode',
                render: (code: string) => <JurisdictionName code={code} />,
              },
            ]
          : []),
        {
          title: t('labResults.board.dueAt'),
          dataIndex: 'dueAt',
          render: (value: string) => formatDateTime(value, language),
        },
      ]}
    />
  );
}
