import { Table, type TableColumnsType, type TablePaginationConfig, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { ArrivalSummary } from './api';
import { channelLabel, originText, STATUS_COLORS, statusLabel } from './labels';
import { PlanRisk } from './PlanRisk';
import { RiskTag } from './RiskTag';

interface ArrivalTableProps {
  items: ArrivalSummary[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  testId?: string;
}

/** Arrivals, the person masked; a row opens the arrival and its plan. */
export function ArrivalTable({ items, loading, pagination, testId = 'arrival-table' }: ArrivalTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const none = t('arrivals.none');
  const columns: TableColumnsType<ArrivalSummary> = [
    {
      key: 'name',
      title: t('arrivals.columns.name'),
      render: (_, arrival) => (
        <Link to={`/arrivals/${arrival.id}`} onClick={(event) => event.stopPropagation()}>
          {arrival.personName}
        </Link>
      ),
    },
    {
      key: 'idNumber',
      title: t('arrivals.columns.idNumber'),
      dataIndex: 'idNumberMasked',
      responsive: ['sm'],
    },
    {
      key: 'origin',
      title: t('arrivals.columns.origin'),
      render: (_, arrival) => (
        <>
          <div>{originText(t, arrival)}</div>
          <RiskTag level={arrival.originRisk} />
          <RiskTag level={arrival.originDistrictRisk} district />
          {arrival.planRisk?.level && arrival.planRisk.level !== arrival.originRisk ? (
            <PlanRisk risk={arrival.planRisk} compact />
          ) : null}
        </>
      ),
    },
    {
      key: 'channel',
      title: t('arrivals.columns.channel'),
      responsive: ['md'],
      render: (_, arrival) => channelLabel(t, arrival.channel),
    },
    {
      key: 'arrivedAt',
      title: t('arrivals.columns.arrivedAt'),
      responsive: ['sm'],
      render: (_, arrival) => formatDateTime(arrival.arrivedAt, language),
    },
    {
      key: 'rule',
      title: t('arrivals.columns.rule'),
      responsive: ['md'],
      render: (_, arrival) =>
        arrival.ruleId ? (
          <>
            <Tag>{arrival.ruleId}</Tag>
            {arrival.protocolTitle ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {pickText(language, arrival.protocolTitle.zh, arrival.protocolTitle.en)}
              </Typography.Text>
            ) : null}
          </>
        ) : (
          none
        ),
    },
    {
      key: 'releaseDate',
      title: t('arrivals.columns.releaseDate'),
      responsive: ['lg'],
      render: (_, arrival) => (arrival.releaseDate ? formatDay(arrival.releaseDate, language) : none),
    },
    {
      key: 'status',
      title: t('arrivals.columns.status'),
      render: (_, arrival) => (
        <Tag color={STATUS_COLORS[arrival.status]} data-status={arrival.status}>
          {statusLabel(t, arrival.status)}
        </Tag>
      ),
    },
  ];
  return (
    <Table<ArrivalSummary>
      data-testid={testId}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      rowClassName="clickable-row"
      onRow={(arrival) => ({
        ...rowTestId('arrival-row'),
        onClick: () => navigate(`/arrivals/${arrival.id}`),
      })}
      pagination={pagination}
    />
  );
}
