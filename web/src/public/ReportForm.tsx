import { Form } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { useLanguage } from '../i18n/useLanguage';
import { ID_TYPES } from '../persons/api';
import { idNumberRule, phoneRule, requiredRule, textRule } from '../persons/formRules';
import type { ReportBody } from './api';
import { Choice, NativeSelect, Section, SubmitButton, TextInput } from './controls';
import { Alert, deferred, ProblemAlert } from './deferred';
import { initialValues, REPORT_FIELDS, type ReportFormValues, toReportBody } from './formValues';

interface ReportFormProps {
  landingCode: string;
  sending: boolean;
  error: unknown;
  onSubmit: (body: ReportBody) => void;
}

const YES_NO = [true, false] as const;

// The pickers come after the form shows: a phone on a slow network sees the form sooner.
const InputNumber = deferred(() => import('antd/es/input-number').then((module) => module.default));
const OriginCascader = deferred(() => import('./OriginCascader').then((module) => module.OriginCascader));
const PlaceSelect = deferred(() => import('./PlaceSelect').then((module) => module.PlaceSelect));

/** The traveller's report (ARR-11): big inputs, one column, checked as the server checks it. */
export function ReportForm({ landingCode, sending, error, onSubmit }: ReportFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<ReportFormValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  const origin = Form.useWatch('origin', form);
  const star = Form.useWatch('itineraryStar', form);
  const truck = Form.useWatch('truckDriver', form);
  const labels = useMemo(
    () => Object.fromEntries(REPORT_FIELDS.map((field) => [field, t(`publicLanding.fields.${field}`)])),
    [t],
  ) as Record<(typeof REPORT_FIELDS)[number], string>;

  useEffect(() => {
    setPlaced(error ? applyFieldProblems(form, error, labels, t, language, { labelServerText: true }) : []);
  }, [error, form, labels, t, language]);

  const idType = () => form.getFieldValue('idType') ?? 'resident_id';
  const yesNo = YES_NO.map((value) => ({
    value,
    label: t(value ? 'publicLanding.yes' : 'publicLanding.no'),
  }));
  const required = (field: keyof typeof labels) => ({
    required: true,
    rules: [requiredRule(t, labels[field])],
  });
  const local = (testId: string) => <TextInput type="datetime-local" data-testid={testId} />;

  return (
    <Form<ReportFormValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={initialValues()}
      onFinish={(values) => onSubmit(toReportBody(values))}
      scrollToFirstError
      data-testid="landing-form"
    >
      <Section>{t('publicLanding.sections.identity')}</Section>
      <Form.Item name="name" label={labels.name} required rules={[textRule(t, labels.name, 'name', true)]}>
        <TextInput maxLength={50} autoComplete="name" data-testid="landing-name" />
      </Form.Item>
      <Form.Item name="idType" label={labels.idType}>
        <NativeSelect options={ID_TYPES.map((value) => ({ value, label: t(`persons.idTypes.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={labels.idNumber}
        required
        dependencies={['idType']}
        validateDebounce={300}
        rules={[idNumberRule(t, labels.idNumber, idType)]}
      >
        <TextInput maxLength={30} autoComplete="off" data-testid="landing-id-number" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={labels.phone}
        required
        rules={[requiredRule(t, labels.phone), phoneRule(t, labels.phone)]}
      >
        <TextInput inputMode="tel" maxLength={20} autoComplete="tel" data-testid="landing-phone" />
      </Form.Item>

      <Section>{t('publicLanding.sections.trip')}</Section>
      <Form.Item name="origin" label={labels.origin}>
        <Choice
          look="buttons"
          options={(['domestic', 'overseas'] as const).map((value) => ({
            value,
            label: t(`publicLanding.origins.${value}`),
          }))}
          data-testid="landing-origin"
        />
      </Form.Item>
      {origin === 'overseas' ? (
        <>
          <Form.Item name="originCountry" label={labels.originCountry} {...required('originCountry')}>
            <TextInput maxLength={60} data-testid="landing-origin-country" />
          </Form.Item>
          <Form.Item name="enteredAt" label={labels.enteredAt} {...required('enteredAt')}>
            {local('landing-entered-at')}
          </Form.Item>
          <Form.Item
            name="portIsolationDays"
            label={labels.portIsolationDays}
            {...required('portIsolationDays')}
          >
            <InputNumber
              min={0}
              max={60}
              precision={0}
              style={{ width: '100%' }}
              data-testid="landing-port-days"
            />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="originDivisionCode"
          label={labels.originDivisionCode}
          {...required('originDivisionCode')}
        >
          <OriginCascader data-testid="landing-origin-division" />
        </Form.Item>
      )}
      <Form.Item name="leftOriginAt" label={labels.leftOriginAt} {...required('leftOriginAt')}>
        {local('landing-left-at')}
      </Form.Item>
      <Form.Item name="arrivedAt" label={labels.arrivedAt} {...required('arrivedAt')}>
        {local('landing-arrived-at')}
      </Form.Item>

      <Section>{t('publicLanding.sections.destination')}</Section>
      <Form.Item name="destinationCode" label={labels.destinationCode} {...required('destinationCode')}>
        <PlaceSelect landingCode={landingCode} data-testid="landing-destination" />
      </Form.Item>
      <Form.Item
        name="address"
        label={labels.address}
        required
        rules={[textRule(t, labels.address, 'address', true)]}
      >
        <TextInput maxLength={200} data-testid="landing-address" />
      </Form.Item>

      <Section>{t('publicLanding.sections.health')}</Section>
      <Form.Item
        name="homeIsolationConditions"
        label={labels.homeIsolationConditions}
        {...required('homeIsolationConditions')}
      >
        <Choice options={yesNo} data-testid="landing-home-isolation" />
      </Form.Item>
      <Form.Item name="negativeNatAt" label={labels.negativeNatAt}>
        {local('landing-nat-at')}
      </Form.Item>
      <Form.Item name="itineraryStar" label={labels.itineraryStar}>
        <Choice options={yesNo} data-testid="landing-star" />
      </Form.Item>
      <Form.Item name="truckDriver" label={labels.truckDriver}>
        <Choice options={yesNo} data-testid="landing-truck" />
      </Form.Item>
      <Suspense fallback={null}>
        {star && truck ? (
          <Alert
            type="warning"
            showIcon
            title={t('publicLanding.truckNotice')}
            style={{ marginBottom: 16 }}
            data-testid="landing-truck-notice"
          />
        ) : null}
        {error ? (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={error} hideFields={placed} />
          </div>
        ) : null}
      </Suspense>
      <SubmitButton loading={sending} data-testid="landing-submit">
        {t('publicLanding.submit')}
      </SubmitButton>
    </Form>
  );
}
