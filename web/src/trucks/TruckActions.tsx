import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import {
  assignEscort,
  cancelTruck,
  REJECT_REASONS,
  recordArrival,
  recordDeparture,
  recordStay,
  rejectTruck,
  type TruckReport,
  truckKeys,
  verifyTruck,
} from './api';
import { CrewMatchFields, NEW_PERSON } from './CrewMatchFields';
import { pickedRule, textRule } from './formRules';

type Step = 'verify' | 'reject' | 'cancel' | 'escort' | 'arrive' | 'stay' | 'depart';

interface StepValues {
  escortName?: string;
  at?: Dayjs;
  reason?: string;
  lastDate?: Dayjs;
  rejectReason?: (typeof REJECT_REASONS)[number];
  note?: string;
  [crew: `crew_${number}`]: string | undefined;
}

/** Which steps the workflow allows now (mirrors src/rules/truckReport.ts). */
function stepsFor(report: TruckReport): Step[] {
  switch (report.status) {
    case 'unverified':
      return ['verify', 'reject'];
    case 'reported':
      return ['escort', 'cancel'];
    case 'escorted':
      return ['arrive', 'escort', 'cancel'];
    case 'at_checkpoint':
      return ['depart', 'stay', 'escort'];
    case 'staying':
      return ['depart', 'stay'];
    default:
      return [];
  }
}

function crewMatches(report: TruckReport, values: StepValues) {
  if (report.status === 'staying') return undefined;
  return report.crew.map((member) => {
    const chosen = values[`crew_${member.position}`];
    return { position: member.position, personId: !chosen || chosen === NEW_PERSON ? null : chosen };
  });
}

function send(report: TruckReport, step: Step, values: StepValues): Promise<TruckReport> {
  const note = values.note?.trim() || null;
  if (step === 'verify') return verifyTruck(report.id);
  if (step === 'reject') return rejectTruck(report.id, values.rejectReason!, note);
  if (step === 'cancel') return cancelTruck(report.id, note);
  if (step === 'escort') return assignEscort(report.id, values.escortName!.trim());
  if (step === 'arrive') return recordArrival(report.id, values.at!.toISOString());
  if (step === 'depart') return recordDeparture(report.id, values.at!.toISOString());
  return recordStay(
    report.id,
    values.reason!.trim(),
    values.lastDate!.format('YYYY-MM-DD'),
    crewMatches(report, values),
  );
}

/** The escort workflow's buttons (ARR-12), each opening a small form. */
export function TruckActions({ report }: { report: TruckReport }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepValues>();
  const [step, setStep] = useState<Step | null>(null);
  const mutation = useMutation({
    mutationFn: (values: StepValues) => send(report, step!, values),
    onSuccess: (saved) => {
      queryClient.setQueryData(truckKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['trucks', 'list'] });
      message.success(t('trucks.actions.saved'));
      setStep(null);
    },
  });
  const open = (next: Step) => {
    mutation.reset();
    form.setFieldsValue({
      escortName: report.escortName ?? '',
      at: dayjs(),
      reason: report.stayReason ?? '',
      lastDate: report.stayLastDate ? dayjs(report.stayLastDate).add(1, 'day') : dayjs().add(1, 'day'),
    });
    setStep(next);
  };
  const label = (s: Step) =>
    s === 'stay' && report.status === 'staying' ? t('trucks.actions.extend') : t(`trucks.actions.${s}`);
  const hint = step && step !== 'arrive' ? step : null;
  return (
    <>
      <Space wrap>
        {stepsFor(report).map((s, i) => (
          <Button
            key={s}
            type={i === 0 ? 'primary' : 'default'}
            onClick={() => open(s)}
            data-testid={`truck-action-${s}`}
          >
            {label(s)}
          </Button>
        ))}
      </Space>
      <Modal
        open={step !== null}
        title={step ? label(step) : ''}
        onCancel={() => setStep(null)}
        onOk={() => form.submit()}
        confirmLoading={mutation.isPending}
        okButtonProps={{ ...testId('truck-action-ok') }}
        destroyOnHidden
      >
        {hint ? (
          <Typography.Paragraph type="secondary">{t(`trucks.hints.${hint}`)}</Typography.Paragraph>
        ) : null}
        <Form<StepValues> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
          {step === 'escort' ? (
            <Form.Item
              name="escortName"
              label={t('trucks.fields.escortName')}
              rules={[textRule(t, t('trucks.fields.escortName'), 50)]}
            >
              <Input maxLength={50} data-testid="truck-escort-name" />
            </Form.Item>
          ) : null}
          {step === 'arrive' || step === 'depart' ? (
            <Form.Item name="at" label={t('trucks.fields.at')} rules={[pickedRule(t, t('trucks.fields.at'))]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="truck-step-at"
              />
            </Form.Item>
          ) : null}
          {step === 'reject' ? (
            <Form.Item
              name="rejectReason"
              label={t('trucks.fields.rejectReason')}
              rules={[pickedRule(t, t('trucks.fields.rejectReason'))]}
            >
              <Select
                data-testid="truck-reject-reason"
                options={REJECT_REASONS.map((r) => ({ value: r, label: t(`trucks.rejectReasons.${r}`) }))}
              />
            </Form.Item>
          ) : null}
          {step === 'reject' || step === 'cancel' ? (
            <Form.Item name="note" label={t('trucks.fields.note')}>
              <Input maxLength={200} data-testid="truck-end-note" />
            </Form.Item>
          ) : null}
          {step === 'stay' && report.status !== 'staying' ? <CrewMatchFields report={report} /> : null}
          {step === 'stay' ? (
            <>
              <Form.Item
                name="reason"
                label={t('trucks.fields.stayReason')}
                rules={[textRule(t, t('trucks.fields.stayReason'), 200)]}
              >
                <Input maxLength={200} data-testid="truck-stay-reason" />
              </Form.Item>
              <Form.Item
                name="lastDate"
                label={t('trucks.fields.lastDate')}
                rules={[pickedRule(t, t('trucks.fields.lastDate'))]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="truck-stay-last-date" />
              </Form.Item>
            </>
          ) : null}
        </Form>
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
