import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { CHECKPOINT_KINDS, type CheckpointKind, checkpointKeys, createCheckpoint } from './api';

interface Values {
  name: string;
  kind: CheckpointKind;
  jurisdictionCode: string;
  natWithinHours?: number | null;
}

/** Adds a checkpoint or station within the caller's jurisdiction. */
export function CheckpointForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const labels = {
    name: t('checkpoints.name'),
    kind: t('checkpoints.kind'),
    jurisdictionCode: t('checkpoints.jurisdiction'),
  };
  const mutation = useMutation({
    mutationFn: createCheckpoint,
    onSuccess: () => {
      message.success(t('checkpoints.created'));
      void queryClient.invalidateQueries({ queryKey: checkpointKeys.list });
      onDone();
    },
    onError: (error) => applyFieldProblems(form, error, labels, t, language),
  });
  return (
    <Card style={{ marginBottom: 16 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'highway' }}
        onFinish={(values) =>
          mutation.mutate({
            ...values,
            name: values.name.trim(),
            natWithinHours: values.natWithinHours ?? null,
          })
        }
        data-testid="checkpoint-form"
      >
        <Form.Item name="name" label={labels.name} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input data-testid="checkpoint-name" maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={labels.kind} rules={[{ required: true }]}>
          <Select
            data-testid="checkpoint-kind"
            options={CHECKPOINT_KINDS.map((kind) => ({ value: kind, label: t(`checkpoints.kinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="jurisdictionCode" label={labels.jurisdictionCode} rules={[{ required: true }]}>
          <JurisdictionTreeSelect<string> data-testid="checkpoint-jurisdiction" />
        </Form.Item>
        <Form.Item
          name="natWithinHours"
          label={t('checkpoints.natWithinHours')}
          extra={t('checkpoints.natWithinHint')}
        >
          <InputNumber min={1} max={168} precision={0} placeholder="48" data-testid="checkpoint-nat-hours" />
        </Form.Item>
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="checkpoint-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
