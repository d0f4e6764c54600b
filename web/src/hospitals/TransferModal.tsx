import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { type Awaiting, fetchHospitals, hospitalKeys, requestTransfer } from './api';

interface Values {
  hospitalId: string;
  fromPlace: string;
  vehicle?: string;
  escort?: string;
}

/**
 * CAS-3: arranges a case's point-to-point transfer. Only hospitals that admit cases are offered (a
 * designated hospital in use or an opened cabin); the server refuses any other.
 */
export function TransferModal({ item, onClose }: { item: Awaiting | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const hospitals = useQuery({
    queryKey: hospitalKeys.list(item?.jurisdictionCode, { admitting: 'true' }),
    queryFn: () => fetchHospitals(undefined, { admitting: 'true' }),
    enabled: item !== null,
  });
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      requestTransfer(values.hospitalId, {
        caseId: item!.caseId,
        fromPlace: values.fromPlace.trim(),
        vehicle: values.vehicle?.trim() || null,
        escort: values.escort?.trim() || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hospitalKeys.all });
      message.success(t('hospitals.saved'));
      onClose();
    },
  });
  return (
    <Modal
      open={item !== null}
      title={item ? `${t('hospitals.transfer.title')}：${item.personName}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('hospitals.transfer.action')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ ...testId('transfer-submit') }}
    >
      <Typography.Paragraph type="secondary">{t('hospitals.transfer.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item name="hospitalId" label={t('hospitals.transfer.hospital')} rules={[{ required: true }]}>
          <Select
            loading={hospitals.isLoading}
            data-testid="transfer-hospital"
            options={(hospitals.data?.items ?? []).map((h) => ({
              value: h.id,
              label: `${h.name}（${t('hospitals.fields.freeBeds')}${h.freeBeds}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="fromPlace"
          label={t('hospitals.transfer.fromPlace')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} data-testid="transfer-from" />
        </Form.Item>
        <Form.Item name="vehicle" label={t('hospitals.transfer.vehicle')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="escort" label={t('hospitals.transfer.escort')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
      {hospitals.error ? <ProblemAlert error={hospitals.error} /> : null}
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
    </Modal>
  );
}
