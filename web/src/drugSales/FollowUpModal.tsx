import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { FOLLOW_UP_OUTCOMES, type FollowUpInput, recordFollowUp } from './api';

type Values = Omit<FollowUpInput, 'saleIds'>;

/** Records one follow-up (追踪回访, MON-2) for the picked sales: reached or not, and the outcome. */
export function FollowUpModal(props: { saleIds: string[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const contacted = Form.useWatch('contacted', form) ?? true;
  const save = useMutation({
    mutationFn: (values: Values) =>
      recordFollowUp({ ...values, note: values.note?.trim() || null, saleIds: props.saleIds }),
    onSuccess: props.onDone,
  });
  return (
    <Modal
      open
      title={t('drugSales.followUpTitle', { count: props.saleIds.length })}
      okText={t('drugSales.save')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ contacted: true, outcome: 'no_symptoms' }}
        onFinish={(values) => save.mutate(values)}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.contacted === false) form.setFieldValue('outcome', 'unreachable');
          if (changed.contacted === true) form.setFieldValue('outcome', 'no_symptoms');
        }}
      >
        <Form.Item name="contacted" label={t('drugSales.fields.contacted')} valuePropName="checked">
          <Switch data-testid="follow-up-contacted" />
        </Form.Item>
        <Form.Item name="outcome" label={t('drugSales.fields.outcome')}>
          <Radio.Group data-testid="follow-up-outcome">
            {FOLLOW_UP_OUTCOMES.filter((o) => (contacted ? o !== 'unreachable' : o === 'unreachable')).map(
              (o) => (
                <Radio key={o} value={o}>
                  {t(`drugSales.outcome.${o}`)}
                </Radio>
              ),
            )}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('drugSales.fields.note')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Modal>
  );
}
