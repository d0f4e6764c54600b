import { DownloadOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePersonLabels } from '../persons/usePersonLabels';
import type { ImportReport, ImportRowError } from './api';

/** Counts of an import and every rejected row with its line and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels: Readonly<Record<string, string>> = usePersonLabels();
  const columns: TableColumnsType<ImportRowError> = [
    { key: 'line', title: t('import.line'), dataIndex: 'line', width: 90, sorter: (a, b) => a.line - b.line },
    {
      key: 'field',
      title: t('import.field'),
      width: 160,
      render: (_, row) => labels[row.field] ?? row.field,
    },
    {
      key: 'reason',
      title: t('import.reason'),
      render: (_, row) => pickText(language, row.message_zh, row.message),
    },
  ];
  const stats = [
    { key: 'total', title: t('import.total'), value: report.total },
    { key: 'created', title: t('import.created'), value: report.created },
    { key: 'unchanged', title: t('import.unchanged'), value: report.unchanged },
    { key: 'rejected', title: t('import.rejected'), value: report.rejected },
  ];
  return (
    <Card
      title={t('import.reportTitle')}
      data-testid="import-report"
      extra={
        report.rejected > 0 && report.errorReport ? (
          <a href={report.errorReport} data-testid="import-error-report">
            <DownloadOutlined /> {t('import.errorReport')}
          </a>
        ) : null
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={12} sm={6}>
            <Statistic title={stat.title} value={stat.value} data-testid={`import-count-${stat.key}`} />
          </Col>
        ))}
      </Row>
      {report.rejected > report.errors.length ? (
        <Typography.Paragraph type="secondary" data-testid="import-errors-truncated">
          {t('import.errorsTruncated', { shown: report.errors.length, count: report.rejected })}
        </Typography.Paragraph>
      ) : null}
      {report.errors.length > 0 ? (
        <Table<ImportRowError>
          data-testid="import-errors-table"
          size="small"
          rowKey={(row) => `${row.line}:${row.field}:${row.code}`}
          columns={columns}
          dataSource={report.errors}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          onRow={() => rowTestId('import-error-row')}
        />
      ) : null}
    </Card>
  );
}
