import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutletKind } from '../../../src/api/drugSales';
import { ProblemAlert } from '../common/ProblemAlert';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { createOutlet, drugSaleKeys, type OutletInput } from './api';

/** The outlet kinds of the API, in the order the picker lists them. */
const OUTLET_KINDS: readonly OutletKind[] = ['pharmacy', 'online_pharmacy', 'clinic', 'health_centre'];

/** Registers a pharmacy, clinic or health centre whose counter then registers its sales (MON-2). */
export function OutletFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<OutletInput>();
  const save = useMutation({
    mutationFn: (values: OutletInput) => createOutlet({ ...values, name: values.name.trim() }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: drugSaleKeys.outlets });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('drugSales.outletTitle')}
      okText={t('drugSales.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<OutletInput>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'pharmacy' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t('drugSales.fields.outletName')}
          rules={[{ required: true, whitespace: true, message: t('drugSales.outletNameRequired') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('drugSales.fields.outletKind')}>
          <Select options={OUTLET_KINDS.map((k) => ({ value: k, label: t(`drugSales.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="jurisdictionCode"
          label={t('drugSales.fields.place')}
          rules={[{ required: true, message: t('drugSales.placeRequired') }]}
        >
          <JurisdictionTreeSelect<string> />
        </Form.Item>
      </Form>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Modal>
  );
}
