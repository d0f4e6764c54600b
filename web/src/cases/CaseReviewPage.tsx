import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { type CaseView, caseKeys, fetchCases } from './api';
import { ClassTag, LateTag } from './CaseTags';

/** The CDC's queue (CAS-2): cases awaiting review, the earliest due first, with how late each is. */
export default function CaseReviewPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const filter = { awaitingReview: 'true', jurisdiction: params.get('jurisdiction') ?? undefined };
  const query = useQuery({
    queryKey: caseKeys.list(filter, page.page, page.pageSize),
    queryFn: () => fetchCases(filter, page.page, page.pageSize),
    placeholderData: keepPreviousData,
  });
  const now = Date.now();
  const lateMinutes = (c: CaseView) =>
    c.reviewDueAt ? Math.max(0, Math.floor((now - new Date(c.reviewDueAt).getTime()) / 60_000)) : 0;
  const columns: TableColumnsType<CaseView> = [
    {
      key: 'due',
      title: t('cases.fields.reviewDueAt'),
      render: (_, c) => (c.reviewDueAt ? formatDateTime(c.reviewDueAt, language) : '—'),
    },
    { key: 'late', title: t('cases.board.lateBy'), render: (_, c) => <LateTag minutes={lateMinutes(c)} /> },
    { key: 'person', title: t('cases.fields.person'), dataIndex: 'personName' },
    { key: 'class', title: t('cases.fields.classification'), render: (_, c) => <ClassTag value={c} /> },
    {
      key: 'institution',
      title: t('cases.fields.reportingInstitution'),
      dataIndex: 'reportingInstitution',
      responsive: ['md'],
    },
    {
      key: 'reported',
      title: t('cases.fields.reportedAt'),
      render: (_, c) => formatDateTime(c.reportedAt, language),
      responsive: ['sm'],
    },
    {
      key: 'open',
      title: '',
      render: (_, c) => (
        <Button size="small" type="primary" onClick={() => navigate(`/cases/${c.id}`)}>
          {t('cases.review.open')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('cases.review.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cases.review.hint')}</Typography.Paragraph>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<CaseView>
        data-testid="case-review-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={() => rowTestId('case-review-row')}
        locale={{ emptyText: t('cases.review.empty') }}
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
}
