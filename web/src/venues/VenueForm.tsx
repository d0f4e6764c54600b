import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { createVenue, updateVenue, VENUE_KINDS, type VenueKind, type VenueView, venueKeys } from './api';

interface Values {
  name: string;
  kind: VenueKind;
  jurisdictionCode: string;
  address?: string | null;
  capacity?: number | null;
  responsibleName?: string | null;
  responsiblePhone?: string | null;
  active?: boolean;
}

/** Registers a venue or edits one (HC-2); the responsible person's phone is sent once and shown masked after. */
export function VenueForm({
  venue,
  open,
  onClose,
}: {
  venue: VenueView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const labels = {
    name: t('venues.name'),
    kind: t('venues.kind'),
    jurisdictionCode: t('venues.jurisdiction'),
    address: t('venues.address'),
    capacity: t('venues.capacity'),
    responsibleName: t('venues.responsibleName'),
    responsiblePhone: t('venues.responsiblePhone'),
  };
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name.trim(),
        kind: values.kind,
        address: values.address?.trim() || null,
        capacity: values.capacity ?? null,
        responsibleName: values.responsibleName?.trim() || null,
        ...(values.responsiblePhone?.trim() ? { responsiblePhone: values.responsiblePhone.trim() } : {}),
      };
      return venue
        ? updateVenue(venue.id, { ...body, version: venue.version, active: values.active ?? true })
        : createVenue({ ...body, jurisdictionCode: values.jurisdictionCode });
    },
    onSuccess: () => {
      message.success(t(venue ? 'venues.saved' : 'venues.created'));
      void queryClient.invalidateQueries({ queryKey: venueKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (error) => applyFieldProblems(form, error, labels, t, language),
  });
  return (
    <Modal
      open={open}
      title={t(venue ? 'venues.edit' : 'venues.add')}
      onCancel={onClose}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okButtonProps={{ ...testId('venue-save') }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={venue ? { ...venue, responsiblePhone: '' } : { kind: 'mall', active: true }}
        onFinish={(values) => mutation.mutate(values)}
        data-testid="venue-form"
      >
        <Form.Item name="name" label={labels.name} rules={[{ required: true, whitespace: true, max: 80 }]}>
          <Input maxLength={80} data-testid="venue-name" />
        </Form.Item>
        <Form.Item name="kind" label={labels.kind} rules={[{ required: true }]} extra={t('venues.kindHint')}>
          <Select
            data-testid="venue-kind"
            options={VENUE_KINDS.map((kind) => ({ value: kind, label: t(`venues.kinds.${kind}`) }))}
          />
        </Form.Item>
        {venue ? null : (
          <Form.Item name="jurisdictionCode" label={labels.jurisdictionCode} rules={[{ required: true }]}>
            <JurisdictionTreeSelect<string> data-testid="venue-jurisdiction" />
          </Form.Item>
        )}
        <Form.Item name="address" label={labels.address} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="venue-address" />
        </Form.Item>
        <Form.Item name="capacity" label={labels.capacity} extra={t('venues.capacityHint')}>
          <InputNumber
            min={1}
            max={1_000_000}
            precision={0}
            style={{ width: '100%' }}
            data-testid="venue-capacity"
          />
        </Form.Item>
        <Form.Item name="responsibleName" label={labels.responsibleName} rules={[{ max: 40 }]}>
          <Input maxLength={40} data-testid="venue-responsible-name" />
        </Form.Item>
        <Form.Item
          name="responsiblePhone"
          label={labels.responsiblePhone}
          extra={
            venue?.responsiblePhoneMasked
              ? t('venues.phoneKept', { masked: venue.responsiblePhoneMasked })
              : undefined
          }
          rules={[{ pattern: /^[0-9+()\s-]{0,20}$/, message: t('venues.phoneFormat') }]}
        >
          <Input inputMode="tel" maxLength={20} data-testid="venue-responsible-phone" />
        </Form.Item>
        {venue ? (
          <Form.Item name="active" label={t('venues.active')} valuePropName="checked">
            <Switch data-testid="venue-active" />
          </Form.Item>
        ) : null}
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      </Form>
    </Modal>
  );
}
