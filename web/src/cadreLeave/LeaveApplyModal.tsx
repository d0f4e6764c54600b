import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { fetchOrigins } from '../trucks/api';
import { pickedRule, textRule } from '../trucks/formRules';
import { DivisionCascader } from '../trucks/public/DivisionCascader';
import { applyForLeave } from './api';
import { PersonPicker } from './PersonPicker';

interface Values {
  personId: string;
  destinationName: string;
  destinationDivisionCode: string | null;
  reason: string;
  leaveDate: Dayjs;
  plannedReturnDate: Dayjs;
}

/** The server's field problems, worded after the form's label as on the truck report. */
const PROBLEM_OPTIONS = { nested: true, labelServerText: true } as const;

/** An application to leave the city for a person in the user's jurisdiction (ARR-14). */
export function LeaveApplyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      personId: t('cadreLeave.fields.person'),
      destinationName: t('cadreLeave.fields.destinationName'),
      destinationDivisionCode: t('cadreLeave.fields.destinationDivisionCode'),
      reason: t('cadreLeave.fields.reason'),
      leaveDate: t('cadreLeave.fields.leaveDate'),
      plannedReturnDate: t('cadreLeave.fields.plannedReturnDate'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      applyForLeave({
        personId: v.personId,
        destinationName: v.destinationName.trim(),
        destinationDivisionCode: v.destinationDivisionCode!,
        reason: v.reason.trim(),
        leaveDate: v.leaveDate.format('YYYY-MM-DD'),
        plannedReturnDate: v.plannedReturnDate.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['cadre-leaves', 'list'] });
      message.success(t('cadreLeave.actions.saved'));
      form.resetFields();
      onClose();
    },
  });
  useEffect(() => {
    setPlaced(
      mutation.error ? applyFieldProblems(form, mutation.error, labels, t, language, PROBLEM_OPTIONS) : [],
    );
  }, [mutation.error, form, labels, t, language]);
  return (
    <Modal
      open={open}
      title={t('cadreLeave.apply')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okButtonProps={{ ...testId('leave-apply-ok') }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="personId" label={labels.personId} rules={[pickedRule(t, labels.personId)]}>
          <PersonPicker placeholder={t('cadreLeave.fields.personPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="destinationDivisionCode"
          label={labels.destinationDivisionCode}
          rules={[pickedRule(t, labels.destinationDivisionCode)]}
        >
          <DivisionCascader
            load={fetchOrigins}
            placeholder={t('trucks.public.originPlaceholder')}
            data-testid="leave-destination-code"
          />
        </Form.Item>
        <Form.Item
          name="destinationName"
          label={labels.destinationName}
          rules={[textRule(t, labels.destinationName, 100)]}
        >
          <Input maxLength={100} data-testid="leave-destination-name" />
        </Form.Item>
        <Form.Item name="reason" label={labels.reason} rules={[textRule(t, labels.reason, 200)]}>
          <Input.TextArea maxLength={200} autoSize data-testid="leave-reason" />
        </Form.Item>
        <Form.Item name="leaveDate" label={labels.leaveDate} rules={[pickedRule(t, labels.leaveDate)]}>
          <DatePicker style={{ width: '100%' }} data-testid="leave-date" />
        </Form.Item>
        <Form.Item
          name="plannedReturnDate"
          label={labels.plannedReturnDate}
          rules={[pickedRule(t, labels.plannedReturnDate)]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="leave-return-date" />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={placed} /> : null}
    </Modal>
  );
}
