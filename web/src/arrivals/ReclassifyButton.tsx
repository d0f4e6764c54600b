import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import { type ArrivalDetail, arrivalKeys, reclassifyArrival } from './api';

const LEVELS = ['high', 'medium', 'key_concern', 'low'] as const;
const DISTRICT_LEVELS = ['high', 'medium', 'low'] as const;

interface ReclassifyValues {
  originRisk: (typeof LEVELS)[number];
  originDistrictRisk?: (typeof DISTRICT_LEVELS)[number];
  reason: string;
}

/**
 * ARR-7: acting on the look-back list. An area published after the person left it still concerns
 * them; staff set the origin's risk as now known and the governing pack plans again.
 */
export function ReclassifyButton({
  arrival,
  onDone,
}: {
  arrival: Pick<ArrivalDetail, 'id' | 'origin'>;
  /** Called with the arrival as re-planned (the CDC's review list refreshes itself). */
  onDone?: (detail: ArrivalDetail) => void;
}) {
  const { t } = useTranslation();
  const allowed = usePermission('arrival.write');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReclassifyValues>();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (values: ReclassifyValues) => reclassifyArrival(arrival.id, values),
    onSuccess: (detail) => {
      client.setQueryData(arrivalKeys.detail(arrival.id), detail);
      setOpen(false);
      onDone?.(detail);
    },
  });
  if (!allowed || arrival.origin !== 'domestic') return null;
  const levelOptions = (levels: readonly string[]) =>
    levels.map((level) => ({ value: level, label: t(`arrivals.risk.${level}` as 'arrivals.risk.high') }));
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="reclassify-open">
        {t('arrivals.reclassify.open')}
      </Button>
      <Modal
        open={open}
        title={t('arrivals.reclassify.title')}
        okText={t('arrivals.reclassify.submit')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
        <Form<ReclassifyValues>
          form={form}
          layout="vertical"
          data-testid="reclassify-form"
          initialValues={{ originRisk: 'high' }}
          onFinish={(values) => mutation.mutate(values)}
        >
          <Form.Item name="originRisk" label={t('arrivals.reclassify.originRisk')} required>
            <Select options={levelOptions(LEVELS)} data-testid="reclassify-level" />
          </Form.Item>
          <Form.Item name="originDistrictRisk" label={t('arrivals.reclassify.districtRisk')}>
            <Select allowClear options={levelOptions(DISTRICT_LEVELS)} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('arrivals.reclassify.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                max: 200,
                message: t('arrivals.reclassify.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={2} maxLength={200} data-testid="reclassify-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
