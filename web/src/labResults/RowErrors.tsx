import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { RowError } from './api';

/** The refused rows of a request or file: line and reason in the UI language. */
export function RowErrors({ errors }: { errors: readonly RowError[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (errors.length === 0) return null;
  return (
    <Table
      size="small"
      rowKey={(row) => `${row.line}:${row.field}:${row.code}`}
      dataSource={[...errors]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="row-errors"
      columns={[
        { title: t('labResults.results.line'), dataIndex: 'line', width: 80 },
        {
          title: t('labResults.results.reason'),
          render: (_, row) => pickText(language, row.message_zh, row.message),
        },
      ]}
    />
  );
}
