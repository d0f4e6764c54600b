import { useMutation } from '@tanstack/react-query';
import { Button, Card, Checkbox, Descriptions, Form, Input, Radio, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import {
  type FeedbackMeasure,
  feedBack,
  type LandingReport,
  MEASURES,
  VERIFICATIONS,
  type VerifyBody,
  verifyReport,
} from './api';
import { Countdown } from './Countdown';
import { MatchField, NEW_PERSON } from './MatchField';
import { ReportPerson, ReportPlan, ReportState } from './ReportSummary';

interface VerifyValues {
  verification?: VerifyBody['verification'];
  match?: string;
  note?: string;
  measures?: FeedbackMeasure[];
  feedbackNote?: string;
}

const orNull = (value: string | undefined) => value?.trim() || null;

/** One pushed report: person-by-person verification and the same-day feedback (ARR-11). */
export function VerifyCard({ report, onSaved }: { report: LandingReport; onSaved: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const verified = report.verifiedAt !== null;
  const [form] = Form.useForm<VerifyValues>();
  const found = Form.useWatch('verification', form) === 'found';
  const save = useMutation({
    mutationFn: (values: VerifyValues) =>
      verified
        ? feedBack(report.id, values.measures ?? [], orNull(values.feedbackNote))
        : verifyReport(report.id, {
            verification: values.verification ?? 'found',
            note: orNull(values.note),
            ...(values.verification === 'found'
              ? values.match === NEW_PERSON
                ? { registerNew: true }
                : { personId: values.match ?? null }
              : {}),
            ...(values.measures && values.measures.length > 0 ? { measures: values.measures } : {}),
            feedbackNote: orNull(values.feedbackNote),
          }),
    onSuccess: onSaved,
  });
  const required = [
    { required: true, message: t('fieldErrors.required', { label: t('landing.verify.verification') }) },
  ];
  const measuresRequired = [
    { required: true, message: t('fieldErrors.required', { label: t('landing.verify.measures') }) },
  ];

  return (
    <Card
      size="small"
      title={report.receipt}
      extra={<ReportState report={report} />}
      style={{ marginBottom: 12 }}
      data-testid="verify-card"
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('landing.columns.person')}>
          <ReportPerson report={report} />
        </Descriptions.Item>
        <Descriptions.Item label={t('landing.verify.address')}>
          {`${report.destinationName ?? report.destinationCode} ${report.address}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('landing.columns.origin')}>{report.originLabel}</Descriptions.Item>
        <Descriptions.Item label={t('landing.columns.arrivedAt')}>
          {formatDateTime(report.arrivedAt, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('landing.columns.plan')}>
          <ReportPlan report={report} />
        </Descriptions.Item>
        {report.verifyDueAt ? (
          <Descriptions.Item label={t('landing.columns.verifyDeadline')}>
            <Countdown dueAt={report.verifyDueAt} doneAt={report.feedbackAt} data-testid="verify-countdown" />
          </Descriptions.Item>
        ) : null}
        {verified ? (
          <Descriptions.Item label={t('landing.verify.verification')}>
            <Tag>{t(`landing.verify.result.${(report.verification ?? 'found') as 'found'}`)}</Tag>
            {report.verificationNote}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {report.cleared ? null : (
        <Form<VerifyValues> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          {verified ? null : (
            <>
              <Form.Item name="verification" label={t('landing.verify.verification')} rules={required}>
                <Radio.Group
                  options={VERIFICATIONS.map((value) => ({
                    value,
                    label: t(`landing.verify.result.${value}`),
                  }))}
                  data-testid="verify-result"
                />
              </Form.Item>
              {found ? <MatchField report={report} /> : null}
              <Form.Item name="note" label={t('landing.verify.note')}>
                <Input maxLength={200} data-testid="verify-note" />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="measures"
            label={t('landing.verify.measures')}
            rules={verified ? measuresRequired : []}
          >
            <Checkbox.Group
              options={MEASURES.map((value) => ({ value, label: t(`landing.verify.measureNames.${value}`) }))}
              data-testid="verify-measures"
            />
          </Form.Item>
          <Form.Item name="feedbackNote" label={t('landing.verify.feedbackNote')}>
            <Input maxLength={200} data-testid="verify-feedback-note" />
          </Form.Item>
          {save.error ? <ProblemAlert error={save.error} /> : null}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="verify-submit">
            {verified ? t('landing.verify.feedbackOnly') : t('landing.verify.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
