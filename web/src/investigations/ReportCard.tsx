import { Alert, Button, Card, Flex, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { type InvestigationDetail, recordFirst, reviewReport, saveReport, submitReport } from './api';
import { useWrite } from './useWrite';

/** EPI-1's first investigation (8 h): a summary of what was learnt, recorded once. */
export function FirstCard({ view }: { view: InvestigationDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [summary, setSummary] = useState('');
  const record = useWrite(view.caseId, (text: string) => recordFirst(view.caseId, text));
  return (
    <Card title={t('investigations.report.firstTitle')} style={{ marginBottom: 16 }}>
      {view.firstDoneAt ? (
        <>
          <Typography.Text type="success">
            {t('investigations.report.firstDone', { at: formatDateTime(view.firstDoneAt, language) })}
          </Typography.Text>
          {view.firstSummary ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>{view.firstSummary}</Typography.Paragraph>
          ) : null}
        </>
      ) : view.may.recordFirst ? (
        <Flex vertical gap={8}>
          {record.error ? <ProblemAlert error={record.error} /> : null}
          <Input.TextArea
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            placeholder={t('investigations.report.firstPlaceholder')}
            autoSize={{ minRows: 2 }}
            maxLength={2000}
            aria-label={t('investigations.report.firstSummary')}
            data-testid="investigation-first-summary"
          />
          <div>
            <Button
              type="primary"
              disabled={!summary.trim()}
              loading={record.isPending}
              onClick={() => record.mutate(summary.trim())}
              data-testid="investigation-record-first"
            >
              {t('investigations.report.recordFirst')}
            </Button>
          </div>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t(`investigations.status.${view.status}`)}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * The report: written and saved by the investigator, submitted for review (EPI-1's 24 h), then
 * released or returned with a reason by another person holding the review permission (EPI-6).
 */
export function ReportCard({ view }: { view: InvestigationDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [text, setText] = useState(view.report);
  const [reason, setReason] = useState('');
  useEffect(() => setText(view.report), [view.report]);
  const save = useWrite(view.caseId, (report: string) => saveReport(view.caseId, report, view.version));
  const submit = useWrite(view.caseId, async (report: string) => {
    if (report !== view.report) await saveReport(view.caseId, report, view.version);
    return submitReport(view.caseId);
  });
  const review = useWrite(view.caseId, (decision: 'release' | 'return') =>
    reviewReport(view.caseId, decision, decision === 'return' ? reason.trim() : undefined),
  );
  const error = save.error ?? submit.error ?? review.error;
  const mayReviewNow = view.status === 'submitted';
  return (
    <Card title={t('investigations.report.title')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        {view.status === 'closed' ? (
          <Alert type="info" showIcon message={t('investigations.report.closed')} />
        ) : null}
        {view.returnReason && view.status === 'returned' ? (
          <Alert
            type="warning"
            showIcon
            message={t('investigations.report.returned', { reason: view.returnReason })}
          />
        ) : null}
        {view.submittedAt && view.submittedByName ? (
          <Typography.Text type="secondary">
            {t('investigations.report.submitted', {
              name: view.submittedByName,
              at: formatDateTime(view.submittedAt, language),
            })}
          </Typography.Text>
        ) : null}
        {view.releasedAt && view.reviewedByName ? (
          <Typography.Text type="success">
            {t('investigations.report.released', {
              name: view.reviewedByName,
              at: formatDateTime(view.releasedAt, language),
            })}
          </Typography.Text>
        ) : null}
        {error ? <ProblemAlert error={error} /> : null}
        {view.may.edit ? (
          <>
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('investigations.report.placeholder')}
              autoSize={{ minRows: 6 }}
              maxLength={20000}
              aria-label={t('investigations.report.title')}
              data-testid="investigation-report"
            />
            <Typography.Text type="secondary">{t('investigations.report.submitHint')}</Typography.Text>
            <Space wrap>
              <Button
                onClick={() => save.mutate(text)}
                loading={save.isPending}
                disabled={text === view.report}
                data-testid="investigation-report-save"
              >
                {t('investigations.report.save')}
              </Button>
              <Button
                type="primary"
                onClick={() => submit.mutate(text)}
                loading={submit.isPending}
                disabled={!view.may.submit || !text.trim()}
                data-testid="investigation-submit"
              >
                {t('investigations.report.submit')}
              </Button>
            </Space>
          </>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="investigation-report-text">
            {view.report}
          </Typography.Paragraph>
        )}
        {mayReviewNow ? (
          view.may.review ? (
            <Card size="small" title={t('investigations.review.title')}>
              <Flex vertical gap={8}>
                <Input
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder={t('investigations.review.reason')}
                  maxLength={500}
                  aria-label={t('investigations.review.reason')}
                  data-testid="investigation-review-reason"
                />
                <Space wrap>
                  <Button
                    type="primary"
                    loading={review.isPending}
                    onClick={() => review.mutate('release')}
                    data-testid="investigation-review-release"
                  >
                    {t('investigations.review.release')}
                  </Button>
                  <Button
                    danger
                    disabled={!reason.trim()}
                    loading={review.isPending}
                    onClick={() => review.mutate('return')}
                    data-testid="investigation-review-return"
                  >
                    {t('investigations.review.return')}
                  </Button>
                </Space>
              </Flex>
            </Card>
          ) : (
            <Typography.Text type="secondary">{t('investigations.review.ownReport')}</Typography.Text>
          )
        ) : null}
      </Flex>
    </Card>
  );
}
