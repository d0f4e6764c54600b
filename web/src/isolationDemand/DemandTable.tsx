import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rowTestId } from '../common/testId';
import type { Demand, DemandRow } from './api';

/** A gap: short in red (缺口), or spare rooms in green. */
export function GapTag({ row }: { row: DemandRow }) {
  const { t } = useTranslation();
  if (row.gap > 0)
    return (
      <Tag color="red" data-testid={`demand-gap-${row.code}`}>
        {t('isolationDemand.gap.short', { n: row.gap })}
      </Tag>
    );
  return (
    <Tag color="green" data-testid={`demand-gap-${row.code}`}>
      {row.gap === 0 ? t('isolationDemand.gap.even') : t('isolationDemand.gap.spare', { n: -row.gap })}
    </Tag>
  );
}

/**
 * ISO-2 per county: confirmed cases, the rooms they demand, the rooms needed now, the rooms held and
 * the gap; a short county's row in red; the scope's sum last when it spans several counties.
 */
export function DemandTable({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const rows: Array<DemandRow & { isTotal?: boolean }> = [
    ...demand.rows,
    ...(demand.total ? [{ ...demand.total, isTotal: true }] : []),
  ];
  const columns: TableColumnsType<DemandRow & { isTotal?: boolean }> = [
    {
      key: 'name',
      title: t('isolationDemand.columns.county'),
      render: (_, r) =>
        r.isTotal ? (
          <Typography.Text strong>{t('isolationDemand.total', { name: r.name })}</Typography.Text>
        ) : demand.rows.length > 1 ? (
          <Link to={`/isolation?jurisdiction=${r.code}`}>{r.name}</Link>
        ) : (
          r.name
        ),
    },
    {
      key: 'cases',
      title: t('isolationDemand.columns.cases'),
      dataIndex: 'confirmedCases',
      align: 'right',
      responsive: ['sm'],
    },
    {
      key: 'demanded',
      title: t('isolationDemand.columns.demanded'),
      dataIndex: 'demanded',
      align: 'right',
    },
    {
      key: 'needed',
      title: t('isolationDemand.columns.neededNow'),
      align: 'right',
      responsive: ['md'],
      render: (_, r) => (
        <Flex vertical align="end">
          <span>{r.neededNow}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('isolationDemand.neededBreakdown', {
              inRoom: r.inRoom,
              awaiting: r.awaitingArrival,
              owed: r.queued,
            })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'capacity',
      title: t('isolationDemand.columns.capacity'),
      align: 'right',
      render: (_, r) => (
        <Flex vertical align="end">
          <span>{r.capacity.total}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('isolationDemand.capacityBreakdown', {
              ready: r.capacity.readyNow,
              occupied: r.capacity.occupied,
              cleaning: r.capacity.cleaning,
              standby: r.capacity.standby,
            })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'gap',
      title: t('isolationDemand.columns.gap'),
      align: 'right',
      render: (_, r) => <GapTag row={r} />,
    },
    {
      key: 'sites',
      title: t('isolationDemand.columns.sites'),
      responsive: ['lg'],
      render: (_, r) => t('isolationDemand.siteCounts', r.sites),
    },
  ];
  return (
    <Table
      size="small"
      rowKey={(r) => (r.isTotal ? `total-${r.code}` : r.code)}
      columns={columns}
      dataSource={rows}
      pagination={false}
      onRow={(r) => ({
        ...rowTestId(r.isTotal ? `demand-total-${r.code}` : `demand-row-${r.code}`),
        style: r.level === 'short' ? { background: '#fff1f0' } : undefined,
      })}
    />
  );
}
