import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { unmaskCrew } from './api';
import { textRule } from './formRules';

interface CrewUnmaskProps {
  reportId: string;
  position: number;
  onShown: (clear: { idNumber: string; phone: string }) => void;
}

/** Shows one crew member's full ID number and phone (to call the driver), with a recorded reason. */
export function CrewUnmask({ reportId, position, onShown }: CrewUnmaskProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useMutation({
    mutationFn: (reason: string) => unmaskCrew(reportId, position, reason),
    onSuccess: (clear) => {
      onShown(clear);
      setOpen(false);
    },
  });
  const label = t('trucks.fields.reason');
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="truck-crew-unmask">
        {t('trucks.actions.unmask')}
      </Button>
      <Modal
        open={open}
        title={t('trucks.actions.unmaskTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('trucks.actions.unmaskHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values.reason.trim())}>
          <Form.Item name="reason" label={label} rules={[textRule(t, label, 200)]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
