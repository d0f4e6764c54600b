import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import {
  addStaff,
  patchStaff,
  revealStaffPhone,
  type SiteDetail,
  STAFF_ROLES,
  type Staff,
  siteKeys,
} from './api';

interface Values {
  role: Staff['role'];
  name: string;
  unit?: string;
  phone?: string;
  fromDate?: Dayjs | null;
}

function RevealPhone({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: (reason: string) => revealStaffPhone(staff.id, reason),
    onSuccess: (r) => setPhone(r.phone),
  });
  if (phone) return <span>{phone}</span>;
  return (
    <Button
      size="small"
      type="link"
      onClick={() => {
        let reason = '';
        modal.confirm({
          title: t('isolationSites.staff.reveal'),
          content: (
            <Input
              maxLength={200}
              placeholder={t('isolationSites.staff.revealReason')}
              onChange={(e) => {
                reason = e.target.value;
              }}
            />
          ),
          onOk: () =>
            reveal.mutateAsync(
              reason.trim().length >= 2 ? reason.trim() : t('isolationSites.staff.defaultReason'),
            ),
        });
      }}
    >
      {t('isolationSites.staff.reveal')}
    </Button>
  );
}

/**
 * ISO-3 (004 §18): the ledger of the site's liaison leader (包联领导), point leader (点长) and key
 * staff; phones masked, the whole number through an audited reveal. A site without a point leader
 * is flagged.
 */
export function StaffPanel({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const canWrite = usePermission('isolation.site');
  const canUnmask = usePermission('person.unmask');
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: siteKeys.all });
  const add = useMutation({
    mutationFn: (values: Values) =>
      addStaff(site.id, {
        role: values.role,
        name: values.name.trim(),
        unit: values.unit?.trim() || null,
        phone: values.phone?.trim() || null,
        fromDate: values.fromDate ? values.fromDate.format('YYYY-MM-DD') : null,
      }),
    onSuccess: () => {
      refresh();
      setAdding(false);
    },
    onError: (error) => {
      applyFieldProblems(
        form,
        error,
        { name: t('isolationSites.staff.name'), phone: t('isolationSites.staff.phone') },
        t,
        language,
      );
    },
  });
  const toggle = useMutation({
    mutationFn: (staff: Staff) => patchStaff(staff.id, { active: !staff.active }),
    onSuccess: refresh,
  });
  const columns: TableColumnsType<Staff> = [
    {
      key: 'role',
      title: '',
      render: (_, s) => (
        <Tag color={s.role === 'point_leader' ? 'blue' : s.role === 'liaison_leader' ? 'purple' : 'default'}>
          {t(`isolationSites.staff.role.${s.role}`)}
        </Tag>
      ),
    },
    { key: 'name', title: t('isolationSites.staff.name'), dataIndex: 'name' },
    { key: 'unit', title: t('isolationSites.staff.unit'), dataIndex: 'unit', responsive: ['md'] },
    {
      key: 'phone',
      title: t('isolationSites.staff.phone'),
      render: (_, s) =>
        s.phoneMasked ? (
          <Flex gap={4} align="center" wrap>
            <span>{s.phoneMasked}</span>
            {canUnmask ? <RevealPhone staff={s} /> : null}
          </Flex>
        ) : null,
    },
    {
      key: 'dates',
      title: t('isolationSites.staff.fromDate'),
      render: (_, s) => (s.fromDate ? formatDay(s.fromDate, language) : ''),
      responsive: ['lg'],
    },
    {
      key: 'active',
      title: '',
      render: (_, s) =>
        canWrite ? (
          <Button size="small" onClick={() => toggle.mutate(s)} loading={toggle.isPending}>
            {s.active ? t('isolationSites.staff.leave') : t('isolationSites.detail.restore')}
          </Button>
        ) : s.active ? null : (
          <Tag>{t('isolationSites.staff.leave')}</Tag>
        ),
    },
  ];
  return (
    <Flex vertical gap={8}>
      {site.hasPointLeader ? null : (
        <Alert
          type="warning"
          showIcon
          message={t('isolationSites.staff.noPointLeader')}
          data-testid="no-point-leader"
        />
      )}
      {canWrite ? (
        <div>
          <Button onClick={() => setAdding(true)} data-testid="staff-new">
            {t('isolationSites.staff.add')}
          </Button>
        </div>
      ) : null}
      {toggle.error ? <ProblemAlert error={toggle.error} /> : null}
      <Table<Staff>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={site.staff}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('isolationSites.staff.empty') }}
        rowClassName={(s) => (s.active ? '' : 'row-inactive')}
      />
      <Modal
        open={adding}
        title={t('isolationSites.staff.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        okText={t('isolationSites.actions.save')}
        cancelText={t('isolationSites.actions.cancel')}
        destroyOnHidden
        okButtonProps={{ ...testId('staff-save') }}
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ role: site.hasPointLeader ? 'medical' : 'point_leader' }}
          onFinish={(values) => add.mutate(values)}
        >
          <Form.Item name="role" label={t('isolationSites.staff.roleLabel')} rules={[{ required: true }]}>
            <Select
              options={STAFF_ROLES.map((r) => ({ value: r, label: t(`isolationSites.staff.role.${r}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('isolationSites.staff.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={50} data-testid="staff-name" />
          </Form.Item>
          <Form.Item name="unit" label={t('isolationSites.staff.unit')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="phone" label={t('isolationSites.staff.phone')}>
            <Input maxLength={20} inputMode="tel" data-testid="staff-phone" />
          </Form.Item>
          <Form.Item name="fromDate" label={t('isolationSites.staff.fromDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {add.error ? <ProblemAlert error={add.error} hideFields={['name', 'phone']} /> : null}
        </Form>
      </Modal>
    </Flex>
  );
}
