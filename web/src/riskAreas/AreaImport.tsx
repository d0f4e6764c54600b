import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
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
import { type AreaImportReport, type AreaRowError, riskAreaKeys, TEMPLATE_URL, uploadAreas } from './api';

const COUNTS = ['total', 'created', 'lifted', 'unchanged', 'rejected', 'superseded'] as const;

/** Uploads a list of published areas (.xlsx/.csv) and shows every rejected row with its reason. */
export function AreaImport() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadAreas(chosen),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: riskAreaKeys.all }),
  });
  const report: AreaImportReport | undefined = upload.data;
  const columns: TableColumnsType<AreaRowError> = [
    { key: 'line', title: t('riskAreas.import.line'), dataIndex: 'line', width: 80 },
    {
      key: 'reason',
      title: t('riskAreas.import.reason'),
      render: (_, e) => pickText(language, e.message_zh, e.message),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('riskAreas.import.intro')}{' '}
            <a href={TEMPLATE_URL} data-testid="risk-area-template">
              <DownloadOutlined /> {t('riskAreas.import.template')}
            </a>
          </Typography.Paragraph>
          <SpreadsheetPicker
            file={file}
            onPick={(picked) => {
              setFile(picked);
              upload.reset();
            }}
            pickLabel={t('riskAreas.import.pick')}
            noFileLabel={t('riskAreas.import.noFile')}
            testIdPrefix="risk-area"
          />
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
            data-testid="risk-area-upload"
          >
            {t('riskAreas.import.upload')}
          </Button>
          {upload.error ? <ProblemAlert error={upload.error} /> : null}
          {report && report.rejected === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t('riskAreas.import.allAccepted')}
              data-testid="risk-area-import-success"
            />
          ) : null}
        </Space>
      </Card>
      {report ? (
        <Card title={t('riskAreas.import.report')} data-testid="risk-area-import-report">
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {COUNTS.map((key) => (
              <Col key={key} xs={12} sm={8} md={4}>
                <Statistic
                  title={t(`riskAreas.import.${key}`)}
                  value={report[key]}
                  data-testid={`risk-area-count-${key}`}
                />
              </Col>
            ))}
          </Row>
          {report.errors.length > 0 ? (
            <Table<AreaRowError>
              data-testid="risk-area-import-errors"
              size="small"
              rowKey={(e) => `${e.line}:${e.field}:${e.code}`}
              columns={columns}
              dataSource={report.errors}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              onRow={() => rowTestId('risk-area-import-error')}
            />
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
