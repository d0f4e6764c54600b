import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { SpreadsheetPicker } from '../common/SpreadsheetPicker';
import { importResults, type LabResult, postResults } from './api';
import { ResultReport } from './ResultReport';

interface Line {
  key: number;
  barcode: string;
  result: LabResult;
}

const RESULTS: LabResult[] = ['negative', 'positive', 'invalid'];
let nextKey = 1;
const blank = (): Line => ({ key: nextKey++, barcode: '', result: 'negative' });

/** Results by hand (a grid of barcode + result) or as a file; each refused row shown with its line. */
export function ResultsTab({ labId }: { labId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState<Line[]>([blank()]);
  const [file, setFile] = useState<File | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['lab-results'] });
  const post = useMutation({
    mutationFn: () =>
      postResults(
        labId,
        lines
          .filter((line) => line.barcode.trim())
          .map(({ barcode, result }) => ({ barcode: barcode.trim(), result })),
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
              <Select
                style={{ width: '8rem' }}
                value={line.result}
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
              disabled={!lines.some((line) => line.barcode.trim())}
              onClick={() => post.mutate()}
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
