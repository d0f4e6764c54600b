import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { DrillFilters } from '../dashboard/DrillFilters';
import { useJurisdictionName } from '../jurisdictions/JurisdictionName';
import { deadlineKeys, fetchDeadlineSummary, fetchDeadlines } from './api';
import { DeadlineFilters } from './DeadlineFilters';
import { DeadlineSummaryCards } from './DeadlineSummaryCards';
import { DeadlineTable } from './DeadlineTable';
import { useDeadlineFilters } from './useDeadlineFilters';

/** States change with the clock, not only with writes: lists refresh every minute. */
const REFRESH_MS = 60_000;

/** 待办与时限: every time-bound obligation in the user's jurisdiction, what is late, and what climbed up. */
export default function DeadlinesPage() {
  const { t } = useTranslation();
  const { filter, page, pageSize, setFilter, setPage } = useDeadlineFilters();
  const escalatedToName = useJurisdictionName(filter.escalatedTo);
  const { escalatedTo, ownLevel, ...withoutDrill } = filter;
  const ownLevelName = useJurisdictionName(ownLevel ? filter.jurisdiction : undefined);
  const summary = useQuery({
    queryKey: deadlineKeys.summary(filter.jurisdiction),
    queryFn: () => fetchDeadlineSummary(filter.jurisdiction),
    refetchInterval: REFRESH_MS,
  });
  const list = useQuery({
    queryKey: deadlineKeys.list(filter, page, pageSize),
    queryFn: () => fetchDeadlines(filter, page, pageSize),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('deadlines.nav')}
      </Typography.Title>
      {summary.error ? <ProblemAlert error={summary.error} /> : null}
      <DeadlineSummaryCards
        summary={summary.data}
        loading={summary.isFetching}
        filter={filter}
        onFilter={setFilter}
      />
      <Card style={{ marginBottom: 16 }}>
        <DeadlineFilters
          value={filter}
          // The form has no field for a dashboard's escalatedTo: a search keeps it, a reset drops it.
          onChange={(next) =>
            setFilter(Object.keys(next).length > 0 ? { ...next, escalatedTo, ownLevel } : next)
          }
        />
      </Card>
      <DrillFilters
        filters={[
          ...(escalatedTo
            ? [
                {
                  key: 'escalatedTo',
                  label: t('dashboard.filters.escalatedTo', { name: escalatedToName }),
                  onClear: () => setFilter({ ...withoutDrill, ownLevel }),
                },
              ]
            : []),
          ...(ownLevel
            ? [
                {
                  key: 'ownLevel',
                  label: t('dashboard.filters.ownLevel', { name: ownLevelName }),
                  onClear: () => setFilter({ ...withoutDrill, escalatedTo }),
                },
              ]
            : []),
        ]}
        onClearAll={() => setFilter(withoutDrill)}
      />
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <DeadlineTable
        data={list.data}
        loading={list.isFetching}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
      />
    </>
  );
}
