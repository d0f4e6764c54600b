import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Flex,
  Input,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDueAt } from '../common/formatDueAt';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { TracingTabs } from '../tracing/TracingTabs';
import { AddContactModal } from './AddContactModal';
import { type ContactFilter, type ContactRow, contactKeys, fetchContacts } from './api';
import { ClassTag, DeadlineCell, StatusTag } from './tags';

type Filter = 'all' | 'open' | 'close' | 'secondary_close' | 'general';
const FILTERS: readonly Filter[] = ['all', 'open', 'close', 'secondary_close', 'general'];
const PAGE_SIZE = 20;

function filterOf(filter: Filter, caseId: string): ContactFilter {
  const base = caseId ? { caseId } : {};
  if (filter === 'open') return { ...base, open: true };
  if (filter === 'all') return base;
  return { ...base, class: filter };
}

/** EPI-4: contacts of cases, the 12-hour transfers and hand-overs first. */
export default function ContactsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const mayWrite = usePermission('contact.write');
  const caseId = params.get('caseId') ?? '';
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const query = useQuery({
    queryKey: contactKeys.list(filterOf(filter, caseId), page),
    queryFn: () => fetchContacts(filterOf(filter, caseId), page, PAGE_SIZE),
  });
  const columns: TableColumnsType<ContactRow> = [
    {
      title: t('contacts.columns.person'),
      key: 'person',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Link to={`/contacts/${row.id}`}>{row.personName ?? t('contacts.notVisible')}</Link>
          {row.personIdMasked ? (
            <Typography.Text type="secondary">{row.personIdMasked}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('contacts.columns.deadline'),
      key: 'deadline',
      render: (_, row) => <DeadlineCell deadline={row.nextDeadline} />,
    },
    { title: t('contacts.columns.class'), key: 'class', render: (_, row) => <ClassTag value={row.class} /> },
    {
      title: t('contacts.columns.status'),
      key: 'status',
      render: (_, row) => (
        <Space size={4} wrap>
          <StatusTag value={row.status} />
          {row.handoverState === 'pending' ? (
            <Tag color="orange">
              {row.mine ? t('contacts.handover.pendingMine') : t('contacts.handover.pending')}
            </Tag>
          ) : null}
          {row.addressUnverified ? <Tag color="gold">{t('contacts.addressUnverified')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('contacts.columns.jurisdiction'),
      key: 'jurisdiction',
      render: (_, row) => row.jurisdictionName ?? row.jurisdictionCode,
    },
    {
      title: t('contacts.columns.exposure'),
      key: 'exposure',
      render: (_, row) =>
        `${t(`contacts.exposureKinds.${row.exposureKind}`)} · ${formatDueAt(row.exposureAt, language).replace(' 24:00', '')}`,
    },
  ];
  return (
    <>
      <TracingTabs />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} className="page-title">
          {t('contacts.title')}
        </Typography.Title>
        {mayWrite ? (
          <Button type="primary" data-testid="contact-add" onClick={() => setAdding(true)}>
            {t('contacts.add')}
          </Button>
        ) : null}
      </Flex>
      <Alert type="info" showIcon message={t('contacts.intro')} style={{ marginBottom: 16 }} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          options={FILTERS.map((value) => ({ value, label: t(`contacts.filters.${value}`) }))}
        />
        <Input.Search
          allowClear
          style={{ maxWidth: 360 }}
          placeholder={t('contacts.caseFilter')}
          defaultValue={caseId}
          data-testid="contact-case-filter"
          onSearch={(value) => {
            setParams(value ? { caseId: value.trim() } : {});
            setPage(1);
          }}
        />
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<ContactRow>
        data-testid="contacts-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isLoading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('contacts.empty') }}
        onRow={() => rowTestId('contact-row')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showTotal: (total) => t('contacts.total', { total }),
          onChange: setPage,
        }}
      />
      {adding ? (
        <AddContactModal
          caseId={caseId}
          onClose={(id) => {
            setAdding(false);
            if (id) navigate(`/contacts/${id}`);
          }}
        />
      ) : null}
    </>
  );
}
