import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { useLanguage } from '../i18n/useLanguage';
import { searchJurisdictions } from '../jurisdictions/api';
import { fetchSites, type Site, sentinelKeys } from './api';
import { siteKindKey } from './feeds';

const KINDS = [
  'fever_clinic',
  'school',
  'hospital',
  'market',
  'cold_chain',
  'port',
] as const satisfies ReadonlyArray<Site['kind']>;
/** MON-3: the kinds that send an environment sample every week, as the server defaults them. */
const WEEKLY: ReadonlyArray<Site['kind']> = ['fever_clinic', 'market', 'cold_chain'];

interface Values {
  jurisdictionCode: string;
  kind: Site['kind'];
  name: string;
  enrolled?: number | null;
  weeklySample: boolean;
}

/** The CDC's registry of sentinel sites (MON-1, MON-3): who reports what, and who owes a weekly sample. */
export function SiteRegistry() {
  const { t } = useTranslation();
  const sites = useQuery({ queryKey: sentinelKeys.sites, queryFn: fetchSites });
  const [open, setOpen] = useState(false);
  const columns: TableColumnsType<Site> = [
    { key: 'name', title: t('sentinels.fields.site'), dataIndex: 'name' },
    { key: 'kind', title: t('sentinels.sites.kind'), render: (_, s) => t(siteKindKey(s.kind)) },
    { key: 'place', title: t('sentinels.sites.jurisdiction'), dataIndex: 'jurisdictionName' },
    {
      key: 'weekly',
      title: t('sentinels.sites.weeklySample'),
      render: (_, s) => (s.weeklySample ? t('sentinels.form.yes') : t('sentinels.form.no')),
    },
  ];
  return (
    <Card
      title={t('sentinels.sites.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="sentinel-site-add">
          {t('sentinels.sites.add')}
        </Button>
      }
    >
      {sites.error ? <ProblemAlert error={sites.error} /> : null}
      <Table<Site>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={sites.data ?? []}
        scroll={{ x: true }}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      />
      <SiteModal open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

function SiteModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const places = useQuery({
    queryKey: ['sentinels', 'places', q],
    queryFn: () => searchJurisdictions(q, 20),
    enabled: q.length > 0,
  });
  const kind = Form.useWatch('kind', form);
  const labels = useMemo(
    () => ({
      jurisdictionCode: t('sentinels.sites.jurisdiction'),
      kind: t('sentinels.sites.kind'),
      name: t('sentinels.fields.site'),
      enrolled: t('sentinels.fields.enrolled'),
      weeklySample: t('sentinels.sites.weeklySample'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      api.post<Site>('/sentinels/sites', {
        jurisdictionCode: v.jurisdictionCode,
        kind: v.kind,
        name: v.name.trim(),
        enrolled: v.kind === 'school' ? (v.enrolled ?? null) : null,
        weeklySample: v.weeklySample,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sentinelKeys.all });
      message.success(t('sentinels.sites.saved'));
      form.resetFields();
      onClose();
    },
  });
  const [placed, setPlaced] = useState<string[]>([]);
  useEffect(() => {
    setPlaced(mutation.error ? applyFieldProblems(form, mutation.error, labels, t, language) : []);
  }, [mutation.error, form, labels, t, language]);
  const required = (field: string) => [{ required: true, message: t('sentinels.form.required', { field }) }];
  return (
    <Modal
      open={open}
      title={t('sentinels.sites.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ weeklySample: false }}
        onFinish={(v) => mutation.mutate(v)}
        onValuesChange={(changed) => {
          if (changed.kind) form.setFieldValue('weeklySample', WEEKLY.includes(changed.kind));
        }}
      >
        <Form.Item
          name="jurisdictionCode"
          label={labels.jurisdictionCode}
          rules={required(labels.jurisdictionCode)}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={(places.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
            notFoundContent={null}
            placeholder={t('sentinels.sites.searchPlace')}
            data-testid="sentinel-site-place"
          />
        </Form.Item>
        <Form.Item name="kind" label={labels.kind} rules={required(labels.kind)}>
          <Select
            options={KINDS.map((k) => ({ value: k, label: t(siteKindKey(k)) }))}
            data-testid="sentinel-site-kind"
          />
        </Form.Item>
        <Form.Item name="name" label={labels.name} rules={required(labels.name)}>
          <Input maxLength={100} data-testid="sentinel-site-name" />
        </Form.Item>
        {kind === 'school' ? (
          <Form.Item name="enrolled" label={labels.enrolled}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="weeklySample" valuePropName="checked">
          <Checkbox>{labels.weeklySample}</Checkbox>
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={placed} /> : null}
    </Modal>
  );
}
