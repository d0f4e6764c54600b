import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../checkpoints/newId';
import { ProblemAlert } from '../common/ProblemAlert';
import { SpreadsheetPicker } from '../common/SpreadsheetPicker';
import { getPushImport, type PushImportReport, pushKeys, TEMPLATE_URL, uploadPushList } from './api';
import { PushImportsTable } from './PushImportsTable';
import { PushReportView } from './PushReportView';

type Stage =
  | { name: 'idle' }
  | { name: 'uploading'; id: string; percent: number }
  | { name: 'failed'; error: unknown }
  | { name: 'done'; report: PushImportReport };

/**
 * Uploads a big-data push list: the upload's progress, then the rows the server has worked through
 * (polled by the import's client-made id), then the counts by risk level and every rejected row.
 */
export default function PushListsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const abort = useRef<(() => void) | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [classifyOnly, setClassifyOnly] = useState(false);
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => () => abort.current?.(), []);

  const uploadingId = stage.name === 'uploading' ? stage.id : null;
  // The import's record appears once its header is read; until then the poll answers 404.
  const progress = useQuery({
    queryKey: ['push-lists', 'progress', uploadingId],
    queryFn: () => getPushImport(uploadingId!),
    enabled: uploadingId !== null,
    refetchInterval: 1000,
    retry: false,
  });
  const pickedReport = useQuery({
    queryKey: pushKeys.one(picked ?? ''),
    queryFn: () => getPushImport(picked!),
    enabled: picked !== null,
  });

  const start = async () => {
    if (!file) return;
    const id = newId();
    setPicked(null);
    setStage({ name: 'uploading', id, percent: 0 });
    const mode = classifyOnly ? 'classify' : 'register';
    const upload = uploadPushList(file, { id, mode }, (percent) =>
      setStage({ name: 'uploading', id, percent }),
    );
    abort.current = upload.abort;
    try {
      setStage({ name: 'done', report: await upload.done });
    } catch (error) {
      setStage({ name: 'failed', error });
    } finally {
      abort.current = null;
      void queryClient.invalidateQueries({ queryKey: pushKeys.list });
    }
  };

  const uploading = stage.name === 'uploading';
  const shown = stage.name === 'done' ? stage.report : (pickedReport.data ?? null);
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('pushLists.title')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('pushLists.intro')}{' '}
            <a href={TEMPLATE_URL} data-testid="push-template">
              <DownloadOutlined /> {t('pushLists.template')}
            </a>
          </Typography.Paragraph>
          <SpreadsheetPicker
            file={file}
            onPick={(picked) => {
              setFile(picked);
              setStage({ name: 'idle' });
            }}
            disabled={uploading}
            pickLabel={t('pushLists.pick')}
            noFileLabel={t('pushLists.noFile')}
            testIdPrefix="push"
          />
          <Checkbox
            checked={classifyOnly}
            onChange={(e) => setClassifyOnly(e.target.checked)}
            data-testid="push-classify-only"
          >
            {t('pushLists.classifyOnly')}
          </Checkbox>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!file}
            loading={uploading}
            onClick={() => void start()}
            data-testid="push-upload"
          >
            {t('pushLists.upload')}
          </Button>
          {stage.name === 'uploading' ? (
            <div data-testid="push-progress">
              <Progress percent={stage.percent} status="active" />
              {progress.data ? (
                <Typography.Text type="secondary" data-testid="push-processed">
                  {t('pushLists.processing', { count: progress.data.total })}
                </Typography.Text>
              ) : null}
            </div>
          ) : null}
          {stage.name === 'failed' ? <ProblemAlert error={stage.error} /> : null}
          {stage.name === 'done' && stage.report.rejected === 0 ? (
            <Alert type="success" showIcon title={t('pushLists.allAccepted')} data-testid="push-success" />
          ) : null}
        </Space>
      </Card>
      {shown ? <PushReportView report={shown} /> : null}
      <PushImportsTable
        onPick={(id) => {
          setStage({ name: 'idle' });
          setPicked(id);
        }}
      />
    </>
  );
}
