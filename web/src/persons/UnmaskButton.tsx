import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeText } from '../../../src/rules/safeText';
import { isRealReason } from '../../../src/rules/unmaskReason';
import { fieldMessage } from '../common/fieldMessage';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { type UnmaskedPerson, unmaskPerson } from './api';

const REASON_MAX = 200;

interface UnmaskButtonProps {
  personId: string;
  onUnmasked: (values: UnmaskedPerson) => void;
}

/** Asks why, then shows the full ID number and phone; the server records the reason in the audit log. */
export function UnmaskButton({ personId, onUnmasked }: UnmaskButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const label = t('persons.unmask.reason');
  const mutation = useMutation({
    mutationFn: (reason: string) => unmaskPerson(personId, reason.trim()),
    onSuccess: (values) => {
      setOpen(false);
      form.resetFields();
      onUnmasked(values);
    },
  });
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="unmask-button">
        {t('persons.unmask.button')}
      </Button>
      <Modal
        open={open}
        title={t('persons.unmask.title')}
        okText={t('persons.unmask.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ ...testId('unmask-confirm') }}
        destroyOnHidden
      >
        <p>{t('persons.unmask.notice')}</p>
        <Form form={form} layout="vertical" onFinish={({ reason }) => mutation.mutate(reason)}>
          <Form.Item
            name="reason"
            label={label}
            rules={[
              { required: true, whitespace: true, message: fieldMessage(t, 'required', label) },
              { max: REASON_MAX, message: fieldMessage(t, 'too_long', label) },
              {
                validator: (_rule, value: string | undefined) => {
                  if (value && !isSafeText(value))
                    return Promise.reject(new Error(fieldMessage(t, 'unsafe_text', label)));
                  // The server's own check (src/rules/unmaskReason.ts), so both say the same thing.
                  if (value?.trim() && !isRealReason(value))
                    return Promise.reject(new Error(fieldMessage(t, 'reason_too_short', label)));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={REASON_MAX}
              showCount
              placeholder={t('persons.unmask.reasonPlaceholder')}
              data-testid="unmask-reason"
            />
          </Form.Item>
        </Form>
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
