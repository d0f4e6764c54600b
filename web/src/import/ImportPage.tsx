import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../checkpoints/newId';
import { ProblemAlert } from '../common/ProblemAlert';
import { SpreadsheetPicker } from '../common/SpreadsheetPicker';
import { getImportJob, type ImportReport, importKeys, TEMPLATE_URL, uploadLedger } from './api';
import { ImportJobsTable } from './ImportJobsTable';
import { ImportReportView } from './ImportReportView';

type Stage =
  | { name: 'idle' }
  | { name: 'uploading'; id: string; percent: number }
  | { name: 'failed'; error: unknown }
  | { name: 'done'; report: ImportReport };

/**
 * Uploads a person ledger (.xlsx or .csv) with a progress bar, follows the import by its id while
 * the server works through it (rows saved so far), and shows what was accepted or rejected.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const abort = useRef<(() => void) | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ name: 'idle' });

  useEffect(() => () => abort.current?.(), []);

  const uploadingId = stage.name === 'uploading' ? stage.id : null;
  // The import is filed as soon as the server starts on it; until then the poll answers 404.
  const progress = useQuery({
    queryKey: importKeys.one(uploadingId ?? ''),
    queryFn: () => getImportJob(uploadingId ?? ''),
    enabled: uploadingId !== null,
    refetchInterval: 1000,
    retry: false,
  });

  const start = async () => {
    if (!file) return;
    const id = newId();
    setStage({ name: 'uploading', id, percent: 0 });
    const upload = uploadLedger(file, id, (percent) => setStage({ name: 'uploading', id, percent }));
    abort.current = upload.abort;
    try {
      const report = await upload.done;
      setStage({ name: 'done', report });
      void queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
    } catch (error) {
      setStage({ name: 'failed', error });
    } finally {
      abort.current = null;
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
    }
  };

  const uploading = stage.name === 'uploading';
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('nav.import')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('import.intro')}{' '}
            <a href={TEMPLATE_URL} data-testid="import-template">
              <DownloadOutlined /> {t('import.template')}
            </a>
          </Typography.Paragraph>
          <SpreadsheetPicker
            file={file}
            onPick={(picked) => {
              setFile(picked);
              setStage({ name: 'idle' });
            }}
            disabled={uploading}
            pickLabel={t('import.pick')}
            noFileLabel={t('import.noFile')}
            testIdPrefix="import"
          />
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!file}
            loading={uploading}
            onClick={() => void start()}
            data-testid="import-upload"
          >
            {t('import.upload')}
          </Button>
          {stage.name === 'uploading' ? (
            <div data-testid="import-progress">
              <Progress percent={stage.percent} status="active" />
              {stage.percent >= 100 ? (
                <Typography.Text type="secondary">{t('import.processing')}</Typography.Text>
              ) : null}
              {progress.data ? (
                <div data-testid="import-saved">
                  <Typography.Text type="secondary">
                    {t('importJobs.progress', progress.data)}
                  </Typography.Text>
                </div>
              ) : null}
            </div>
          ) : null}
          {stage.name === 'failed' ? <ProblemAlert error={stage.error} /> : null}
          {stage.name === 'done' && stage.report.rejected === 0 ? (
            <Alert type="success" showIcon title={t('import.allAccepted')} data-testid="import-success" />
          ) : null}
        </Space>
      </Card>
      {stage.name === 'done' ? <ImportReportView report={stage.report} /> : null}
      <ImportJobsTable />
    </>
  );
}
