import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import {
  fetchTruckReports,
  TRUCK_STATUSES,
  type TruckFilter,
  type TruckReportSummary,
  type TruckStatus,
  truckKeys,
} from './api';
import { TruckLeadTag, TruckStatusTag } from './TruckTags';

/** The destination communities' list of truck pre-reports (ARR-12), by status; late ones in red. */
export default function TrucksPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const canWrite = usePermission('arrival.write');
  const [filter, setFilter] = useState<TruckFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = useQuery({
    queryKey: truckKeys.list(filter, page.page, page.pageSize),
    queryFn: () => fetchTruckReports(filter, page.page, page.pageSize),
    placeholderData: keepPreviousData,
  });
  const change = (next: TruckFilter) => {
    setFilter(next);
    setPage((p) => ({ ...p, page: 1 }));
  };
  const columns: TableColumnsType<TruckReportSummary> = [
    {
      key: 'plate',
      title: t('trucks.fields.plate'),
      render: (_, r) => (
        <Link to={`/trucks/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {r.plate}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('trucks.fields.status'),
      render: (_, r) => <TruckStatusTag status={r.status} />,
    },
    {
      key: 'planned',
      title: t('trucks.fields.plannedArrivalAt'),
      render: (_, r) => (
        <span style={r.late ? { color: '#cf1322' } : undefined}>
          {formatDateTime(r.plannedArrivalAt, language)}
        </span>
      ),
    },
    { key: 'lead', title: t('trucks.fields.lead'), render: (_, r) => <TruckLeadTag report={r} /> },
    { key: 'unit', title: t('trucks.fields.unitName'), dataIndex: 'unitName', responsive: ['md'] },
    {
      key: 'destination',
      title: t('trucks.fields.jurisdictionCode'),
      dataIndex: 'jurisdictionName',
      responsive: ['lg'],
    },
    {
      key: 'origin',
      title: t('trucks.fields.originDivisionCode'),
      dataIndex: 'originName',
      responsive: ['lg'],
    },
    { key: 'crew', title: t('trucks.fields.crewCount'), dataIndex: 'crewCount', responsive: ['sm'] },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('trucks.title')}
        </Typography.Title>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/trucks/new')}
            data-testid="truck-new"
          >
            {t('trucks.new')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('trucks.hint')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Select<TruckStatus | ''>
            value={filter.status ?? ''}
            style={{ minWidth: 160 }}
            options={[
              { value: '', label: t('trucks.all') },
              ...TRUCK_STATUSES.map((s) => ({ value: s, label: t(`trucks.status.${s}`) })),
            ]}
            onChange={(status) => change({ ...filter, status: status || undefined })}
            data-testid="truck-filter-status"
          />
          <Checkbox
            checked={filter.late === true}
            onChange={(e) => change({ ...filter, late: e.target.checked ? true : undefined })}
            data-testid="truck-filter-late"
          >
            {t('trucks.lateOnly')}
          </Checkbox>
          <Input.Search
            allowClear
            placeholder={t('trucks.platePlaceholder')}
            style={{ maxWidth: 200 }}
            onSearch={(plate) => change({ ...filter, plate: plate.trim() || undefined })}
            data-testid="truck-filter-plate"
          />
        </Flex>
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<TruckReportSummary>
        data-testid="truck-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(r) => ({ ...rowTestId('truck-row'), onClick: () => navigate(`/trucks/${r.id}`) })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (count) => t('trucks.total', { count }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
    </>
  );
}
