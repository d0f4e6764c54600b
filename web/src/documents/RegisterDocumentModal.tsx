import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { fieldMessage } from '../common/fieldMessage';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { documentKeys, type RegisterDocument, registerDocument } from './api';

interface DocumentValues {
  id: string;
  title: string;
  shortTitle?: string;
  issuer: string;
  number?: string;
  issuedOn?: Dayjs | null;
  assumed?: ('issuer' | 'issuedOn')[];
  assumptionReason?: string;
  fullText: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The API's limit (src/api/documents.ts). */
const MAX_TEXT = 200_000;

const CODE_KEYS = {
  document_exists: 'documents.fieldErrors.document_exists',
  document_text_control: 'documents.fieldErrors.document_text_control',
  assumption_reason_required: 'documents.fieldErrors.assumption_reason_required',
} as const;

const blank = (value: string | undefined) => value?.trim() || null;

/** Registers a source document (policy.admin); it never changes afterwards (issue 12, Deliver 2). */
export function RegisterDocumentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DocumentValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      id: t('documents.register.fields.id'),
      title: t('documents.register.fields.title'),
      shortTitle: t('documents.register.fields.shortTitle'),
      issuer: t('documents.register.fields.issuer'),
      number: t('documents.register.fields.number'),
      issuedOn: t('documents.register.fields.issuedOn'),
      assumed: t('documents.register.fields.assumed'),
      assumptionReason: t('documents.register.fields.assumptionReason'),
      fullText: t('documents.register.fields.fullText'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (values: DocumentValues) => {
      const body: RegisterDocument = {
        id: values.id.trim(),
        title: values.title.trim(),
        shortTitle: blank(values.shortTitle),
        issuer: values.issuer.trim(),
        number: blank(values.number),
        issuedOn: values.issuedOn ? values.issuedOn.format('YYYY-MM-DD') : null,
        assumed: values.assumed ?? [],
        assumptionReason: blank(values.assumptionReason),
        fullText: values.fullText,
      };
      return registerDocument(body);
    },
    onSuccess: (document) => {
      message.success(t('documents.register.done', { title: document.title }));
      void queryClient.invalidateQueries({ queryKey: documentKeys.list });
      form.resetFields();
      onClose();
    },
  });
  const { error } = mutation;
  useEffect(() => {
    setPlaced(error ? applyFieldProblems(form, error, labels, t, language, { codeKeys: CODE_KEYS }) : []);
  }, [error, form, labels, t, language]);
  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: fieldMessage(t, 'required', label),
  });
  const assumed = Form.useWatch('assumed', form) ?? [];
  return (
    <Modal
      open={open}
      title={t('documents.register.title')}
      okText={t('documents.register.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ ...testId('document-register-submit') }}
      width={760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('documents.register.hint')}</Typography.Paragraph>
      <Form<DocumentValues>
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        data-testid="document-register-form"
      >
        <Form.Item
          name="title"
          label={labels.title}
          extra={t('documents.register.help.title')}
          rules={[required(labels.title)]}
        >
          <Input maxLength={200} data-testid="document-form-title" />
        </Form.Item>
        <Form.Item
          name="id"
          label={labels.id}
          extra={t('documents.register.help.id')}
          rules={[
            required(labels.id),
            { pattern: ID, message: t('documents.fieldErrors.id_format', { label: labels.id }) },
          ]}
        >
          <Input maxLength={40} spellCheck={false} data-testid="document-form-id" />
        </Form.Item>
        <Form.Item
          name="shortTitle"
          label={labels.shortTitle}
          extra={t('documents.register.help.shortTitle')}
        >
          <Input maxLength={60} data-testid="document-form-short-title" />
        </Form.Item>
        <Form.Item name="issuer" label={labels.issuer} rules={[required(labels.issuer)]}>
          <Input maxLength={200} data-testid="document-form-issuer" />
        </Form.Item>
        <Form.Item name="number" label={labels.number}>
          <Input maxLength={100} data-testid="document-form-number" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={labels.issuedOn}
          rules={assumed.includes('issuedOn') ? [required(labels.issuedOn)] : []}
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="document-form-date" />
        </Form.Item>
        <Form.Item name="assumed" label={labels.assumed}>
          <Checkbox.Group
            options={[
              { value: 'issuer', label: t('documents.register.assumedOptions.issuer') },
              { value: 'issuedOn', label: t('documents.register.assumedOptions.issuedOn') },
            ]}
          />
        </Form.Item>
        {assumed.length > 0 ? (
          <Form.Item
            name="assumptionReason"
            label={labels.assumptionReason}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t(CODE_KEYS.assumption_reason_required, { label: labels.assumptionReason }),
              },
            ]}
          >
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="fullText"
          label={labels.fullText}
          extra={t('documents.register.help.fullText')}
          rules={[required(labels.fullText)]}
        >
          <Input.TextArea
            maxLength={MAX_TEXT}
            autoSize={{ minRows: 8, maxRows: 16 }}
            data-testid="document-form-text"
          />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} hideFields={placed} /> : null}
    </Modal>
  );
}
