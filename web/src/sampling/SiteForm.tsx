import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { createSite, type Site, samplingKeys, updateSite } from './api';

interface Values {
  jurisdictionCode: string;
  name: string;
  address?: string;
  tables: number;
  active: boolean;
}

/** Adds a sampling site, or edits one (`site` given): name, address, tables, open or closed. */
export function SiteForm({ site, onDone }: { site?: Site; onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const labels = {
    jurisdictionCode: t('sampling.sites.jurisdiction'),
    name: t('sampling.sites.name'),
    address: t('sampling.sites.address'),
    tables: t('sampling.sites.tables'),
  };
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name.trim(),
        address: values.address?.trim() || null,
        tables: values.tables,
      };
      return site
        ? updateSite(site.id, { ...body, active: values.active })
        : createSite({ ...body, jurisdictionCode: values.jurisdictionCode });
    },
    onSuccess: () => {
      message.success(t('sampling.sites.saved'));
      void queryClient.invalidateQueries({ queryKey: samplingKeys.sites });
      onDone();
    },
    onError: (error) => applyFieldProblems(form, error, labels, t, language),
  });
  return (
    <Card style={{ marginBottom: 16 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={site ? { ...site, address: site.address ?? undefined } : { tables: 4, active: true }}
        onFinish={(values) => mutation.mutate(values)}
        data-testid="sampling-site-form"
      >
        {site ? null : (
          <Form.Item name="jurisdictionCode" label={labels.jurisdictionCode} rules={[{ required: true }]}>
            <JurisdictionTreeSelect<string> data-testid="sampling-site-jurisdiction" />
          </Form.Item>
        )}
        <Form.Item name="name" label={labels.name} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} data-testid="sampling-site-name" />
        </Form.Item>
        <Form.Item name="address" label={labels.address} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="sampling-site-address" />
        </Form.Item>
        <Form.Item name="tables" label={labels.tables} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} precision={0} data-testid="sampling-site-tables" />
        </Form.Item>
        {site ? (
          <Form.Item name="active" label={t('sampling.sites.active')} valuePropName="checked">
            <Switch data-testid="sampling-site-active" />
          </Form.Item>
        ) : null}
        {mutation.error ? <ProblemAlert error={mutation.error} hideFields={Object.keys(labels)} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          data-testid="sampling-site-save"
        >
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
