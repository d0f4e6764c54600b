import {
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rowTestId } from '../common/testId';
import type { Occupancy, OccupancySite } from './api';

const STATES = [
  ['occupied', '#cf1322'],
  ['ready', '#389e0d'],
  ['cleaning', '#d48806'],
  ['outOfService', '#bfbfbf'],
] as const;
const STATUS_COLOR = { in_use: 'green', standby: 'blue', not_ready: 'orange' } as const;

/** A site's rooms by state as one stacked bar, with the counts in its tooltip and legend. */
function RoomsBar({ rooms }: { rooms: OccupancySite['rooms'] }) {
  const { t } = useTranslation();
  const label = STATES.map(([state]) => `${t(`isolationDemand.rooms.${state}`)} ${rooms[state]}`).join('，');
  return (
    <Tooltip title={label}>
      <Flex vertical gap={4} style={{ minWidth: 140 }}>
        <div
          style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', background: '#f0f0f0' }}
          role="img"
          aria-label={label}
        >
          {rooms.total > 0
            ? STATES.map(([state, color]) =>
                rooms[state] > 0 ? (
                  <div
                    key={state}
                    style={{ width: `${(rooms[state] * 100) / rooms.total}%`, background: color }}
                  />
                ) : null,
              )
            : null}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('isolationDemand.rooms.summary', rooms)}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}

/** Legend of the room states' colours. */
function Legend() {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={12} style={{ marginBottom: 8 }}>
      {STATES.map(([state, color]) => (
        <Flex key={state} align="center" gap={4}>
          <span
            style={{ width: 10, height: 10, borderRadius: 2, background: color, display: 'inline-block' }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`isolationDemand.rooms.${state}`)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** Every site's occupancy (ISO-1, ISO-4): rooms by state, people in, awaiting, stays ending soon. */
export function OccupancySites({ occupancy, showCounty }: { occupancy: Occupancy; showCounty: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OccupancySite> = [
    {
      key: 'name',
      title: t('isolationDemand.sites.name'),
      render: (_, s) => (
        <Flex vertical gap={4}>
          <Link to={`/isolation/sites/${s.id}`}>
            <Typography.Text strong>{s.name}</Typography.Text>
          </Link>
          <span>
            <Tag color={STATUS_COLOR[s.status]}>{t(`isolationDemand.status.${s.status}`)}</Tag>
            {s.purposes.map((p) => (
              <Tag key={p}>
                {t(`isolationDemand.purpose.${p}` as 'isolationDemand.purpose.close_contacts')}
              </Tag>
            ))}
          </span>
          {showCounty ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.countyName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'rooms', title: t('isolationDemand.sites.rooms'), render: (_, s) => <RoomsBar rooms={s.rooms} /> },
    {
      key: 'in',
      title: t('isolationDemand.sites.inRoom'),
      dataIndex: 'inRoom',
      align: 'right',
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    },
    {
      key: 'awaiting',
      title: t('isolationDemand.sites.awaiting'),
      dataIndex: 'awaitingArrival',
      align: 'right',
      responsive: ['sm'],
    },
    {
      key: 'ending',
      title: t('isolationDemand.sites.ending'),
      align: 'right',
      responsive: ['md'],
      render: (_, s) =>
        t('isolationDemand.sites.endingValue', { today: s.endingToday, tomorrow: s.endingTomorrow }),
    },
  ];
  return (
    <>
      <Legend />
      <Table
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={occupancy.sites}
        pagination={occupancy.sites.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <Empty description={t('isolationDemand.sites.none')} /> }}
        onRow={(s) => rowTestId(`occupancy-site-${s.id}`)}
      />
    </>
  );
}

/** Home isolation per county (ISO-5): people at home, and whose stays end today or tomorrow. */
export function HomeIsolation({ occupancy }: { occupancy: Occupancy }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      {occupancy.homeIsolation.map((h) => (
        <Col key={h.code} xs={24} sm={12} lg={8}>
          <Card size="small" title={h.name} data-testid={`home-isolation-${h.code}`}>
            <Flex gap={16} wrap>
              <Statistic title={t('isolationDemand.home.atHome')} value={h.atHome} />
              <Statistic title={t('isolationDemand.home.endingToday')} value={h.endingToday} />
              <Statistic title={t('isolationDemand.home.endingTomorrow')} value={h.endingTomorrow} />
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
