import { UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { fieldMessage } from '../common/fieldMessage';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { createUser, type NewUser, PASSWORD_MIN_LENGTH, ROLES, USERNAME_PATTERN, userKeys } from './api';
import { useRoleLabel } from './useRoleLabel';

/** Creates an account with roles held within jurisdiction subtrees of the administrator's own. */
export function CreateUserButton() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roleLabel = useRoleLabel();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewUser>();
  const [placedFields, setPlacedFields] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      username: t('users.username'),
      displayName: t('users.displayName'),
      password: t('users.password'),
      roles: t('users.roles'),
      scopes: t('users.scopes'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (user: NewUser) =>
      createUser({ ...user, username: user.username.trim(), displayName: user.displayName.trim() }),
    onSuccess: (user) => {
      message.success(t('users.created', { name: user.displayName }));
      void queryClient.invalidateQueries({ queryKey: userKeys.list });
      setOpen(false);
      form.resetFields();
    },
  });
  const { error } = mutation;
  useEffect(() => {
    setPlacedFields(error ? applyFieldProblems(form, error, labels, t, language) : []);
  }, [error, form, labels, t, language]);

  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: fieldMessage(t, 'required', label),
  });
  return (
    <>
      <Button type="primary" icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid="user-new">
        {t('users.new')}
      </Button>
      <Modal
        open={open}
        title={t('users.new')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ ...testId('user-save') }}
        destroyOnHidden
      >
        <Form<NewUser>
          form={form}
          layout="vertical"
          onFinish={(values) => mutation.mutate(values)}
          data-testid="user-form"
        >
          <Form.Item
            name="username"
            label={labels.username}
            extra={t('users.usernameHint')}
            rules={[
              required(labels.username),
              { pattern: USERNAME_PATTERN, message: fieldMessage(t, 'format', labels.username) },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" data-testid="user-form-username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={labels.displayName}
            rules={[
              required(labels.displayName),
              { max: 50, message: fieldMessage(t, 'too_long', labels.displayName) },
            ]}
          >
            <Input maxLength={50} data-testid="user-form-display-name" />
          </Form.Item>
          <Form.Item
            name="password"
            label={labels.password}
            rules={[
              required(labels.password),
              { min: PASSWORD_MIN_LENGTH, message: fieldMessage(t, 'weak_password', labels.password) },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
          <Form.Item
            name="roles"
            label={labels.roles}
            rules={[
              { required: true, type: 'array', min: 1, message: fieldMessage(t, 'required', labels.roles) },
            ]}
          >
            <Select
              mode="multiple"
              options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
              data-testid="user-form-roles"
            />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={labels.scopes}
            rules={[
              { required: true, type: 'array', min: 1, message: fieldMessage(t, 'required', labels.scopes) },
            ]}
          >
            <JurisdictionTreeSelect<string[]> multiple data-testid="user-form-scopes" />
          </Form.Item>
        </Form>
        {error ? <ProblemAlert error={error} hideFields={placedFields} /> : null}
      </Modal>
    </>
  );
}
