import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime, formatHour } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { getSupervision, type SupervisionItem, venueKeys } from './api';

const FLAGS = ['missing', 'few', 'over_capacity'] as const;
const COLORS = { missing: 'red', few: 'orange', over_capacity: 'volcano' } as const;

/**
 * The supervisor's view (HC-2 “加强对‘场所码’使用情况的监督检查”, ZON-4): active venues with no scans in a day,
 * suspiciously few, or over their capacity limit; each figure filters the list.
 */
export function Supervision() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const flag = (FLAGS as readonly string[]).includes(params.get('flag') ?? '')
    ? (params.get('flag') ?? undefined)
    : undefined;
  // A dashboard tile opens the view on its jurisdiction; the figures keep it when they filter.
  const jurisdiction = params.get('jurisdiction') ?? undefined;
  const query = useQuery({
    queryKey: venueKeys.supervision(flag, jurisdiction),
    queryFn: () => getSupervision(flag, jurisdiction),
  });
  const within: Record<string, string> = jurisdiction ? { jurisdiction } : {};
  const data = query.data;
  const columns: TableColumnsType<SupervisionItem> = [
    {
      key: 'name',
      title: t('venues.name'),
      render: (_, v) => (
        <>
          <div>{v.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`venues.kinds.${v.kind}`)} · {v.jurisdictionName ?? v.jurisdictionCode}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'flags',
      title: t('venues.supervision.flags'),
      render: (_, v) =>
        v.flags.map((f) => (
          <Tag key={f} color={COLORS[f]}>
            {t(`venues.supervision.flag.${f}`)}
          </Tag>
        )),
    },
    {
      key: 'last24h',
      title: t('venues.supervision.last24h'),
      render: (_, v) => t('venues.supervision.againstBaseline', { n: v.last24h, baseline: v.baselineMedian }),
    },
    {
      key: 'peak',
      title: t('venues.supervision.peakHour'),
      render: (_, v) =>
        v.peakHourAt
          ? `${v.peakHour}${v.capacityLimit === null ? '' : ` / ${v.capacityLimit}`} (${formatHour(v.peakHourAt, language)})`
          : '—',
    },
    {
      key: 'last',
      title: t('venues.supervision.lastCheckIn'),
      responsive: ['md'],
      render: (_, v) =>
        v.lastCheckInAt ? formatDateTime(v.lastCheckInAt, language) : t('venues.supervision.never'),
    },
  ];
  return (
    <>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card
            hoverable
            onClick={() => setParams({ view: 'supervision', ...within })}
            data-testid="venue-supervision-all"
          >
            <Statistic title={t('venues.supervision.active')} value={data?.activeVenues ?? 0} />
          </Card>
        </Col>
        {FLAGS.map((f) => (
          <Col key={f} xs={12} md={6}>
            <Card
              hoverable
              onClick={() => setParams({ view: 'supervision', ...within, flag: f })}
              style={flag === f ? { borderColor: '#1677ff' } : undefined}
              data-testid={`venue-supervision-${f}`}
            >
              <Statistic title={t(`venues.supervision.flag.${f}`)} value={data?.counts[f] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Table<SupervisionItem>
          data-testid="venue-supervision-list"
          rowKey="venueId"
          size="small"
          loading={query.isLoading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={() => rowTestId('venue-supervision-row')}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
      <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('venues.supervision.basis')} />
    </>
  );
}
