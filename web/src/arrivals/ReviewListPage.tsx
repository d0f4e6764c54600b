import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilteredListPage } from '../common/FilteredListPage';
import { formatDateTime } from '../common/formatDateTime';
import { formatDueAt } from '../common/formatDueAt';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { ReclassifyButton } from './ReclassifyButton';
import { ReviewFacts } from './ReviewFacts';
import { fetchReviews, REVIEW_REASONS, type ReviewFilter, type ReviewItem, reviewKeys } from './reviewApi';
import { reviewReasonText } from './reviewText';
import { SettleReviewButton } from './SettleReviewButton';

const PAGE_SIZE = 20;

/**
 * 待疾控核定 (issue 12, no silent arrivals): the arrivals nothing planned, with why (a coarse
 * origin, no protocol, no policy in force on the arrival date), the facts that matched nothing and
 * the CDC's deadline; the CDC reclassifies the origin (the pack plans again) or records a decision.
 */
export default function ReviewListPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const canWrite = usePermission('arrival.write');
  const client = useQueryClient();
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: reviewKeys.list(filter, page, PAGE_SIZE),
    queryFn: () => fetchReviews(filter, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['arrivals'] });
  const columns: TableColumnsType<ReviewItem> = [
    {
      key: 'person',
      title: t('arrivals.review.columns.person'),
      render: (_, item) => (
        <>
          <Link to={`/arrivals/${item.id}`}>{item.personName}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {item.idNumberMasked}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'jurisdiction',
      title: t('arrivals.review.columns.jurisdiction'),
      responsive: ['md'],
      render: (_, item) => item.jurisdictionName ?? item.jurisdictionCode,
    },
    {
      key: 'arrivedAt',
      title: t('arrivals.review.columns.arrivedAt'),
      render: (_, item) => formatDateTime(item.arrivedAt, language),
    },
    {
      key: 'reason',
      title: t('arrivals.review.columns.reason'),
      render: (_, item) => (
        <div style={{ maxWidth: 320 }} data-testid="review-reason" data-reason={item.reason}>
          <Tag color={item.reason === 'no_protocol' ? 'warning' : 'error'}>
            {t(`arrivals.review.reasons.${item.reason}`)}
          </Tag>
          <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'normal' }}>
            {reviewReasonText(t, language, item)}
          </Typography.Paragraph>
        </div>
      ),
    },
    {
      key: 'facts',
      title: t('arrivals.review.columns.facts'),
      render: (_, item) => <ReviewFacts facts={item.facts} />,
    },
    {
      key: 'deadline',
      title: t('arrivals.review.columns.deadline'),
      render: (_, item) =>
        item.deadline ? (
          <Space size={4} wrap data-testid="review-deadline" data-overdue={item.deadline.overdue}>
            <span>
              {t('arrivals.review.deadline.due', { due: formatDueAt(item.deadline.dueAt, language) })}
            </span>
            {item.deadline.overdue ? <Tag color="red">{t('arrivals.review.deadline.overdue')}</Tag> : null}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('arrivals.review.deadline.none')}</Typography.Text>
        ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('arrivals.review.columns.actions'),
            render: (_: unknown, item: ReviewItem) => (
              <Space wrap>
                <ReclassifyButton arrival={{ id: item.id, origin: item.facts.origin }} onDone={refresh} />
                <SettleReviewButton arrivalId={item.id} onDone={refresh} />
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <FilteredListPage<ReviewItem, ReviewFilter>
      title={t('arrivals.review.title')}
      intro={t('arrivals.review.intro')}
      filter={filter}
      filters={[
        { value: 'all', label: t('arrivals.review.all') },
        ...REVIEW_REASONS.map((reason) => ({ value: reason, label: t(`arrivals.review.reasons.${reason}`) })),
      ]}
      onFilter={(value) => {
        setFilter(value);
        setPage(1);
      }}
      testId="review-table"
      columns={columns}
      rows={query.data?.items}
      total={query.data?.total}
      loading={query.isFetching}
      error={query.error}
      empty={t('arrivals.review.empty')}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={setPage}
      showTotal={(total) => t('arrivals.review.total', { count: total })}
    />
  );
}
