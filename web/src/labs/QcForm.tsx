import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { addQc, labKeys, QC_KINDS, type QcKind, type QcRecord } from './api';

interface FormValues {
  qcDate: Dayjs;
  kind: QcKind;
  outcome: QcRecord['outcome'];
  notes?: string;
}

/** Records one TST-10 QC result for a lab; dual_reagent is ARR-1's two reagents in parallel. */
export function QcForm({ labId }: { labId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const add = useMutation({
    mutationFn: (values: FormValues) =>
      addQc(labId, {
        qcDate: values.qcDate.format('YYYY-MM-DD'),
        kind: values.kind,
        outcome: values.outcome,
        notes: values.notes?.trim() || null,
      }),
    onSuccess: () => {
      message.success(t('labs.qc.add.added'));
      form.resetFields(['notes']);
      void queryClient.invalidateQueries({ queryKey: labKeys.qc(labId) });
    },
  });
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ qcDate: dayjs(), kind: 'internal_qc', outcome: 'pass' }}
      onFinish={(values) => add.mutate(values)}
      data-testid="qc-add"
    >
      <Row gutter={[12, 0]}>
        <Col xs={12} md={5}>
          <Form.Item name="qcDate" label={t('labs.qc.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="qc-date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="kind" label={t('labs.qc.kind')} rules={[{ required: true }]}>
            <Select
              options={QC_KINDS.map((kind) => ({ value: kind, label: t(`labs.qc.kinds.${kind}`) }))}
              data-testid="qc-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="outcome" label={t('labs.qc.outcome')} rules={[{ required: true }]}>
            <Select
              options={(['pass', 'fail'] as const).map((outcome) => ({
                value: outcome,
                label: t(`labs.qc.outcomes.${outcome}`),
              }))}
              data-testid="qc-outcome"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name="notes" label={t('labs.qc.notes')} rules={[{ max: 500 }]}>
            <Input data-testid="qc-notes" />
          </Form.Item>
        </Col>
      </Row>
      {add.error ? <ProblemAlert error={add.error} /> : null}
      <Button htmlType="submit" loading={add.isPending} data-testid="qc-submit">
        {t('labs.qc.add.submit')}
      </Button>
    </Form>
  );
}
