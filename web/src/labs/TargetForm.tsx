import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { createTarget, labKeys } from './api';

interface FormValues {
  jurisdictionCode: string;
  dueDate: Dayjs;
  personsPerDay: number;
  sourceText: string;
}

const FIELDS = ['jurisdictionCode', 'dueDate', 'personsPerDay', 'sourceText'] as const;

/** A dated capacity target such as "5 月底前 … 2.5 万人份" [001 §4], with its source text (TST-9). */
export function TargetForm({ jurisdiction }: { jurisdiction: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  useEffect(() => form.setFieldsValue({ jurisdictionCode: jurisdiction }), [form, jurisdiction]);
  const add = useMutation({
    mutationFn: (values: FormValues) =>
      createTarget({
        jurisdictionCode: values.jurisdictionCode,
        dueDate: values.dueDate.format('YYYY-MM-DD'),
        personsPerDay: values.personsPerDay,
        sourceText: values.sourceText.trim(),
      }),
    onSuccess: () => {
      message.success(t('labs.capacity.add.added'));
      setPlaced([]);
      form.resetFields(['dueDate', 'personsPerDay', 'sourceText']);
      void queryClient.invalidateQueries({ queryKey: labKeys.all });
    },
    onError: (error) => {
      const labels = Object.fromEntries(FIELDS.map((field) => [field, t(`labs.capacity.add.${field}`)]));
      setPlaced(applyFieldProblems(form, error, labels, t, language));
    },
  });
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(values) => add.mutate(values)}
      style={{ marginTop: 16 }}
      data-testid="capacity-target-form"
    >
      <Typography.Title level={5}>{t('labs.capacity.add.title')}</Typography.Title>
      <Row gutter={[12, 0]}>
        <Col xs={24} md={8}>
          <Form.Item
            name="jurisdictionCode"
            label={t('labs.capacity.add.jurisdictionCode')}
            rules={[{ required: true }]}
          >
            <JurisdictionTreeSelect<string> data-testid="target-jurisdiction" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="dueDate" label={t('labs.capacity.add.dueDate')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="target-due-date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="personsPerDay"
            label={t('labs.capacity.add.personsPerDay')}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={1}
              max={100_000_000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="target-persons"
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="sourceText"
            label={t('labs.capacity.add.sourceText')}
            rules={[{ required: true, max: 500, whitespace: true }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder={t('labs.capacity.add.sourcePlaceholder')}
              data-testid="target-source"
            />
          </Form.Item>
        </Col>
      </Row>
      {add.error ? <ProblemAlert error={add.error} hideFields={placed} /> : null}
      <Button htmlType="submit" loading={add.isPending} data-testid="target-submit">
        {t('labs.capacity.add.submit')}
      </Button>
    </Form>
  );
}
