import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { ArrivalFacts } from './ArrivalFacts';
import { arrivalKeys, fetchArrival } from './api';
import { PlanCard } from './PlanCard';
import { ReclassifyButton } from './ReclassifyButton';
import { SupersededPlans } from './SupersededPlans';

/** One arrival: the person masked, the facts, the plan as a timeline with its work, and older plans. */
export default function ArrivalDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: arrivalKeys.detail(id), queryFn: () => fetchArrival(id) });
  const arrival = query.data;
  return (
    <>
      <Flex style={{ marginBottom: 12 }}>
        <Link to="/arrivals" data-testid="back-to-arrivals">
          {t('arrivals.backToList')}
        </Link>
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {arrival ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="arrival-detail">
          <Card
            title={
              <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
                {arrival.personName}
              </Typography.Title>
            }
            extra={<ReclassifyButton arrival={arrival} />}
          >
            <ArrivalFacts arrival={arrival} />
          </Card>
          <PlanCard arrival={arrival} />
          <SupersededPlans plans={arrival.plans} events={arrival.events} />
        </Space>
      ) : query.isPending ? (
        <Skeleton active />
      ) : null}
    </>
  );
}
