import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { usePermission } from '../session/useSession';
import { textRule } from '../trucks/formRules';
import {
  CASE_CLASSES,
  type CaseDetail,
  caseKeys,
  discardCase,
  reclassifyCase,
  reviewCase,
  SEVERITIES,
} from './api';

type Mode = 'reclassify' | 'discard' | 'review' | null;

interface Values {
  classification: (typeof CASE_CLASSES)[number];
  severity?: string;
  reason: string;
  note?: string;
}

/** Reclassify and discard (the reporting side), review (the CDC): each with its reason, kept in the history. */
export function CaseActions({ value }: { value: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canReport = usePermission('case.report');
  const canReview = usePermission('case.review');
  const [mode, setMode] = useState<Mode>(null);
  const [form] = Form.useForm<Values>();
  const classification = Form.useWatch('classification', form);
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      if (mode === 'reclassify')
        return reclassifyCase(value.id, {
          classification: v.classification,
          severity: v.classification === 'confirmed' && v.severity ? (v.severity as 'mild') : null,
          reason: v.reason.trim(),
        });
      if (mode === 'discard') return discardCase(value.id, v.reason.trim());
      return reviewCase(value.id, v.note ?? '');
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.one(value.id), detail);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      message.success(
        t(
          mode === 'review'
            ? 'cases.detail.reviewed_done'
            : mode === 'discard'
              ? 'cases.detail.discarded'
              : 'cases.detail.reclassified',
        ),
      );
      setMode(null);
    },
  });
  const open = (next: Mode) => {
    mutation.reset();
    form.resetFields();
    form.setFieldsValue({ classification: value.classification, severity: value.severity ?? undefined });
    setMode(next);
  };
  const discarded = value.status === 'discarded';
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        {canReview && value.awaitingReview ? (
          <Button type="primary" onClick={() => open('review')} {...testId('case-review')}>
            {t('cases.detail.review')}
          </Button>
        ) : null}
        {canReport && !discarded ? (
          <>
            <Button onClick={() => open('reclassify')} {...testId('case-reclassify')}>
              {t('cases.detail.reclassify')}
            </Button>
            <Button danger onClick={() => open('discard')} {...testId('case-discard')}>
              {t('cases.detail.discard')}
            </Button>
          </>
        ) : null}
      </Flex>
      <Modal
        open={mode !== null}
        title={mode ? t(`cases.detail.${mode}`) : ''}
        onCancel={() => setMode(null)}
        onOk={() => form.submit()}
        confirmLoading={mutation.isPending}
        okButtonProps={{ ...testId('case-action-ok') }}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
          {mode === 'reclassify' ? (
            <>
              <Form.Item name="classification" label={t('cases.fields.classification')}>
                <Select options={CASE_CLASSES.map((c) => ({ value: c, label: t(`cases.class.${c}`) }))} />
              </Form.Item>
              <Form.Item name="severity" label={t('cases.fields.severity')}>
                <Select
                  allowClear
                  disabled={classification !== 'confirmed'}
                  options={SEVERITIES.map((s) => ({ value: s, label: t(`cases.severity.${s}`) }))}
                />
              </Form.Item>
            </>
          ) : null}
          {mode === 'reclassify' || mode === 'discard' ? (
            <Form.Item
              name="reason"
              label={t('cases.fields.reason')}
              rules={[textRule(t, t('cases.fields.reason'), 500)]}
            >
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="case-reason" />
            </Form.Item>
          ) : null}
          {mode === 'review' ? (
            <Form.Item name="note" label={t('cases.fields.note')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="case-review-note" />
            </Form.Item>
          ) : null}
        </Form>
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
