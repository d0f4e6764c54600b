import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { createCampaign } from './api';
import { PlanPanel } from './PlanPanel';

interface FormValues {
  jurisdictionCode?: string;
  name: string;
  poolSize: number;
  startsAt: Dayjs;
  dueAt?: Dayjs | null;
}

/** A new campaign beside its plan (TST-6 … TST-9), recomputed as the jurisdiction or pool size changes. */
export function CreateCampaignForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const jurisdictionCode = Form.useWatch('jurisdictionCode', form);
  const poolSize = Form.useWatch('poolSize', form) ?? 10;
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (values: FormValues) =>
      createCampaign({
        jurisdictionCode: values.jurisdictionCode!,
        name: values.name,
        poolSize: values.poolSize,
        startsAt: values.startsAt.toISOString(),
        ...(values.dueAt ? { dueAt: values.dueAt.toISOString() } : {}),
      }),
    onSuccess: () => {
      message.success(t('campaigns.create.created'));
      form.resetFields(['name']);
      void queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] });
    },
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('campaigns.create.title')}>
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={{ poolSize: 10, startsAt: dayjs() }}
            onFinish={(values) => mutation.mutate(values)}
            data-testid="campaign-create"
          >
            <Form.Item
              name="jurisdictionCode"
              label={t('campaigns.create.jurisdiction')}
              rules={[{ required: true }]}
            >
              <JurisdictionTreeSelect data-testid="campaign-jurisdiction" />
            </Form.Item>
            <Form.Item name="name" label={t('campaigns.create.name')} rules={[{ required: true, max: 100 }]}>
              <Input data-testid="campaign-name" />
            </Form.Item>
            <Form.Item name="poolSize" label={t('campaigns.create.poolSize')} rules={[{ required: true }]}>
              <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="startsAt" label={t('campaigns.create.startsAt')} rules={[{ required: true }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item
              name="dueAt"
              label={t('campaigns.create.dueAt')}
              extra={t('campaigns.create.dueAtHelp')}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
            {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
            <Button
              type="primary"
              htmlType="submit"
              loading={mutation.isPending}
              data-testid="campaign-submit"
            >
              {t('campaigns.create.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <PlanPanel jurisdictionCode={jurisdictionCode} poolSize={poolSize} />
      </Col>
    </Row>
  );
}
