import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { type FeedReport, type Site, sendRows, sentinelKeys } from './api';
import { type FeedSpec, type FieldSpec, fieldLabelKey, valueKey } from './feeds';

type Values = Record<string, unknown>;

/** The form value of a field as the API takes it. */
function toApi(field: FieldSpec, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (field.kind === 'datetime') return (value as Dayjs).toISOString();
  if (field.kind === 'date') return (value as Dayjs).format('YYYY-MM-DD');
  if (field.kind === 'text') return String(value).trim();
  return value;
}

/** One row of a feed, entered as it happens (a visit at triage, a school's daily report); phone friendly. */
export function FeedForm({ spec, sites }: { spec: FeedSpec; sites: Site[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const label = (key: string) => t(fieldLabelKey(key));
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const row: Record<string, unknown> = { siteId: values.siteId };
      for (const field of spec.fields) {
        const value = toApi(field, values[field.key]);
        if (value !== undefined) row[field.key] = value;
      }
      return sendRows(spec.path, [row]);
    },
    onSuccess: (report: FeedReport) => {
      if (report.rejected > 0) {
        form.setFields(
          report.errors.map((e) => ({
            name: e.field === 'site' ? 'siteId' : e.field,
            errors: [pickText(language, e.message_zh, e.message)],
          })),
        );
        return;
      }
      void queryClient.invalidateQueries({ queryKey: sentinelKeys.recent(spec.path) });
      message.success(t(report.created > 0 ? 'sentinels.form.saved' : 'sentinels.form.updated'));
      const siteId = form.getFieldValue('siteId');
      form.resetFields();
      form.setFieldsValue({ siteId, ...defaults(spec) });
    },
  });
  const choices = sites.filter((s) => spec.siteKinds.includes(s.kind) && s.active);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ siteId: choices.length === 1 ? choices[0]?.id : undefined, ...defaults(spec) }}
      onFinish={(v) => mutation.mutate(v)}
      data-testid={`sentinel-form-${spec.path}`}
    >
      {choices.length === 0 ? <Alert type="info" showIcon title={t('sentinels.form.noSites')} /> : null}
      <Form.Item
        name="siteId"
        label={t('sentinels.fields.site')}
        rules={[
          { required: true, message: t('sentinels.form.required', { field: t('sentinels.fields.site') }) },
        ]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={choices.map((s) => ({ value: s.id, label: `${s.name}（${s.jurisdictionName}）` }))}
          data-testid={`sentinel-${spec.path}-site`}
        />
      </Form.Item>
      {spec.fields.map((field) => (
        <Form.Item
          key={field.key}
          name={field.key}
          label={label(field.key)}
          valuePropName={field.kind === 'bool' ? undefined : 'value'}
          rules={
            field.required && field.kind !== 'symptoms'
              ? [{ required: true, message: t('sentinels.form.required', { field: label(field.key) }) }]
              : []
          }
        >
          {input(field, t)}
        </Form.Item>
      ))}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={mutation.isPending}
        data-testid={`sentinel-${spec.path}-submit`}
      >
        {t('sentinels.form.submit')}
      </Button>
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
    </Form>
  );
}

function defaults(spec: FeedSpec): Values {
  const values: Values = {};
  for (const field of spec.fields) {
    if (field.kind === 'date') values[field.key] = dayjs();
    if (field.kind === 'datetime' && field.required) values[field.key] = dayjs();
    if (field.kind === 'symptoms') values[field.key] = [];
  }
  return values;
}

function input(field: FieldSpec, t: TFunction) {
  const testId = `sentinel-field-${field.key}`;
  switch (field.kind) {
    case 'text':
      return <Input maxLength={field.key === 'item' ? 100 : 40} data-testid={testId} />;
    case 'int':
      return (
        <InputNumber
          min={0}
          max={100000}
          precision={0}
          style={{ width: '100%' }}
          inputMode="numeric"
          data-testid={testId}
        />
      );
    case 'temperature':
      return (
        <InputNumber
          min={34}
          max={43}
          step={0.1}
          precision={1}
          style={{ width: '100%' }}
          inputMode="decimal"
          data-testid={testId}
        />
      );
    case 'date':
      return (
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid={testId}
        />
      );
    case 'datetime':
      return (
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    case 'bool':
      return (
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('sentinels.form.yes') },
            { value: false, label: t('sentinels.form.no') },
          ]}
          data-testid={testId}
        />
      );
    case 'enum':
      return (
        <Radio.Group
          optionType="button"
          options={(field.options ?? []).map((code) => ({
            value: code,
            label: t(valueKey(field.key, code)),
          }))}
          data-testid={testId}
        />
      );
    case 'symptoms':
      return (
        <Checkbox.Group
          options={(field.options ?? []).map((code) => ({
            value: code,
            label: t(valueKey('symptoms', code)),
          }))}
          data-testid={testId}
        />
      );
  }
}
