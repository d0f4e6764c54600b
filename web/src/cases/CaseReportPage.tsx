import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Spin,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PersonPicker } from '../cadreLeave/PersonPicker';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { pickedRule, textRule } from '../trucks/formRules';
import { CASE_CLASSES, type CaseClass, caseKeys, fetchPrefill, reportCase, SEVERITIES } from './api';
import { CASE_CODE_KEYS, timeRule } from './cardRules';

interface Values {
  personId?: string;
  classification: CaseClass;
  severity?: string;
  origin: 'local' | 'imported';
  onsetAt?: Dayjs | null;
  sampledAt?: Dayjs | null;
  foundAt?: Dayjs | null;
  confirmedAt?: Dayjs | null;
  reportingInstitution: string;
  reportingDoctor: string;
  exposureSummary?: string;
  currentLocation?: string;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.toISOString() : null);

/**
 * The infectious-disease report card (CAS-1). Opened from a positive result (?tube= or ?tubeId=)
 * it is pre-filled: the person, the sampling time, the lab as reporting institution, and the
 * finding time is the result's. Submitting closes the 2-hour report item (CAS-2).
 */
export default function CaseReportPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const tube = params.get('tube');
  const tubeId = params.get('tubeId');
  const fromTube = !!(tube || tubeId);
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const prefill = useQuery({
    queryKey: caseKeys.prefill(tube, tubeId),
    queryFn: () => fetchPrefill(tube, tubeId),
    enabled: fromTube,
  });
  const classification = Form.useWatch('classification', form);
  const labels = useMemo(
    () => ({
      personId: t('cases.fields.person'),
      tubeBarcode: t('cases.fields.tube'),
      classification: t('cases.fields.classification'),
      severity: t('cases.fields.severity'),
      origin: t('cases.fields.origin'),
      onsetAt: t('cases.fields.onsetAt'),
      sampledAt: t('cases.fields.sampledAt'),
      foundAt: t('cases.fields.foundAt'),
      confirmedAt: t('cases.fields.confirmedAt'),
      reportingInstitution: t('cases.fields.reportingInstitution'),
      reportingDoctor: t('cases.fields.reportingDoctor'),
      exposureSummary: t('cases.fields.exposureSummary'),
      currentLocation: t('cases.fields.currentLocation'),
    }),
    [t],
  );
  useEffect(() => {
    if (!prefill.data) return;
    form.setFieldsValue({
      sampledAt: prefill.data.sampledAt ? dayjs(prefill.data.sampledAt) : null,
      reportingInstitution: prefill.data.reportingInstitution,
    });
  }, [prefill.data, form]);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      reportCase({
        ...(prefill.data ? { tubeBarcode: prefill.data.tubeBarcode } : { personId: v.personId ?? '' }),
        classification: v.classification,
        severity: v.classification === 'confirmed' && v.severity ? (v.severity as 'mild') : null,
        origin: v.origin,
        onsetAt: iso(v.onsetAt),
        sampledAt: iso(v.sampledAt),
        ...(prefill.data ? {} : { foundAt: iso(v.foundAt) ?? '' }),
        confirmedAt: iso(v.confirmedAt),
        reportingInstitution: v.reportingInstitution.trim(),
        reportingDoctor: v.reportingDoctor.trim(),
        exposureSummary: v.exposureSummary?.trim() || null,
        currentLocation: v.currentLocation?.trim() || null,
      }),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      message.success(t('cases.report.saved'));
      navigate(`/cases/${view.id}`);
    },
  });
  useEffect(() => {
    setPlaced(
      mutation.error
        ? applyFieldProblems(form, mutation.error, labels, t, language, {
            codeKeys: CASE_CODE_KEYS,
            labelServerText: true,
          })
        : [],
    );
  }, [mutation.error, form, labels, t, language]);
  if (fromTube && prefill.isLoading) return <Spin />;
  const get = (name: keyof Values) => () => form.getFieldValue(name) as Dayjs | null | undefined;
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('cases.report.title')}
      </Typography.Title>
      {prefill.error ? <ProblemAlert error={prefill.error} /> : null}
      {prefill.data ? (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="case-prefill">
          <Alert
            type="warning"
            showIcon
            message={t('cases.report.due', { due: formatDateTime(prefill.data.reportDueAt, language) })}
            description={t('cases.report.fromTube')}
            style={{ marginBottom: 12 }}
          />
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('cases.fields.person')}>{prefill.data.personName}</Descriptions.Item>
            <Descriptions.Item label={t('cases.fields.idNumber')}>
              {prefill.data.personIdNumberMasked}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.fields.jurisdiction')}>
              {prefill.data.jurisdictionName}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.fields.tube')}>{prefill.data.tubeBarcode}</Descriptions.Item>
            <Descriptions.Item label={t('cases.fields.foundAt')}>
              {formatDateTime(prefill.data.foundAt, language)}
            </Descriptions.Item>
          </Descriptions>
          {prefill.data.openCaseId ? (
            <Alert
              type="error"
              showIcon
              message={t('cases.report.openCase')}
              action={<Link to={`/cases/${prefill.data.openCaseId}`}>{t('cases.report.openCaseLink')}</Link>}
            />
          ) : null}
        </Card>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ classification: 'confirmed', origin: 'local' }}
        onFinish={(v) => mutation.mutate(v)}
        style={{ maxWidth: 720 }}
      >
        {prefill.data ? null : (
          <Form.Item name="personId" label={labels.personId} rules={[pickedRule(t, labels.personId)]}>
            <PersonPicker placeholder={t('cases.report.pickPerson')} />
          </Form.Item>
        )}
        <Form.Item
          name="classification"
          label={labels.classification}
          rules={[pickedRule(t, labels.classification)]}
        >
          <Radio.Group
            optionType="button"
            options={CASE_CLASSES.map((c) => ({ value: c, label: t(`cases.class.${c}`) }))}
            data-testid="case-class"
          />
        </Form.Item>
        <Form.Item name="severity" label={labels.severity} extra={t('cases.report.severityHint')}>
          <Select
            allowClear
            disabled={classification !== 'confirmed'}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`cases.severity.${s}`) }))}
            data-testid="case-severity"
          />
        </Form.Item>
        <Form.Item name="origin" label={labels.origin}>
          <Radio.Group
            optionType="button"
            options={(['local', 'imported'] as const).map((o) => ({
              value: o,
              label: t(`cases.origin.${o}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="onsetAt" label={labels.onsetAt} rules={[timeRule(t, labels.onsetAt, () => [])]}>
          <DatePicker showTime style={{ width: '100%' }} data-testid="case-onset" />
        </Form.Item>
        <Form.Item
          name="sampledAt"
          label={labels.sampledAt}
          rules={[timeRule(t, labels.sampledAt, () => [])]}
        >
          <DatePicker showTime style={{ width: '100%' }} data-testid="case-sampled" />
        </Form.Item>
        {prefill.data ? null : (
          <Form.Item
            name="foundAt"
            label={labels.foundAt}
            dependencies={['sampledAt']}
            rules={[pickedRule(t, labels.foundAt), timeRule(t, labels.foundAt, () => [get('sampledAt')()])]}
          >
            <DatePicker showTime style={{ width: '100%' }} data-testid="case-found" />
          </Form.Item>
        )}
        <Form.Item
          name="confirmedAt"
          label={labels.confirmedAt}
          dependencies={['sampledAt']}
          rules={[timeRule(t, labels.confirmedAt, () => [get('sampledAt')()])]}
        >
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reportingInstitution"
          label={labels.reportingInstitution}
          rules={[textRule(t, labels.reportingInstitution, 100)]}
        >
          <Input maxLength={100} data-testid="case-institution" />
        </Form.Item>
        <Form.Item
          name="reportingDoctor"
          label={labels.reportingDoctor}
          rules={[textRule(t, labels.reportingDoctor, 50)]}
        >
          <Input maxLength={50} data-testid="case-doctor" />
        </Form.Item>
        <Form.Item name="exposureSummary" label={labels.exposureSummary}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="currentLocation" label={labels.currentLocation}>
          <Input maxLength={200} data-testid="case-location" />
        </Form.Item>
        {mutation.error ? <ProblemAlert error={mutation.error} hideFields={placed} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          disabled={!!prefill.data?.openCaseId || (fromTube && !prefill.data)}
          block
          {...testId('case-submit')}
        >
          {t('cases.report.submit')}
        </Button>
      </Form>
    </>
  );
}
