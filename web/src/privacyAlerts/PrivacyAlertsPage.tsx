import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilteredListPage } from '../common/FilteredListPage';
import { fieldMessage } from '../common/fieldMessage';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import {
  type AlertState,
  acknowledgeAlert,
  fetchPrivacyAlerts,
  type PrivacyAlert,
  privacyAlertKeys,
} from './api';

const PAGE_SIZE = 20;

/**
 * Administrators' list of users stopped for too many exact searches by ID number or phone, or too
 * many unmaskings; each is checked and acknowledged with a note (audited).
 */
export default function PrivacyAlertsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [state, setState] = useState<AlertState>('open');
  const [page, setPage] = useState(1);
  const [checking, setChecking] = useState<PrivacyAlert | null>(null);
  const query = useQuery({
    queryKey: privacyAlertKeys.list(state, page),
    queryFn: () => fetchPrivacyAlerts(state, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<PrivacyAlert> = [
    {
      key: 'raisedAt',
      title: t('privacyAlerts.columns.raisedAt'),
      render: (_, alert) => formatDateTime(alert.raisedAt, language),
    },
    {
      key: 'kind',
      title: t('privacyAlerts.columns.kind'),
      render: (_, alert) => t(`privacyAlerts.kinds.${alert.kind}`),
    },
    { key: 'user', title: t('privacyAlerts.columns.user'), dataIndex: 'userName' },
    { key: 'jurisdiction', title: t('privacyAlerts.columns.jurisdiction'), dataIndex: 'jurisdictionCode' },
    {
      key: 'hits',
      title: t('privacyAlerts.columns.hits'),
      render: (_, alert) =>
        t('privacyAlerts.hits', { count: alert.hits, minutes: Math.round(alert.windowSeconds / 60) }),
    },
    {
      key: 'state',
      title: t('privacyAlerts.columns.state'),
      render: (_, alert) =>
        alert.acknowledgedAt ? (
          t('privacyAlerts.acknowledged', {
            by: alert.acknowledgedBy ?? '',
            at: formatDateTime(alert.acknowledgedAt, language),
            note: alert.note ?? '',
          })
        ) : (
          <Button size="small" onClick={() => setChecking(alert)} {...testId('privacy-alert-acknowledge')}>
            {t('privacyAlerts.acknowledge')}
          </Button>
        ),
    },
  ];
  return (
    <FilteredListPage<PrivacyAlert, AlertState>
      title={t('privacyAlerts.title')}
      intro={t('privacyAlerts.intro')}
      filter={state}
      filters={[
        { value: 'open', label: t('privacyAlerts.open') },
        { value: 'all', label: t('privacyAlerts.all') },
      ]}
      onFilter={(value) => {
        setState(value);
        setPage(1);
      }}
      testId="privacy-alerts"
      columns={columns}
      rows={query.data?.items}
      total={query.data?.total}
      loading={query.isFetching}
      error={query.error}
      empty={t('privacyAlerts.empty')}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={setPage}
      showTotal={(total) => t('privacyAlerts.total', { count: total })}
    >
      {checking ? <AcknowledgeModal alert={checking} onClose={() => setChecking(null)} /> : null}
    </FilteredListPage>
  );
}

function AcknowledgeModal({ alert, onClose }: { alert: PrivacyAlert; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const label = t('privacyAlerts.note');
  const mutation = useMutation({
    mutationFn: (note: string) => acknowledgeAlert(alert.id, note.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['privacy-alerts'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('privacyAlerts.acknowledgeTitle')}
      okText={t('privacyAlerts.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ ...testId('privacy-alert-confirm') }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ note }) => mutation.mutate(note)}>
        <Form.Item
          name="note"
          label={label}
          rules={[
            { required: true, whitespace: true, message: fieldMessage(t, 'required', label) },
            { min: 2, message: fieldMessage(t, 'too_short', label) },
            { max: 200, message: fieldMessage(t, 'too_long', label) },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={t('privacyAlerts.notePlaceholder')}
          />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
    </Modal>
  );
}
