import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { fieldMessage } from '../common/fieldMessage';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { PASSWORD_MIN_LENGTH } from '../users/api';
import { changePassword } from './api';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the signed-in user's own password; the server signs out their other sessions. */
export function PasswordCard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [placedFields, setPlacedFields] = useState<string[]>([]);
  const labels = useMemo(
    () => ({ currentPassword: t('account.password.current'), newPassword: t('account.password.new') }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordForm) =>
      changePassword({ currentPassword, newPassword }),
    onSuccess: ({ endedSessions }) => {
      message.success(
        endedSessions > 0
          ? t('account.password.doneEnded', { count: endedSessions })
          : t('account.password.done'),
      );
      form.resetFields();
    },
  });
  const { error } = mutation;
  useEffect(() => {
    setPlacedFields(error ? applyFieldProblems(form, error, labels, t, language) : []);
  }, [error, form, labels, t, language]);

  return (
    <Card title={t('account.password.title')} data-testid="password-card">
      <Typography.Paragraph type="secondary">{t('account.password.intro')}</Typography.Paragraph>
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        style={{ maxWidth: 420 }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item
          name="currentPassword"
          label={labels.currentPassword}
          rules={[{ required: true, message: fieldMessage(t, 'required', labels.currentPassword) }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={labels.newPassword}
          rules={[
            { required: true, message: fieldMessage(t, 'required', labels.newPassword) },
            { min: PASSWORD_MIN_LENGTH, message: fieldMessage(t, 'weak_password', labels.newPassword) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: fieldMessage(t, 'required', t('account.password.confirm')) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        {error ? (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={error} hideFields={placedFields} />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" loading={mutation.isPending} {...testId('password-submit')}>
          {t('account.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
