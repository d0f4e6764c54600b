import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import { ArrivalFilters } from './ArrivalFilters';
import { ArrivalTable } from './ArrivalTable';
import { arrivalKeys, fetchArrivals } from './api';
import { PAGE_SIZES, useArrivalFilters } from './useArrivalFilters';

/** Arrivals in the user's jurisdiction, newest first, with the rule and release date of their plan. */
export default function ArrivalsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = usePermission('arrival.write');
  const { filter, page, pageSize, setFilter, setPage } = useArrivalFilters();
  const query = useQuery({
    queryKey: arrivalKeys.list(filter, page, pageSize),
    queryFn: () => fetchArrivals(filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const total = query.data?.total ?? 0;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('arrivals.title')}
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<HistoryOutlined />}
            onClick={() => navigate('/arrivals/lookback')}
            data-testid="arrival-lookback"
          >
            {t('arrivals.lookbackButton')}
          </Button>
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/arrivals/new')}
              data-testid="arrival-new"
            >
              {t('arrivals.register')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <ArrivalFilters value={filter} onChange={setFilter} />
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <ArrivalTable
        items={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={{
          current: page,
          pageSize,
          total,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: () => t('arrivals.total', { count: total }),
          onChange: setPage,
        }}
      />
    </>
  );
}
