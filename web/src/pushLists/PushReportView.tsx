import { DownloadOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { LevelCounts, PushImportReport, PushRowError } from './api';

const LEVELS: Array<{ key: Exclude<keyof LevelCounts, 'total'>; color: string }> = [
  { key: 'high', color: 'red' },
  { key: 'medium', color: 'orange' },
  { key: 'keyConcern', color: 'gold' },
  { key: 'districtHigh', color: 'volcano' },
  { key: 'districtMedium', color: 'gold' },
  { key: 'low', color: 'green' },
  { key: 'unclassified', color: 'default' },
  { key: 'overseas', color: 'purple' },
];

/** An import's counts, its rows by the origin's risk level, and every rejected row shown. */
export function PushReportView({ report }: { report: PushImportReport }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: TableColumnsType<PushRowError> = [
    { key: 'line', title: t('pushLists.report.line'), dataIndex: 'line', width: 80 },
    {
      key: 'reason',
      title: t('pushLists.report.reason'),
      render: (_, e) => pickText(language, e.message_zh, e.message),
    },
  ];
  const stats = ['total', 'registered', 'unchanged', 'rejected'] as const;
  return (
    <Card
      title={`${t('pushLists.report.title')} · ${report.fileName}`}
      data-testid="push-report"
      extra={
        report.rejected > 0 ? (
          <Space wrap>
            <a href={report.errorReport} data-testid="push-errors-xlsx">
              <DownloadOutlined /> {t('pushLists.report.errorsXlsx')}
            </a>
            <a href={`${report.errorReport}?format=csv`} data-testid="push-errors-csv">
              <DownloadOutlined /> {t('pushLists.report.errorsCsv')}
            </a>
          </Space>
        ) : null
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map((key) => (
          <Col key={key} xs={12} sm={6}>
            <Statistic
              title={t(`pushLists.report.${key}`)}
              value={report[key]}
              data-testid={`push-count-${key}`}
            />
          </Col>
        ))}
      </Row>
      {report.levels ? (
        <div style={{ marginBottom: 16 }} data-testid="push-levels">
          <Typography.Text strong>{t('pushLists.levels.title')}</Typography.Text>
          <Space wrap size={[4, 8]} style={{ display: 'flex', marginTop: 8 }}>
            {LEVELS.map(({ key, color }) => (
              <Tag key={key} color={color} data-testid={`push-level-${key}`}>
                {t(`pushLists.levels.${key}`)} {report.levels?.[key] ?? 0}
              </Tag>
            ))}
          </Space>
        </div>
      ) : null}
      {report.rejected > report.errors.length ? (
        <Typography.Paragraph type="secondary">
          {t('pushLists.report.truncated', { shown: report.errors.length, count: report.rejected })}
        </Typography.Paragraph>
      ) : null}
      {report.errors.length > 0 ? (
        <Table<PushRowError>
          size="small"
          rowKey={(e) => `${e.line}:${e.field}:${e.code}`}
          columns={columns}
          dataSource={report.errors}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          onRow={() => rowTestId('push-error-row')}
          data-testid="push-errors"
        />
      ) : null}
    </Card>
  );
}
