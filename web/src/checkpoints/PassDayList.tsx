import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Segmented, Statistic, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { checkpointKeys, listPasses, type Pass, type PassOutcome } from './api';
import { OutcomeTags } from './outcomeTags';

const FILTERS: Array<PassOutcome | 'all'> = ['all', 'medical', 'hold', 'register_and_hand_over', 'pass'];

/** Today's passes at one checkpoint with the counts staff report (fever, held, handed over). */
export function PassDayList({ checkpointId }: { checkpointId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [filter, setFilter] = useState<PassOutcome | 'all'>('all');
  const outcome = filter === 'all' ? undefined : filter;
  const query = useQuery({
    queryKey: checkpointKeys.passes(checkpointId, outcome),
    queryFn: () => listPasses(checkpointId, outcome),
    refetchInterval: 60_000,
  });
  const counts = query.data?.counts;
  const stats = [
    { key: 'total', value: counts?.total },
    { key: 'fever', value: counts?.fever },
    { key: 'held', value: counts?.held },
    { key: 'handedOver', value: counts?.handedOver },
  ] as const;
  const columns: TableColumnsType<Pass> = [
    {
      key: 'time',
      title: t('checkpoints.today.time'),
      width: 170,
      render: (_, pass) => formatDateTime(pass.passedAt, language),
    },
    {
      key: 'person',
      title: t('checkpoints.today.person'),
      render: (_, pass) => `${pass.personName} ${pass.idNumberMasked}`,
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
          <Col key={stat.key} xs={12} sm={6}>
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
