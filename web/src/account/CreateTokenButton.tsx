import { KeyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { fieldMessage } from '../common/fieldMessage';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { type ApiToken, createToken, DEFAULT_TOKEN_LIFETIME, TOKEN_LIFETIMES, tokenKeys } from './api';

interface TokenForm {
  name: string;
  expiresInDays: number;
}

/** Creates an API token with a chosen lifetime, then shows it once with a copy button. */
export function CreateTokenButton() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<ApiToken | null>(null);
  const [form] = Form.useForm<TokenForm>();
  const [placedFields, setPlacedFields] = useState<string[]>([]);
  const labels = useMemo(
    () => ({ name: t('account.tokens.name'), expiresInDays: t('account.tokens.lifetime') }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (values: TokenForm) => createToken({ ...values, name: values.name.trim() }),
    onSuccess: (token) => {
      setOpen(false);
      setCreated(token);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: tokenKeys.mine });
    },
  });
  const { error } = mutation;
  useEffect(() => {
    setPlacedFields(error ? applyFieldProblems(form, error, labels, t, language) : []);
  }, [error, form, labels, t, language]);

  return (
    <>
      <Button type="primary" icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="token-new">
        {t('account.tokens.create')}
      </Button>
      <Modal
        open={open}
        title={t('account.tokens.create')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ ...testId('token-save') }}
        destroyOnHidden
      >
        <Form<TokenForm>
          form={form}
          layout="vertical"
          initialValues={{ expiresInDays: DEFAULT_TOKEN_LIFETIME }}
          onFinish={(values) => mutation.mutate(values)}
        >
          <Form.Item
            name="name"
            label={labels.name}
            rules={[
              { required: true, whitespace: true, message: fieldMessage(t, 'required', labels.name) },
              { max: 100, message: fieldMessage(t, 'too_long', labels.name) },
            ]}
          >
            <Input
              maxLength={100}
              placeholder={t('account.tokens.namePlaceholder')}
              data-testid="token-form-name"
            />
          </Form.Item>
          <Form.Item name="expiresInDays" label={labels.expiresInDays} rules={[{ required: true }]}>
            <Select
              options={TOKEN_LIFETIMES.map((days) => ({
                value: days,
                label: t('account.tokens.days', { count: days }),
              }))}
              data-testid="token-form-lifetime"
            />
          </Form.Item>
        </Form>
        {error ? <ProblemAlert error={error} hideFields={placedFields} /> : null}
      </Modal>
      <Modal
        open={created !== null}
        title={t('account.tokens.createdTitle')}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="token-created-close">
            {t('account.tokens.close')}
          </Button>
        }
      >
        {created ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('account.tokens.createdWarning')}
              style={{ marginBottom: 16 }}
            />
            <Typography.Paragraph
              code
              copyable={{
                text: created.token,
                tooltips: [t('account.tokens.copy'), t('account.tokens.copied')],
              }}
              style={{ wordBreak: 'break-all' }}
              data-testid="token-created-value"
            >
              {created.token}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('account.tokens.expiresOn', { time: formatDateTime(created.expiresAt, language) })}
            </Typography.Text>
          </>
        ) : null}
      </Modal>
    </>
  );
}
