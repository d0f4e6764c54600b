import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { useMe } from '../session/useSession';
import {
  HOSPITAL_KINDS,
  HOSPITAL_STATUSES,
  type Hospital,
  type HospitalInput,
  hospitalKeys,
  registerHospital,
  updateHospital,
} from './api';

type Values = Omit<HospitalInput, 'id'>;

interface HospitalFormModalProps {
  open: boolean;
  /** The hospital to change; absent: a new registration. */
  hospital?: Hospital | undefined;
  onClose: () => void;
}

/** Registers a hospital or changes its figures (CAS-4): beds, ICU and negative-pressure beds, supplies, status. */
export function HospitalFormModal({ open, hospital, onClose }: HospitalFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const address = values.address?.trim() || null;
      if (!hospital) return registerHospital({ ...values, address });
      const { jurisdictionCode: _j, ...rest } = values;
      return updateHospital(hospital.id, { ...rest, address, version: hospital.version });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hospitalKeys.all });
      message.success(t('hospitals.saved'));
      onClose();
    },
  });
  const initial: Partial<Values> = hospital
    ? { ...hospital, address: hospital.address ?? '' }
    : {
        jurisdictionCode: me.scopes[0],
        kind: 'designated',
        status: 'in_use',
        isCountyHospital: false,
        beds: 0,
        icuBeds: 0,
        negativePressureBeds: 0,
        supplyDays: 30,
      };
  const number = (name: keyof Values) => (
    <Form.Item
      name={name}
      label={t(`hospitals.fields.${name}` as 'hospitals.fields.beds')}
      rules={[{ required: true }]}
    >
      <InputNumber
        min={0}
        max={100000}
        precision={0}
        style={{ width: '100%' }}
        data-testid={`hospital-${name}`}
      />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={hospital ? hospital.name : t('hospitals.register')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ ...testId('hospital-save') }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => mutation.mutate(values)}
      >
        {hospital ? null : (
          <Form.Item
            name="jurisdictionCode"
            label={t('hospitals.fields.jurisdiction')}
            rules={[{ required: true }]}
          >
            <JurisdictionTreeSelect<string> />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('hospitals.fields.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} data-testid="hospital-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('hospitals.fields.kind')} rules={[{ required: true }]}>
          <Select options={HOSPITAL_KINDS.map((k) => ({ value: k, label: t(`hospitals.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('hospitals.fields.status')} rules={[{ required: true }]}>
          <Select options={HOSPITAL_STATUSES.map((s) => ({ value: s, label: t(`hospitals.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="isCountyHospital" valuePropName="checked">
          <Checkbox>{t('hospitals.fields.isCountyHospital')}</Checkbox>
        </Form.Item>
        {number('beds')}
        {number('icuBeds')}
        {number('negativePressureBeds')}
        {number('supplyDays')}
        <Form.Item name="address" label={t('hospitals.fields.address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
    </Modal>
  );
}
