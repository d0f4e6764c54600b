import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { fetchSchedule, routineKeys } from './api';
import { RoutineFilters } from './RoutineFilters';
import { RoutineTable } from './RoutineTable';
import { SweepButton } from './SweepButton';
import { useRoutineFilters } from './useRoutineFilters';

/** Due states move with the clock, not only with writes. */
const REFRESH_MS = 5 * 60_000;

/** TST-4/TST-5: key-group people's routine testing, and pushing missed tests to departments. */
export default function RoutineTestingPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const canPlan = usePermission('testing.plan');
  const canSeeDeadlines = usePermission('deadline.read');
  const { filter, page, pageSize, setFilter, reset, setPage } = useRoutineFilters();
  const list = useQuery({
    queryKey: routineKeys.schedule(filter, page, pageSize),
    queryFn: () => fetchSchedule(filter, page, pageSize),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} className="page-title">
          {t('routineTesting.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('routineTesting.intro')}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="routine-deadlines-note">
          {t('routineTesting.deadlinesNote')}{' '}
          {canSeeDeadlines ? (
            <Link to="/deadlines?ruleId=TST-5">{t('routineTesting.deadlinesLink')}</Link>
          ) : (
            t('routineTesting.deadlinesLink')
          )}
          {list.data ? (
            <Typography.Text type="secondary">
              {' '}
              · {t('routineTesting.today', { date: formatDay(list.data.today, language) })}
            </Typography.Text>
          ) : null}
        </Typography.Paragraph>
      </div>
      {canPlan ? <SweepButton jurisdiction={filter.jurisdiction} /> : null}
      <Card size="small">
        <RoutineFilters value={filter} onChange={setFilter} onReset={reset} />
      </Card>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <RoutineTable
        data={list.data}
        loading={list.isFetching}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
      />
    </Space>
  );
}
