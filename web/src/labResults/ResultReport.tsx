import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { itemText } from '../arrivals/planLabels';
import type { IngestReport } from './api';
import { RowErrors } from './RowErrors';

/** What a posting did: counts, the people it put under control or released, refused rows and notes. */
export function ResultReport({ report }: { report: IngestReport }) {
  const { t, i18n } = useTranslation();
  /** A note in words: the tube, the plan's test, what was not done and why (the field message). */
  const noteText = (note: IngestReport['notes'][number]) => {
    const why = `fieldErrors.${note.code}`;
    return [
      note.barcode,
      note.item ? itemText(t, undefined, note.item) : '',
      t(`labResults.results.noteKinds.${note.kind}`),
      i18n.exists(why) ? t(why as 'fieldErrors.required', { label: '' }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  };
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
          {t('labResults.results.notes')}
          {t('common.colon')}
          <ul style={{ margin: 0 }}>
            {report.notes.map((note) => (
              <li key={`${note.barcode}:${note.item ?? ''}:${note.code}`}>{noteText(note)}</li>
            ))}
          </ul>
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
