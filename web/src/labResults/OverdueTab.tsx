import { useQuery } from '@tanstack/react-query';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { getOverdueIn, labKeys } from './api';
import { OverdueTable } from './OverdueTable';

/**
 * The overdue tubes sampled in a jurisdiction (the caller's whole scope when none is chosen),
 * received or sealed, whichever lab has them (TST-2): what the dashboard's overdue-tube figure counts.
 */
export function OverdueTab({ jurisdiction }: { jurisdiction: string | undefined }) {
  const { t } = useTranslation();
  const overdue = useQuery({
    queryKey: labKeys.overdueIn(jurisdiction),
    queryFn: () => getOverdueIn(jurisdiction),
    refetchInterval: 60_000,
  });
  if (overdue.error) return <ProblemAlert error={overdue.error} />;
  const items = overdue.data?.items ?? [];
  const total = overdue.data?.total ?? 0;
  return (
    <Flex vertical gap={12}>
      {overdue.data ? (
        <Typography.Text type={total > 0 ? 'danger' : 'secondary'} data-testid="overdue-total">
          {total > items.length
            ? t('dashboard.filters.overdueShown', { count: total, shown: items.length })
            : t('dashboard.filters.overdueTotal', { count: total })}
        </Typography.Text>
      ) : null}
      <OverdueTable
        items={items}
        loading={overdue.isLoading}
        title={t('labResults.board.overdueList')}
        showPlace
      />
    </Flex>
  );
}
