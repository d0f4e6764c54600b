import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Row, Space, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { SpreadsheetPicker } from '../common/SpreadsheetPicker';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { type FeedReport, sentinelKeys, uploadFeed } from './api';
import { type FeedSpec, fieldLabelKey } from './feeds';

type RowError = FeedReport['errors'][number];
const COUNTS = ['total', 'created', 'updated', 'unchanged', 'rejected'] as const;

/** A day's or a week's rows at once from a .xlsx/.csv sheet; every rejected row with its line and reason. */
export function FeedImport({ spec }: { spec: FeedSpec }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadFeed(spec.path, chosen),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sentinelKeys.recent(spec.path) }),
  });
  const report = upload.data;
  const headers = [t('sentinels.fields.site'), ...spec.fields.map((f) => t(fieldLabelKey(f.key)))];
  const columns: TableColumnsType<RowError> = [
    { key: 'line', title: t('sentinels.import.line'), dataIndex: 'line', width: 70 },
    {
      key: 'reason',
      title: t('sentinels.import.reason'),
      render: (_, e) => pickText(language, e.message_zh, e.message),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('sentinels.import.intro', { headers: headers.join(t('sentinels.import.separator')) })}
      </Typography.Paragraph>
      <SpreadsheetPicker
        file={file}
        onPick={(picked) => {
          setFile(picked);
          upload.reset();
        }}
        pickLabel={t('sentinels.import.pick')}
        noFileLabel={t('sentinels.import.noFile')}
        testIdPrefix={`sentinel-${spec.path}`}
      />
      <Button
        type="primary"
        icon={<UploadOutlined />}
        disabled={!file}
        loading={upload.isPending}
        onClick={() => file && upload.mutate(file)}
        data-testid={`sentinel-${spec.path}-upload`}
      >
        {t('sentinels.import.upload')}
      </Button>
      {upload.error ? <ProblemAlert error={upload.error} /> : null}
      {report ? (
        <>
          {report.rejected === 0 ? (
            <Alert type="success" showIcon title={t('sentinels.import.allAccepted')} />
          ) : null}
          <Row gutter={[16, 16]}>
            {COUNTS.map((key) => (
              <Col key={key} xs={8} sm={4}>
                <Statistic title={t(`sentinels.import.${key}`)} value={report[key]} />
              </Col>
            ))}
          </Row>
          {report.errors.length > 0 ? (
            <Table<RowError>
              size="small"
              rowKey={(e) => `${e.line}:${e.field}:${e.code}`}
              columns={columns}
              dataSource={report.errors}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              onRow={() => rowTestId('sentinel-import-error')}
            />
          ) : null}
        </>
      ) : null}
    </Space>
  );
}
