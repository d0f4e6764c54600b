import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { DISCARD_REASONS, type DiscardReason, discardReport, type LandingReport } from './api';

interface DiscardValues {
  reason?: DiscardReason;
  note?: string;
}

/** Sets a report aside (reported twice, not genuine, a test): it ends, touching no one. */
export function DiscardButton({ report, onDone }: { report: LandingReport; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DiscardValues>();
  const discard = useMutation({
    mutationFn: (values: DiscardValues) =>
      discardReport(report.id, values.reason ?? 'duplicate', values.note?.trim() || null),
    onSuccess: () => {
      setOpen(false);
      onDone();
    },
  });
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid="landing-discard">
        {t('landing.queue.discard')}
      </Button>
      <Modal
        open={open}
        title={t('landing.queue.discardTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={discard.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('landing.queue.discardHint')}</Typography.Paragraph>
        <Form<DiscardValues> form={form} layout="vertical" onFinish={(values) => discard.mutate(values)}>
          <Form.Item
            name="reason"
            label={t('landing.queue.discardReason')}
            rules={[
              {
                required: true,
                message: t('fieldErrors.required', { label: t('landing.queue.discardReason') }),
              },
            ]}
          >
            <Select
              data-testid="landing-discard-reason"
              options={DISCARD_REASONS.map((r) => ({
                value: r,
                label: t(`landing.queue.discardReasons.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('landing.queue.discardNote')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
        {discard.error ? <ProblemAlert error={discard.error} /> : null}
      </Modal>
    </>
  );
}
