import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { useMe } from '../session/useSession';
import {
  createSite,
  patchSite,
  SITE_KINDS,
  SITE_PURPOSES,
  type SiteBody,
  type SiteDetail,
  siteKeys,
} from './api';

interface Values {
  jurisdictionCode: string;
  name: string;
  kind: SiteBody['kind'];
  purposes: SiteBody['purposes'];
  address?: string;
  contractedOn?: Dayjs | null;
  contractUntil?: Dayjs | null;
}

/**
 * Registers a contracted isolation site (ISO-1): never a hospital (the server refuses one by name or
 * address), not ready until its five items are in place (ISO-3).
 */
export function SiteFormModal({
  open,
  site,
  onClose,
}: {
  open: boolean;
  /** The site to edit; absent: a new site. */
  site?: SiteDetail | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const fields = {
        name: values.name.trim(),
        kind: values.kind,
        purposes: values.purposes,
        address: values.address?.trim() || null,
        contractedOn: values.contractedOn ? values.contractedOn.format('YYYY-MM-DD') : null,
        contractUntil: values.contractUntil ? values.contractUntil.format('YYYY-MM-DD') : null,
      };
      return site
        ? patchSite(site.id, fields)
        : createSite({ ...fields, jurisdictionCode: values.jurisdictionCode });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: siteKeys.all });
      message.success(t('isolationSites.saved'));
      onClose();
      if (!site) navigate(`/isolation/sites/${saved.id}`);
    },
    onError: (error) => {
      applyFieldProblems(
        form,
        error,
        {
          name: t('isolationSites.fields.name'),
          address: t('isolationSites.fields.address'),
          contractUntil: t('isolationSites.fields.contractUntil'),
        },
        t,
        language,
      );
    },
  });
  return (
    <Modal
      open={open}
      title={site ? site.name : t('isolationSites.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okText={t('isolationSites.actions.save')}
      cancelText={t('isolationSites.actions.cancel')}
      okButtonProps={{ ...testId('site-save') }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          site
            ? {
                jurisdictionCode: site.jurisdictionCode,
                name: site.name,
                kind: site.kind,
                purposes: site.purposes,
                address: site.address ?? '',
                contractedOn: site.contractedOn ? dayjs(site.contractedOn) : null,
                contractUntil: site.contractUntil ? dayjs(site.contractUntil) : null,
              }
            : { jurisdictionCode: me.scopes[0], kind: 'hotel', purposes: ['close_contacts'] }
        }
        onFinish={(values) => mutation.mutate(values)}
      >
        {site ? null : (
          <Form.Item
            name="jurisdictionCode"
            label={t('isolationSites.fields.jurisdiction')}
            rules={[{ required: true }]}
          >
            <JurisdictionTreeSelect<string> />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('isolationSites.fields.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} data-testid="site-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('isolationSites.fields.kind')} rules={[{ required: true }]}>
          <Select options={SITE_KINDS.map((k) => ({ value: k, label: t(`isolationSites.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="purposes" label={t('isolationSites.fields.purposes')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={SITE_PURPOSES.map((p) => ({ value: p, label: t(`isolationSites.purpose.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="address" label={t('isolationSites.fields.address')}>
          <Input maxLength={200} data-testid="site-address" />
        </Form.Item>
        <Form.Item name="contractedOn" label={t('isolationSites.fields.contractedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="contractUntil" label={t('isolationSites.fields.contractUntil')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {mutation.error ? (
          <ProblemAlert error={mutation.error} hideFields={['name', 'address', 'contractUntil']} />
        ) : null}
      </Form>
    </Modal>
  );
}
