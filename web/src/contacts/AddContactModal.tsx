import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { CLASSES, type ContactClass, contactKeys, createContact } from './api';

const EXPOSURES = ['household', 'workplace', 'transport', 'other'] as const;

interface Values {
  caseId: string;
  class: ContactClass;
  reason: string;
  name: string;
  idNumber: string;
  phone?: string;
  jurisdictionCode: string;
  exposureKind: (typeof EXPOSURES)[number];
  place?: string;
  at: Dayjs;
}

/** EPI-4: one contact typed by hand (name, ID number, phone, residence), pushed to control at once. */
export function AddContactModal({ caseId, onClose }: { caseId: string; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      caseId: t('contacts.form.caseId'),
      class: t('contacts.form.class'),
      reason: t('contacts.form.reason'),
      name: t('contacts.form.name'),
      idNumber: t('contacts.form.idNumber'),
      phone: t('contacts.form.phone'),
      jurisdictionCode: t('contacts.form.jurisdictionCode'),
      exposureKind: t('contacts.form.exposureKind'),
      place: t('contacts.form.place'),
      at: t('contacts.form.at'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      createContact({
        caseId: v.caseId.trim(),
        class: v.class,
        reason: v.reason.trim(),
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: v.phone?.trim() || null,
        jurisdictionCode: v.jurisdictionCode.trim(),
        exposure: {
          kind: v.exposureKind,
          ...(v.place?.trim() && { place: v.place.trim() }),
          at: v.at.toISOString(),
        },
      }),
    onSuccess: (contact) => {
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      message.success(t('contacts.form.created'));
      onClose(contact.id);
    },
  });
  useEffect(() => {
    setPlaced(
      mutation.error
        ? applyFieldProblems(form, mutation.error, labels, t, language, {
            rename: (field) => field.replace(/^exposure\./, '').replace(/^kind$/, 'exposureKind'),
          })
        : [],
    );
  }, [mutation.error, form, labels, t, language]);
  const required = (label: string) => ({ required: true, whitespace: true, message: `${label}` });
  return (
    <Modal
      open
      title={t('contacts.add')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('contacts.form.submit')}
      okButtonProps={{ ...testId('contact-add-ok') }}
      destroyOnHidden
    >
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={placed} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ caseId, class: 'close', exposureKind: 'household' }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="caseId" label={labels.caseId} rules={[required(labels.caseId)]}>
          <Input data-testid="contact-form-case" />
        </Form.Item>
        <Form.Item name="class" label={labels.class} rules={[{ required: true }]}>
          <Select
            data-testid="contact-form-class"
            options={CLASSES.map((value) => ({ value, label: t(`contacts.classes.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={labels.reason} rules={[required(labels.reason)]}>
          <Input.TextArea maxLength={500} autoSize data-testid="contact-form-reason" />
        </Form.Item>
        <Form.Item name="name" label={labels.name} rules={[required(labels.name)]}>
          <Input maxLength={50} data-testid="contact-form-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={labels.idNumber} rules={[required(labels.idNumber)]}>
          <Input maxLength={18} data-testid="contact-form-id" />
        </Form.Item>
        <Form.Item name="phone" label={labels.phone}>
          <Input maxLength={11} inputMode="tel" data-testid="contact-form-phone" />
        </Form.Item>
        <Form.Item
          name="jurisdictionCode"
          label={labels.jurisdictionCode}
          rules={[required(labels.jurisdictionCode)]}
        >
          <Input maxLength={12} inputMode="numeric" data-testid="contact-form-jurisdiction" />
        </Form.Item>
        <Form.Item name="exposureKind" label={labels.exposureKind} rules={[{ required: true }]}>
          <Select
            options={EXPOSURES.map((value) => ({ value, label: t(`contacts.exposureKinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="place" label={labels.place}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="at" label={labels.at} rules={[{ required: true, message: labels.at }]}>
          <DatePicker showTime style={{ width: '100%' }} data-testid="contact-form-at" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
