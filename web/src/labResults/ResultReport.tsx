import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IngestReport } from './api';
import { RowErrors } from './RowErrors';

/** What a posting did: counts, the people it put under control or released, refused rows and notes. */
export function ResultReport({ report }: { report: IngestReport }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="result-report">
      <Alert
        type={report.rejected > 0 ? 'warning' : 'success'}
        title={t('labResults.results.report', { ...report })}
        description={
          report.controlsOpened + report.controlsCleared > 0
            ? t('labResults.results.controls', {
                opened: report.controlsOpened,
                cleared: report.controlsCleared,
              })
            : undefined
        }
      />
      <RowErrors errors={report.errors} />
      {report.notes.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="result-notes">
          {t('labResults.results.notes')}:{' '}
          {report.notes.map((note) => `${note.barcode} ${note.item ?? ''} ${note.code}`).join('; ')}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
