import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useSession } from '../session/useSession';
import { REVIEW_DECISIONS, type SettleReviewBody, settleReview } from './reviewApi';

/** The review is the CDC's; an administrator may act for them (the API decides the same). */
const SETTLERS = ['cdc_epidemiologist', 'admin'];

/**
 * Issue 12, no silent arrivals: the CDC settles an arrival that nothing planned without
 * reclassifying it, deciding that no measures are needed or that they were arranged by hand, with
 * the reason (audited).
 */
export function SettleReviewButton({ arrivalId, onDone }: { arrivalId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SettleReviewBody>();
  const mutation = useMutation({
    mutationFn: (values: SettleReviewBody) =>
      settleReview(arrivalId, { decision: values.decision, reason: values.reason.trim() }),
    onSuccess: () => {
      setOpen(false);
      onDone();
    },
  });
  if (!me?.roles.some((role) => SETTLERS.includes(role))) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} {...testId('review-settle-open')}>
        {t('arrivals.review.settle.open')}
      </Button>
      <Modal
        open={open}
        title={t('arrivals.review.settle.title')}
        okText={t('arrivals.review.settle.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ ...testId('review-settle-submit') }}
        destroyOnHidden
      >
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
        <Form<SettleReviewBody>
          form={form}
          layout="vertical"
          initialValues={{ decision: 'no_measures' }}
          onFinish={(values) => mutation.mutate(values)}
        >
          <Form.Item name="decision" label={t('arrivals.review.settle.decision')} required>
            <Radio.Group
              options={REVIEW_DECISIONS.map((decision) => ({
                value: decision,
                label: t(`arrivals.review.settle.decisions.${decision}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('arrivals.review.settle.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                max: 200,
                message: t('arrivals.review.settle.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount {...testId('review-settle-reason')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
