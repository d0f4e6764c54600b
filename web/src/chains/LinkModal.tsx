import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { addLink, CERTAINTIES, chainKeys, EVIDENCE_KINDS, fetchOpenCases } from './api';

interface Values {
  infecteeCaseId: string;
  infectorCaseIds: string[];
  certainty: (typeof CERTAINTIES)[number];
  evidenceKind: (typeof EVIDENCE_KINDS)[number];
  evidence: string;
  exposureAt: Dayjs | null;
}

/**
 * Records who infected a case (EPI-5): one or several candidate infectors, each a link with the same
 * evidence and certainty. A link that would close a cycle comes back as a problem naming its cases.
 */
export function LinkModal({
  open,
  onClose,
  infecteeCaseId,
}: {
  open: boolean;
  onClose: () => void;
  infecteeCaseId?: string | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const cases = useQuery({ queryKey: ['chains', 'open-cases'], queryFn: fetchOpenCases, enabled: open });
  const infectee = Form.useWatch('infecteeCaseId', form);
  const options = (cases.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.personName} · ${t(`chains.class.${c.classification}`)} · ${formatDateTime(c.reportedAt, language)}`,
  }));
  const labels = useMemo(
    () => ({
      infecteeCaseId: t('chains.link.infectee'),
      infectorCaseId: t('chains.link.infectors'),
      infectorCaseIds: t('chains.link.infectors'),
      certainty: t('chains.link.certainty'),
      evidenceKind: t('chains.link.evidenceKind'),
      evidence: t('chains.link.evidence'),
      exposureAt: t('chains.link.exposureAt'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const opened: string[] = [];
      for (const infectorCaseId of v.infectorCaseIds) {
        const result = await addLink({
          infectorCaseId,
          infecteeCaseId: v.infecteeCaseId,
          certainty: v.certainty,
          evidenceKind: v.evidenceKind,
          evidence: v.evidence.trim(),
          exposureAt: v.exposureAt ? v.exposureAt.toISOString() : null,
        });
        opened.push(...result.alerts.opened);
      }
      return opened;
    },
    onSuccess: (opened) => {
      void queryClient.invalidateQueries({ queryKey: chainKeys.all });
      message.success(opened.length > 0 ? t('chains.link.savedAlert') : t('chains.link.saved'));
      form.resetFields();
      onClose();
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: chainKeys.all }),
  });
  useEffect(() => {
    setPlaced(
      mutation.error
        ? applyFieldProblems(form, mutation.error, labels, t, language, {
            rename: (field) => (field === 'infectorCaseId' ? 'infectorCaseIds' : field),
          })
        : [],
    );
  }, [mutation.error, form, labels, t, language]);
  useEffect(() => {
    if (open && infecteeCaseId) form.setFieldValue('infecteeCaseId', infecteeCaseId);
  }, [open, infecteeCaseId, form]);
  const required = (label: string) => ({
    required: true,
    message: t('chains.link.required', { field: label }),
  });
  return (
    <Modal
      open={open}
      title={t('chains.link.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okButtonProps={{ ...testId('chain-link-ok') }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('chains.link.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ certainty: 'probable', evidenceKind: 'household', infectorCaseIds: [] }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item
          name="infecteeCaseId"
          label={labels.infecteeCaseId}
          rules={[required(labels.infecteeCaseId)]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={cases.isFetching}
            disabled={Boolean(infecteeCaseId)}
            data-testid="chain-link-infectee"
          />
        </Form.Item>
        <Form.Item
          name="infectorCaseIds"
          label={labels.infectorCaseIds}
          rules={[required(labels.infectorCaseIds)]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={options.filter((o) => o.value !== infectee)}
            loading={cases.isFetching}
            data-testid="chain-link-infectors"
          />
        </Form.Item>
        <Form.Item name="certainty" label={labels.certainty} extra={t('chains.link.certaintyHint')}>
          <Select
            options={CERTAINTIES.map((c) => ({ value: c, label: t(`chains.certainty.${c}`) }))}
            data-testid="chain-link-certainty"
          />
        </Form.Item>
        <Form.Item name="evidenceKind" label={labels.evidenceKind}>
          <Select
            options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`chains.evidenceKind.${k}`) }))}
            data-testid="chain-link-kind"
          />
        </Form.Item>
        <Form.Item name="evidence" label={labels.evidence} rules={[required(labels.evidence)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="chain-link-evidence" />
        </Form.Item>
        <Form.Item name="exposureAt" label={labels.exposureAt} extra={t('chains.link.exposureHint')}>
          <DatePicker showTime style={{ width: '100%' }} data-testid="chain-link-exposure" />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={placed} /> : null}
    </Modal>
  );
}
