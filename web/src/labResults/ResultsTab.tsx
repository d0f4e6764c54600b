import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { SpreadsheetPicker } from '../common/SpreadsheetPicker';
import { importResults, type LabResult, postResults } from './api';
import { ResultReport } from './ResultReport';

interface Line {
  key: number;
  barcode: string;
  /** No default: a result is always chosen, never left at whatever the form started with. */
  result: LabResult | null;
}

const RESULTS: LabResult[] = ['negative', 'positive', 'invalid'];
let nextKey = 1;
const blank = (): Line => ({ key: nextKey++, barcode: '', result: null });

/**
 * Results by hand (a grid of barcode + result) or as a file; each refused row shown with its line.
 * A row has no result until one is chosen, and positives are confirmed by barcode before posting:
 * a positive puts people under control (TST-1, TST-3).
 */
export function ResultsTab({ labId }: { labId: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState<Line[]>([blank()]);
  const filled = lines.filter((line) => line.barcode.trim());
  const ready = filled.length > 0 && filled.every((line) => line.result !== null);
  const [file, setFile] = useState<File | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['lab-results'] });
  const post = useMutation({
    mutationFn: () =>
      postResults(
        labId,
        filled.flatMap(({ barcode, result }) => (result ? [{ barcode: barcode.trim(), result }] : [])),
      ),
    onSuccess: () => {
      setLines([blank()]);
      void refresh();
    },
  });
  const upload = useMutation({
    mutationFn: (chosen: File) => importResults(labId, chosen),
    onSuccess: refresh,
  });
  const submit = () => {
    const positives = filled.filter((line) => line.result === 'positive').map((line) => line.barcode.trim());
    if (positives.length === 0) {
      post.mutate();
      return;
    }
    modal.confirm({
      title: t('labResults.results.confirmPositive', { count: positives.length }),
      content: (
        <Flex vertical gap={4} data-testid="confirm-positive">
          <Typography.Text>{t('labResults.results.confirmPositiveHint')}</Typography.Text>
          <Typography.Text strong>{positives.join('、')}</Typography.Text>
        </Flex>
      ),
      okText: t('labResults.results.confirmPositiveOk'),
      okButtonProps: { danger: true },
      onOk: () => post.mutate(),
    });
  };
  const update = (key: number, change: Partial<Line>) =>
    setLines((all) => all.map((line) => (line.key === key ? { ...line, ...change } : line)));
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex vertical gap={8}>
          {lines.map((line, index) => (
            <Flex key={line.key} gap={8} wrap>
              <Input
                style={{ flex: '1 1 12rem' }}
                placeholder={t('labResults.results.barcode')}
                value={line.barcode}
                onChange={(event) => update(line.key, { barcode: event.target.value })}
                onPressEnter={() => index === lines.length - 1 && setLines((all) => [...all, blank()])}
                data-testid="result-barcode"
              />
              <Select<LabResult>
                style={{ width: '8rem' }}
                placeholder={t('labResults.results.choose')}
                value={line.result ?? undefined}
                status={line.barcode.trim() && !line.result ? 'warning' : undefined}
                onChange={(result) => update(line.key, { result })}
                options={RESULTS.map((value) => ({ value, label: t(`labResults.value.${value}`) }))}
                data-testid="result-value"
              />
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('labResults.results.remove')}
                disabled={lines.length === 1}
                onClick={() => setLines((all) => all.filter((other) => other.key !== line.key))}
              />
            </Flex>
          ))}
          <Flex gap={8} wrap>
            <Button icon={<PlusOutlined />} onClick={() => setLines((all) => [...all, blank()])}>
              {t('labResults.results.add')}
            </Button>
            <Button
              type="primary"
              loading={post.isPending}
              disabled={!ready}
              onClick={submit}
              data-testid="result-submit"
            >
              {t('labResults.results.submit')}
            </Button>
          </Flex>
          {post.error && <ProblemAlert error={post.error} />}
          {post.data && <ResultReport report={post.data} />}
        </Flex>
      </Card>
      <Card size="small" title={t('labResults.results.file')}>
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('labResults.results.fileHint')}</Typography.Text>
          <SpreadsheetPicker
            file={file}
            onPick={setFile}
            pickLabel={t('labResults.results.pick')}
            noFileLabel={t('labResults.results.noFile')}
            testIdPrefix="result-import"
          />
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
            data-testid="result-upload"
          >
            {t('labResults.results.upload')}
          </Button>
          {upload.error && <ProblemAlert error={upload.error} />}
          {upload.data && <ResultReport report={upload.data} />}
        </Flex>
      </Card>
    </Flex>
  );
}
