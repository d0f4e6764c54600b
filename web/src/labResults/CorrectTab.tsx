import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { fieldMessage } from '../common/fieldMessage';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { type CorrectionReport, correctResult, type LabResult } from './api';

interface Correction {
  barcode: string;
  result: LabResult;
  reason: string;
}

const RESULTS: LabResult[] = ['negative', 'positive', 'invalid'];

/**
 * Corrects a posted result (TST-3) with a reason, after a confirmation that says what follows:
 * the people in the tube follow the corrected result (controls and tasks lifted or opened, TST-1).
 */
export function CorrectTab() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Correction>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      barcode: t('labResults.results.barcode'),
      result: t('labResults.correct.result'),
      reason: t('labResults.correct.reason'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (values: Correction) =>
      correctResult({ ...values, barcode: values.barcode.trim(), reason: values.reason.trim() }),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['lab-results'] });
      void queryClient.invalidateQueries({ queryKey: ['person-controls'] });
    },
  });
  const { error } = mutation;
  useEffect(() => {
    setPlaced(error ? applyFieldProblems(form, error, labels, t, language) : []);
  }, [error, form, labels, t, language]);
  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: fieldMessage(t, 'required', label),
  });
  const confirm = (values: Correction) =>
    modal.confirm({
      title: t('labResults.correct.confirm', {
        barcode: values.barcode.trim(),
        result: t(`labResults.value.${values.result}`),
      }),
      content: t(`labResults.correct.effect.${values.result}`),
      okText: t('labResults.correct.submit'),
      okButtonProps: { danger: values.result === 'positive', ...{ 'data-testid': 'correct-confirm' } },
      onOk: () => mutation.mutate(values),
    });
  return (
    <Form<Correction>
      form={form}
      layout="vertical"
      style={{ maxWidth: '32rem' }}
      onFinish={confirm}
      data-testid="correct-form"
    >
      <Typography.Paragraph type="secondary">{t('labResults.correct.hint')}</Typography.Paragraph>
      <Form.Item name="barcode" label={labels.barcode} rules={[required(labels.barcode)]}>
        <Input data-testid="correct-barcode" />
      </Form.Item>
      <Form.Item name="result" label={labels.result} rules={[required(labels.result)]}>
        <Select<LabResult>
          placeholder={t('labResults.results.choose')}
          options={RESULTS.map((value) => ({ value, label: t(`labResults.value.${value}`) }))}
          data-testid="correct-result"
        />
      </Form.Item>
      <Form.Item name="reason" label={labels.reason} rules={[required(labels.reason)]}>
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="correct-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="correct-submit">
        {t('labResults.correct.submit')}
      </Button>
      {error && <ProblemAlert error={error} hideFields={placed} />}
      {mutation.data && <CorrectionDone report={mutation.data} />}
    </Form>
  );
}

function CorrectionDone({ report }: { report: CorrectionReport }) {
  const { t } = useTranslation();
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="success"
      data-testid="correct-report"
      title={t('labResults.correct.done', {
        barcode: report.barcode,
        from: t(`labResults.value.${report.previousResult}`),
        to: t(`labResults.value.${report.result}`),
      })}
      description={t('labResults.correct.effects', {
        lifted: report.controlsLifted,
        cancelled: report.tasksCancelled,
        opened: report.controlsOpened,
        cleared: report.controlsCleared,
      })}
    />
  );
}
