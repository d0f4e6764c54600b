import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { fetchOrigins } from '../trucks/api';
import { pickedRule } from '../trucks/formRules';
import { DivisionCascader } from '../trucks/public/DivisionCascader';
import { decideLeave, type Leave, reportReturn, withdrawLeave } from './api';

function useLeaveMutation<T>(fn: (input: T) => Promise<Leave>, onDone: (leave: Leave) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (leave) => {
      void queryClient.invalidateQueries({ queryKey: ['cadre-leaves', 'list'] });
      message.success(t('cadreLeave.actions.saved'));
      onDone(leave);
    },
  });
}

/** Approve or reject (谁审批、谁负责): the server checks the approver's level and records them. */
export function DecisionForm({ leave, onDone }: { leave: Leave; onDone: (leave: Leave) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const mutation = useLeaveMutation(
    (decision: 'approved' | 'rejected') =>
      decideLeave(leave.id, decision, (form.getFieldValue('note') ?? '').trim()),
    onDone,
  );
  return (
    <Form form={form} layout="vertical">
      <Typography.Paragraph type="secondary">{t('cadreLeave.approverRule')}</Typography.Paragraph>
      <Form.Item name="note" label={t('cadreLeave.fields.decisionNote')}>
        <Input.TextArea maxLength={200} autoSize data-testid="leave-note" />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          loading={mutation.isPending}
          onClick={() => mutation.mutate('approved')}
          data-testid="leave-approve"
        >
          {t('cadreLeave.actions.approve')}
        </Button>
        <Button
          danger
          loading={mutation.isPending}
          onClick={() => mutation.mutate('rejected')}
          data-testid="leave-reject"
        >
          {t('cadreLeave.actions.reject')}
        </Button>
      </Space>
      {mutation.error ? (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={mutation.error} />
        </div>
      ) : null}
    </Form>
  );
}

interface ReturnValues {
  returnedAt: Dayjs;
  originDivisionCode: string | null;
  negativeNatAt: Dayjs | null;
  homeIsolationConditions: boolean;
}

/** "返赤后主动报备": registers the return as an arrival, which the policy in force plans. */
export function ReturnForm({ leave, onDone }: { leave: Leave; onDone: (leave: Leave) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReturnValues>();
  const mutation = useLeaveMutation(
    (v: ReturnValues) =>
      reportReturn(leave.id, {
        returnedAt: v.returnedAt.toISOString(),
        ...(v.originDivisionCode ? { originDivisionCode: v.originDivisionCode } : {}),
        negativeNatAt: v.negativeNatAt ? v.negativeNatAt.toISOString() : null,
        homeIsolationConditions: v.homeIsolationConditions,
      }),
    onDone,
  );
  const returnedLabel = t('cadreLeave.fields.returnedAt');
  return (
    <Form<ReturnValues>
      form={form}
      layout="vertical"
      initialValues={{
        returnedAt: dayjs(),
        originDivisionCode: null,
        negativeNatAt: null,
        homeIsolationConditions: true,
      }}
      onFinish={(v) => mutation.mutate(v)}
    >
      <Typography.Paragraph type="secondary">{t('cadreLeave.returnHint')}</Typography.Paragraph>
      <Form.Item name="returnedAt" label={returnedLabel} rules={[pickedRule(t, returnedLabel)]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          data-testid="leave-returned-at"
        />
      </Form.Item>
      <Form.Item
        name="originDivisionCode"
        label={t('cadreLeave.fields.returnOrigin')}
        extra={t('cadreLeave.fields.returnOriginHint')}
      >
        <DivisionCascader load={fetchOrigins} placeholder={leave.destinationName} />
      </Form.Item>
      <Form.Item name="negativeNatAt" label={t('cadreLeave.fields.negativeNatAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="homeIsolationConditions" label={t('cadreLeave.fields.homeIsolationConditions')}>
        <Radio.Group optionType="button">
          <Radio.Button value={true}>{t('trucks.yes')}</Radio.Button>
          <Radio.Button value={false}>{t('trucks.no')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="leave-return-submit">
        {t('cadreLeave.actions.return')}
      </Button>
      {mutation.error ? (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={mutation.error} />
        </div>
      ) : null}
    </Form>
  );
}

/** Withdraws a leave that will not be taken; the return report it owed leaves the work list. */
export function WithdrawForm({ leave, onDone }: { leave: Leave; onDone: (leave: Leave) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useLeaveMutation(
    (v: { reason: string }) => withdrawLeave(leave.id, v.reason.trim()),
    onDone,
  );
  const label = t('cadreLeave.fields.withdrawalReason');
  return (
    <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
      <Typography.Paragraph type="secondary">{t('cadreLeave.withdrawHint')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={label}
        rules={[{ required: true, whitespace: true, message: t('cadreLeave.withdrawReasonRequired') }]}
      >
        <Input maxLength={200} data-testid="leave-withdraw-reason" />
      </Form.Item>
      <Button htmlType="submit" loading={mutation.isPending} data-testid="leave-withdraw">
        {t('cadreLeave.actions.withdraw')}
      </Button>
      {mutation.error ? (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={mutation.error} />
        </div>
      ) : null}
    </Form>
  );
}
