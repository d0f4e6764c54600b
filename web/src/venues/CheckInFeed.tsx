import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { SpreadsheetPicker } from '../common/SpreadsheetPicker';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { type FeedRowError, uploadCheckIns, venueKeys } from './api';

const COUNTS = ['received', 'accepted', 'inserted', 'rejected'] as const;

/** Uploads a sheet of check-ins (HC-2 feeds) and shows every rejected row with its line, column and reason. */
export function CheckInFeed() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadCheckIns(chosen),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: venueKeys.all }),
  });
  const report = upload.data;
  const columns: TableColumnsType<FeedRowError> = [
    { key: 'line', title: t('venues.feed.line'), dataIndex: 'line', width: 80 },
    {
      key: 'reason',
      title: t('venues.feed.reason'),
      render: (_, e) => pickText(language, e.message_zh, e.message),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('venues.feed.intro')}</Typography.Paragraph>
          <Typography.Text code>{t('venues.feed.headers')}</Typography.Text>
          <SpreadsheetPicker
            file={file}
            onPick={(picked) => {
              setFile(picked);
              upload.reset();
            }}
            pickLabel={t('venues.feed.pick')}
            noFileLabel={t('venues.feed.noFile')}
            testIdPrefix="venue-feed"
          />
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
            data-testid="venue-feed-upload"
          >
            {t('venues.feed.upload')}
          </Button>
          {upload.error ? <ProblemAlert error={upload.error} /> : null}
          {report && report.rejected === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t('venues.feed.allAccepted')}
              data-testid="venue-feed-success"
            />
          ) : null}
        </Space>
      </Card>
      {report ? (
        <Card title={t('venues.feed.report')} data-testid="venue-feed-report">
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {COUNTS.map((key) => (
              <Col key={key} xs={12} sm={6}>
                <Statistic
                  title={t(`venues.feed.${key}`)}
                  value={report[key]}
                  data-testid={`venue-feed-count-${key}`}
                />
              </Col>
            ))}
          </Row>
          {report.errors.length > 0 ? (
            <Table<FeedRowError>
              data-testid="venue-feed-errors"
              size="small"
              rowKey={(e) => `${e.line}:${e.field}:${e.code}`}
              columns={columns}
              dataSource={report.errors}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              onRow={() => rowTestId('venue-feed-error')}
            />
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
