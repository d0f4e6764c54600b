import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Select, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import {
  BOARD_KINDS,
  type BoardKind,
  CASE_CLASSES,
  CASE_STATUSES,
  type CaseFilter,
  type CaseView,
  caseKeys,
  fetchCases,
} from './api';
import { CaseBoard } from './CaseBoard';
import { ClassTag, LateTag, StatusTag } from './CaseTags';

const isBoardKind = (value: string | null): value is BoardKind =>
  value !== null && (BOARD_KINDS as readonly string[]).includes(value);

/** Cases (CAS-1) with filters, and CAS-2's board of late, concealed and unreviewed reports. */
export default function CasesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const canReport = usePermission('case.report');
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const tab = params.get('tab') === 'board' ? 'board' : 'list';
  const value = (key: string) => params.get(key) ?? undefined;
  const filter: CaseFilter = {
    jurisdiction: value('jurisdiction'),
    classification: value('classification'),
    status: value('status'),
    open: value('open'),
    from: value('from'),
    to: value('to'),
  };
  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, v] of Object.entries(changes))
      if (v) next.set(key, v);
      else next.delete(key);
    setParams(next, { replace: true });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const query = useQuery({
    queryKey: caseKeys.list(filter, page.page, page.pageSize),
    queryFn: () => fetchCases(filter, page.page, page.pageSize),
    placeholderData: keepPreviousData,
    enabled: tab === 'list',
  });
  const columns: TableColumnsType<CaseView> = [
    {
      key: 'person',
      title: t('cases.fields.person'),
      render: (_, c) => <Link to={`/cases/${c.id}`}>{c.personName}</Link>,
    },
    { key: 'class', title: t('cases.fields.classification'), render: (_, c) => <ClassTag value={c} /> },
    { key: 'status', title: t('cases.fields.status'), render: (_, c) => <StatusTag value={c} /> },
    {
      key: 'reported',
      title: t('cases.fields.reportedAt'),
      render: (_, c) => formatDateTime(c.reportedAt, language),
      responsive: ['sm'],
    },
    {
      key: 'late',
      title: t('cases.fields.foundAt'),
      render: (_, c) => <LateTag minutes={c.reportLateMinutes} />,
      responsive: ['md'],
    },
    {
      key: 'jurisdiction',
      title: t('cases.fields.jurisdiction'),
      dataIndex: 'jurisdictionName',
      responsive: ['md'],
    },
    {
      key: 'institution',
      title: t('cases.fields.reportingInstitution'),
      dataIndex: 'reportingInstitution',
      responsive: ['lg'],
    },
  ];
  const list = (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          <Select<string>
            value={filter.classification ?? ''}
            style={{ minWidth: 140 }}
            options={[
              { value: '', label: t('cases.all') },
              ...CASE_CLASSES.map((c) => ({ value: c, label: t(`cases.class.${c}`) })),
            ]}
            onChange={(v) => setParam({ classification: v || undefined })}
            data-testid="case-filter-class"
          />
          <Select<string>
            value={filter.status ?? ''}
            style={{ minWidth: 120 }}
            options={[
              { value: '', label: t('cases.all') },
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) })),
            ]}
            onChange={(v) => setParam({ status: v || undefined, open: undefined })}
            data-testid="case-filter-status"
          />
          <DatePicker.RangePicker
            value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
            placeholder={[t('cases.fields.dates'), t('cases.fields.dates')]}
            onChange={(range) =>
              setParam({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
        </Flex>
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<CaseView>
        data-testid="case-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(c) => ({ ...rowTestId('case-row'), onClick: () => navigate(`/cases/${c.id}`) })}
        locale={{ emptyText: t('cases.empty') }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (count) => t('cases.total', { count }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
    </>
  );
  const kind = params.get('kind');
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('cases.title')}
        </Typography.Title>
        {canReport ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/cases/new')}
            data-testid="case-new"
          >
            {t('cases.new')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('cases.hint')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam({ tab: key === 'board' ? 'board' : undefined })}
        items={[
          { key: 'list', label: t('cases.tabs.list'), children: list },
          {
            key: 'board',
            label: t('cases.tabs.board'),
            children: (
              <CaseBoard
                jurisdiction={filter.jurisdiction}
                kind={isBoardKind(kind) ? kind : undefined}
                onKind={(k) => setParam({ kind: k })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
