import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from '../common/fieldMessage';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import {
  type Alert,
  type AssessInput,
  acknowledgeAlert,
  alertKeys,
  assessAlert,
  CLOSE_REASONS,
  type CloseInput,
  closeAlert,
  publishWarning,
  RISK_LEVELS,
  WARNING_LEVELS,
  type WarningInput,
} from './api';

type Step = 'assess' | 'warning' | 'close';

/** MON-4: the steps the alert allows now, each audited by the server and closing its deadline. */
export function AlertActions({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: alertKeys.all });
    setStep(null);
  };
  const acknowledge = useMutation({ mutationFn: () => acknowledgeAlert(alert.id), onSuccess: done });
  if (alert.state === 'closed') return null;
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {alert.state === 'raised' ? (
          <Popconfirm
            title={t('alerts.actions.acknowledgeConfirm')}
            okText={t('alerts.actions.acknowledge')}
            cancelText={t('common.cancel')}
            onConfirm={() => acknowledge.mutate()}
            okButtonProps={{ ...testId('alert-acknowledge-confirm') }}
          >
            <Button type="primary" loading={acknowledge.isPending} data-testid="alert-acknowledge">
              {t('alerts.actions.acknowledge')}
            </Button>
          </Popconfirm>
        ) : null}
        {alert.state === 'acknowledged' || alert.state === 'assessed' ? (
          <Button
            type={alert.state === 'acknowledged' ? 'primary' : 'default'}
            onClick={() => setStep('assess')}
            data-testid="alert-assess"
          >
            {alert.state === 'assessed' ? t('alerts.actions.reassess') : t('alerts.actions.assess')}
          </Button>
        ) : null}
        {alert.state === 'assessed' && !alert.warningPublishedAt ? (
          <Button onClick={() => setStep('warning')} data-testid="alert-publish">
            {t('alerts.actions.publish')}
          </Button>
        ) : null}
        {alert.state === 'acknowledged' || alert.state === 'assessed' ? (
          <Button onClick={() => setStep('close')} data-testid="alert-close">
            {t('alerts.actions.close')}
          </Button>
        ) : null}
      </Flex>
      {acknowledge.error ? <ProblemAlert error={acknowledge.error} /> : null}
      {step === 'assess' ? <AssessModal alert={alert} onDone={done} onCancel={() => setStep(null)} /> : null}
      {step === 'warning' ? (
        <WarningModal alert={alert} onDone={done} onCancel={() => setStep(null)} />
      ) : null}
      {step === 'close' ? <CloseModal alert={alert} onDone={done} onCancel={() => setStep(null)} /> : null}
    </>
  );
}

interface ModalProps {
  alert: Alert;
  onDone: () => Promise<void>;
  onCancel: () => void;
}

function StepModal<V extends object>(props: {
  title: string;
  testId: string;
  submit: (values: V) => Promise<unknown>;
  onDone: () => Promise<void>;
  onCancel: () => void;
  initialValues?: Partial<V>;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const mutation = useMutation({ mutationFn: props.submit, onSuccess: props.onDone });
  return (
    <Modal
      open
      title={props.title}
      okText={t('alerts.actions.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      okButtonProps={{ ...testId(`${props.testId}-submit`) }}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(values) => mutation.mutate(values)}
        data-testid={props.testId}
      >
        {props.children}
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
    </Modal>
  );
}

function useRequired() {
  const { t } = useTranslation();
  return (label: string, max: number) => [
    { required: true, whitespace: true, message: fieldMessage(t, 'required', label) },
    { max, message: fieldMessage(t, 'too_long', label) },
  ];
}

function AssessModal({ alert, onDone, onCancel }: ModalProps) {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <StepModal<AssessInput>
      title={t('alerts.actions.assess')}
      testId="alert-assess-form"
      submit={(values) =>
        assessAlert(alert.id, {
          ...values,
          summary: values.summary.trim(),
          measuresRecommended: values.measuresRecommended.trim(),
        })
      }
      onDone={onDone}
      onCancel={onCancel}
      initialValues={{
        riskLevel: alert.riskLevel ?? undefined,
        summary: alert.assessmentSummary ?? '',
        measuresRecommended: alert.measuresRecommended ?? '',
      }}
    >
      <Form.Item
        name="riskLevel"
        label={t('alerts.form.riskLevel')}
        rules={[{ required: true, message: fieldMessage(t, 'required', t('alerts.form.riskLevel')) }]}
      >
        <Select
          options={RISK_LEVELS.map((value) => ({ value, label: t(`alerts.riskLevels.${value}`) }))}
          data-testid="alert-risk-level"
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('alerts.form.summary')}
        rules={required(t('alerts.form.summary'), 2000)}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t('alerts.form.summaryPlaceholder')}
          data-testid="alert-summary"
        />
      </Form.Item>
      <Form.Item
        name="measuresRecommended"
        label={t('alerts.form.measures')}
        rules={required(t('alerts.form.measures'), 2000)}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t('alerts.form.measuresPlaceholder')}
          data-testid="alert-measures"
        />
      </Form.Item>
    </StepModal>
  );
}

function WarningModal({ alert, onDone, onCancel }: ModalProps) {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <StepModal<WarningInput>
      title={t('alerts.actions.publish')}
      testId="alert-warning-form"
      submit={(values) =>
        publishWarning(alert.id, { ...values, text: values.text.trim(), audience: values.audience.trim() })
      }
      onDone={onDone}
      onCancel={onCancel}
      initialValues={{ jurisdictionCode: alert.jurisdictionCode, level: 'yellow' }}
    >
      <Form.Item name="level" label={t('alerts.form.warningLevel')} rules={[{ required: true }]}>
        <Select
          options={WARNING_LEVELS.map((value) => ({ value, label: t(`alerts.warningLevels.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('alerts.form.warningText')}
        rules={required(t('alerts.form.warningText'), 2000)}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="alert-warning-text" />
      </Form.Item>
      <Form.Item
        name="audience"
        label={t('alerts.form.audience')}
        rules={required(t('alerts.form.audience'), 200)}
      >
        <Input
          maxLength={200}
          placeholder={t('alerts.form.audiencePlaceholder')}
          data-testid="alert-warning-audience"
        />
      </Form.Item>
      <Form.Item
        name="jurisdictionCode"
        label={t('alerts.form.warningJurisdiction')}
        rules={[{ required: true }]}
      >
        <JurisdictionTreeSelect<string> />
      </Form.Item>
    </StepModal>
  );
}

function CloseModal({ alert, onDone, onCancel }: ModalProps) {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <StepModal<CloseInput>
      title={t('alerts.actions.close')}
      testId="alert-close-form"
      submit={(values) => closeAlert(alert.id, { ...values, note: values.note.trim() })}
      onDone={onDone}
      onCancel={onCancel}
      initialValues={{ reason: alert.state === 'assessed' ? 'handled' : 'excluded' }}
    >
      <Form.Item name="reason" label={t('alerts.form.reason')} rules={[{ required: true }]}>
        <Select
          options={CLOSE_REASONS.map((value) => ({
            value,
            label: t(`alerts.closeReasons.${value}`),
            // 已处置 follows an assessment; before one, only 排除.
            disabled: value === 'handled' && alert.state !== 'assessed',
          }))}
          data-testid="alert-close-reason"
        />
      </Form.Item>
      <Form.Item name="note" label={t('alerts.form.note')} rules={required(t('alerts.form.note'), 500)}>
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('alerts.form.notePlaceholder')}
          data-testid="alert-close-note"
        />
      </Form.Item>
    </StepModal>
  );
}
