import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { epiTeamKeys, getReserve, type Reserve } from './api';

type Village = Reserve['villages'][number];
type Town = Reserve['towns'][number];
const STATUS_COLOR = { short: 'red', ready: 'green', over: 'orange' } as const;
const STATUSES = ['short', 'ready', 'over'] as const;

/**
 * EPI-6: the reserve of epi assistants per village/community against 3–5 — short ones highlighted and
 * listed first — and per town the villages short and over. `status` filters the villages (the
 * dashboard tile's figures open it so).
 */
export function ReservePanel({
  jurisdiction,
  status,
  onStatus,
}: {
  jurisdiction: string | undefined;
  status: string | undefined;
  onStatus: (status: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: epiTeamKeys.reserve(jurisdiction),
    queryFn: () => getReserve(jurisdiction),
  });
  const data = query.data;
  const filter = STATUSES.find((s) => s === status);
  const villages = (data?.villages ?? []).filter((v) => !filter || v.status === filter);
  return (
    <>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Typography.Paragraph type="secondary">{t('epiTeams.reserve.rule')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(['villages', 'short', 'ready', 'over'] as const).map((key) => (
          <Col key={key} xs={12} sm={6}>
            <Card size="small">
              <Statistic
                title={t(`epiTeams.reserve.${key}`)}
                value={data?.summary[key] ?? 0}
                styles={
                  key === 'short' && (data?.summary.short ?? 0) > 0
                    ? { content: { color: '#cf1322' } }
                    : undefined
                }
                data-testid={`reserve-count-${key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('epiTeams.reserve.byTown')} size="small" style={{ marginBottom: 12 }}>
        <Table<Town>
          size="small"
          rowKey={(town) => town.townCode ?? ''}
          loading={query.isLoading}
          dataSource={data?.towns ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={() => rowTestId('reserve-town')}
          columns={[
            {
              key: 'town',
              title: t('epiTeams.reserve.town'),
              render: (_, town) => town.townName ?? town.townCode,
            },
            { key: 'villages', title: t('epiTeams.reserve.villages'), dataIndex: 'villages', align: 'right' },
            {
              key: 'assistants',
              title: t('epiTeams.reserve.count'),
              dataIndex: 'assistants',
              align: 'right',
            },
            {
              key: 'short',
              title: t('epiTeams.reserve.short'),
              align: 'right',
              render: (_, town) => (town.short > 0 ? <Tag color="red">{town.short}</Tag> : 0),
            },
            { key: 'over', title: t('epiTeams.reserve.over'), dataIndex: 'over', align: 'right' },
          ]}
        />
      </Card>
      <Card title={t('epiTeams.reserve.byVillage')} size="small">
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            value={filter ?? 'all'}
            onChange={(value) => onStatus(value === 'all' ? undefined : String(value))}
            options={[
              { value: 'all', label: t('epiTeams.reserve.all') },
              ...STATUSES.map((value) => ({ value, label: t(`epiTeams.reserve.${value}`) })),
            ]}
            data-testid="reserve-filter"
          />
        </div>
        <Table<Village>
          size="small"
          rowKey="code"
          loading={query.isLoading}
          dataSource={villages}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          rowClassName={(village) => (village.status === 'short' ? 'row-warning' : '')}
          onRow={(village) => ({
            ...rowTestId('reserve-village'),
            style: village.status === 'short' ? { background: '#fff1f0' } : undefined,
          })}
          columns={[
            { key: 'village', title: t('epiTeams.village'), dataIndex: 'name' },
            { key: 'town', title: t('epiTeams.reserve.town'), render: (_, v) => v.townName ?? '' },
            { key: 'count', title: t('epiTeams.reserve.count'), dataIndex: 'count', align: 'right' },
            {
              key: 'missing',
              title: t('epiTeams.reserve.missing'),
              align: 'right',
              render: (_, v) => v.missing || '',
            },
            {
              key: 'status',
              title: t('epiTeams.reserve.status'),
              render: (_, v) => <Tag color={STATUS_COLOR[v.status]}>{t(`epiTeams.reserve.${v.status}`)}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
