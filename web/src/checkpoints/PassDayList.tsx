import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import {
  checkpointKeys,
  HEALTH_CODES,
  type HealthCode,
  listPasses,
  type Pass,
  type PassOutcome,
} from './api';
import { OutcomeTags } from './outcomeTags';

const FILTERS: Array<PassOutcome | 'all'> = ['all', 'medical', 'hold', 'register_and_hand_over', 'pass'];
const CODE_TAG: Record<HealthCode, string> = { green: 'green', yellow: 'gold', red: 'red' };
type Direction = 'in' | 'out' | 'unrecorded';

/** HC-3: the proofs a traveller showed: the NAT proof against the window, and the itinerary card. */
function ProofTags({ pass }: { pass: Pass }) {
  const { t } = useTranslation();
  const nat = { valid: 'green', expired: 'orange', missing: 'red' } as const;
  const itinerary = pass.itineraryShown === null ? 'unrecorded' : pass.itineraryShown ? 'shown' : 'notShown';
  return (
    <Space wrap size={4} data-testid="pass-proofs">
      <Tag color={nat[pass.natProof]}>{t(`checkpoints.today.natProof.${pass.natProof}`)}</Tag>
      <Tag color={itinerary === 'notShown' ? 'red' : itinerary === 'shown' ? 'green' : undefined}>
        {t(`checkpoints.today.itinerary.${itinerary}`)}
      </Tag>
      {pass.itineraryPlaces.length > 0 ? <span>{pass.itineraryPlaces.join('、')}</span> : null}
    </Space>
  );
}

/**
 * The checkpoint log (HC-3): today's passes at one checkpoint with the counts staff report (fever,
 * held, handed over, in/out, proofs missing), filtered by outcome, direction, code colour and a
 * missing proof. Passes registered as arrivals today show here with their hand-over.
 */
export function PassDayList({ checkpointId }: { checkpointId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [filter, setFilter] = useState<PassOutcome | 'all'>('all');
  const [direction, setDirection] = useState<Direction | undefined>();
  const [healthCode, setHealthCode] = useState<HealthCode | undefined>();
  const [missingProof, setMissingProof] = useState(false);
  const filters = {
    outcome: filter === 'all' ? undefined : filter,
    direction,
    healthCode,
    missingProof: missingProof ? true : undefined,
  };
  const query = useQuery({
    queryKey: checkpointKeys.passes(checkpointId, filters),
    queryFn: () => listPasses(checkpointId, filters),
    refetchInterval: 60_000,
  });
  const counts = query.data?.counts;
  const stats = [
    { key: 'total', value: counts?.total },
    { key: 'fever', value: counts?.fever },
    { key: 'held', value: counts?.held },
    { key: 'handedOver', value: counts?.handedOver },
    { key: 'directionIn', value: counts?.directionIn },
    { key: 'directionOut', value: counts?.directionOut },
    { key: 'missingProof', value: counts?.missingProof },
  ] as const;
  const columns: TableColumnsType<Pass> = [
    {
      key: 'time',
      title: t('checkpoints.today.time'),
      width: 170,
      render: (_, pass) => formatDateTime(pass.passedAt, language),
    },
    {
      key: 'direction',
      title: t('checkpoints.today.direction'),
      render: (_, pass) =>
        pass.direction ? (
          <Tag color={pass.direction === 'in' ? 'blue' : 'purple'}>
            {t(`checkpoints.pass.directions.${pass.direction}`)}
          </Tag>
        ) : (
          <Tag>{t('checkpoints.pass.directions.unrecorded')}</Tag>
        ),
    },
    {
      key: 'person',
      title: t('checkpoints.today.person'),
      render: (_, pass) => `${pass.personName} ${pass.idNumberMasked}`,
    },
    {
      key: 'code',
      title: t('checkpoints.today.code'),
      render: (_, pass) => (
        <Tag color={CODE_TAG[pass.healthCode]}>{t(`checkpoints.pass.codes.${pass.healthCode}`)}</Tag>
      ),
    },
    {
      key: 'proofs',
      title: t('checkpoints.today.proofs'),
      render: (_, pass) => <ProofTags pass={pass} />,
    },
    {
      key: 'origin',
      title: t('checkpoints.today.origin'),
      render: (_, pass) => pass.originName ?? pass.originDivisionCode ?? t('checkpoints.pass.overseas'),
    },
    {
      key: 'outcome',
      title: t('checkpoints.today.outcome'),
      render: (_, pass) => <OutcomeTags pass={pass} />,
    },
  ];
  return (
    <Card title={`${t('checkpoints.today.title')} ${query.data?.date ?? ''}`} data-testid="pass-day">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={8} sm={6} md={3}>
            <Statistic
              title={t(`checkpoints.today.${stat.key}`)}
              value={stat.value ?? 0}
              data-testid={`pass-count-${stat.key}`}
            />
          </Col>
        ))}
      </Row>
      {/* The filter scrolls sideways on a phone instead of widening the page. */}
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={filter}
          onChange={(value) => setFilter(value as PassOutcome | 'all')}
          options={FILTERS.map((value) => ({
            value,
            label: value === 'all' ? t('checkpoints.today.all') : t(`checkpoints.outcome.${value}`),
          }))}
          data-testid="pass-filter"
        />
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Direction>
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t('checkpoints.today.allDirections')}
          value={direction}
          onChange={setDirection}
          options={(['in', 'out', 'unrecorded'] as const).map((value) => ({
            value,
            label: t(`checkpoints.pass.directions.${value}`),
          }))}
          data-testid="pass-filter-direction"
        />
        <Select<HealthCode>
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t('checkpoints.today.allCodes')}
          value={healthCode}
          onChange={setHealthCode}
          options={HEALTH_CODES.map((value) => ({ value, label: t(`checkpoints.pass.codes.${value}`) }))}
          data-testid="pass-filter-code"
        />
        <Space size={4}>
          <Switch checked={missingProof} onChange={setMissingProof} data-testid="pass-filter-missing-proof" />
          {t('checkpoints.today.missingProof')}
        </Space>
      </Space>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<Pass>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        columns={columns}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        onRow={() => rowTestId('pass-row')}
      />
    </Card>
  );
}
