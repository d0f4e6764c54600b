import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilteredListPage } from '../common/FilteredListPage';
import { fieldMessage } from '../common/fieldMessage';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { decideHandover, fetchHandovers, type Handover, type HandoverFilter, handoverKeys } from './api';

const PAGE_SIZE = 20;
type Decision = 'accept' | 'decline';

/**
 * Requests to hand a person of the caller's jurisdiction over to another one that registered the
 * same ID number; only the holder sees them, and decides each with a note (audited).
 */
export default function HandoversPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [state, setState] = useState<HandoverFilter>('pending');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ handover: Handover; decision: Decision } | null>(null);
  const query = useQuery({
    queryKey: handoverKeys.list(state, page),
    queryFn: () => fetchHandovers(state, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Handover> = [
    {
      key: 'requestedAt',
      title: t('handovers.columns.requestedAt'),
      render: (_, h) => formatDateTime(h.requestedAt, language),
    },
    {
      key: 'person',
      title: t('handovers.columns.person'),
      render: (_, h) =>
        h.personName ? (
          <Link to={`/persons/${h.personId}`}>{`${h.personName} ${h.idNumberMasked ?? ''}`}</Link>
        ) : (
          t('handovers.movedAway')
        ),
    },
    {
      key: 'requested',
      title: t('handovers.columns.requested'),
      render: (_, h) => (h.requestedName ? `${h.requestedName}（${h.requestedCode}）` : h.requestedCode),
    },
    { key: 'requestedBy', title: t('handovers.columns.requestedBy'), dataIndex: 'requestedByName' },
    {
      key: 'state',
      title: t('handovers.columns.state'),
      render: (_, h) =>
        h.state === 'pending' ? (
          <Space>
            <Button
              size="small"
              type="primary"
              onClick={() => setDeciding({ handover: h, decision: 'accept' })}
              {...testId('handover-accept')}
            >
              {t('handovers.accept')}
            </Button>
            <Button
              size="small"
              onClick={() => setDeciding({ handover: h, decision: 'decline' })}
              {...testId('handover-decline')}
            >
              {t('handovers.decline')}
            </Button>
          </Space>
        ) : (
          `${t(`handovers.states.${h.state}`)} ${t('handovers.decided', {
            by: h.decidedByName ?? '',
            at: h.decidedAt ? formatDateTime(h.decidedAt, language) : '',
            note: h.note ?? '',
          })}`
        ),
    },
  ];
  return (
    <FilteredListPage<Handover, HandoverFilter>
      title={t('handovers.title')}
      intro={t('handovers.intro')}
      filter={state}
      filters={[
        { value: 'pending', label: t('handovers.pending') },
        { value: 'all', label: t('handovers.all') },
      ]}
      onFilter={(value) => {
        setState(value);
        setPage(1);
      }}
      testId="handovers"
      columns={columns}
      rows={query.data?.items}
      total={query.data?.total}
      loading={query.isFetching}
      error={query.error}
      empty={t('handovers.empty')}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={setPage}
      showTotal={(total) => t('handovers.total', { count: total })}
    >
      {deciding ? <DecisionModal {...deciding} onClose={() => setDeciding(null)} /> : null}
    </FilteredListPage>
  );
}

function DecisionModal({
  handover,
  decision,
  onClose,
}: {
  handover: Handover;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const label = t('handovers.note');
  const mutation = useMutation({
    mutationFn: (note: string) => decideHandover(handover.id, decision, note.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['handovers'] });
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={decision === 'accept' ? t('handovers.acceptTitle') : t('handovers.declineTitle')}
      okText={t('handovers.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ ...testId('handover-confirm') }}
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
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('handovers.notePlaceholder')} />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
    </Modal>
  );
}
