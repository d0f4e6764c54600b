import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { formatDueAt } from '../common/formatDueAt';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import {
  DRUG_CLASSES,
  type DrugClass,
  drugSaleKeys,
  fetchSales,
  type Sale,
  type SaleFilter,
  type SaleState,
} from './api';
import { BuyerIdentity } from './BuyerIdentity';
import { ClassTags } from './ClassTags';
import { FollowUpModal } from './FollowUpModal';
import { OutletFormModal } from './OutletFormModal';

const STATES: SaleState[] = ['awaiting', 'overdue', 'done', 'all'];

/** The filters a tile's drill or a work item opens the list with, read from the address. */
function filterFrom(params: URLSearchParams): Omit<SaleFilter, 'page' | 'pageSize'> {
  const state = params.get('state');
  const drugClass = params.get('drugClass');
  return {
    state: STATES.includes(state as SaleState) ? (state as SaleState) : 'awaiting',
    drugClass: DRUG_CLASSES.includes(drugClass as DrugClass) ? (drugClass as DrugClass) : undefined,
    jurisdiction: params.get('jurisdiction') ?? undefined,
    outletId: params.get('outletId') ?? undefined,
    batch: params.get('batch') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}

/**
 * The medical-control group's list (MON-2 追踪回访): sales awaiting follow-up, oldest first, buyers
 * masked; pick one or many and record the follow-up, which closes the outlet-day's deadline once
 * its last sale is done.
 */
export default function DrugSalesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<string[]>([]);
  const [following, setFollowing] = useState(false);
  const [unmasking, setUnmasking] = useState<Sale | null>(null);
  const mayFollowUp = usePermission('alert.handle');
  const mayUnmask = usePermission('person.unmask');
  const mayRegisterOutlets = usePermission('hospital.write');
  const [addingOutlet, setAddingOutlet] = useState(false);
  const filter: SaleFilter = { ...filterFrom(params), ...page };
  const query = useQuery({
    queryKey: drugSaleKeys.list(filter),
    queryFn: () => fetchSales(filter),
    placeholderData: keepPreviousData,
  });
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage((p) => ({ ...p, page: 1 }));
    setSelected([]);
  };
  const followedUp = () => {
    setSelected([]);
    setFollowing(false);
    void client.invalidateQueries({ queryKey: ['drug-sales'] });
  };
  const columns: TableColumnsType<Sale> = [
    {
      key: 'soldAt',
      title: t('drugSales.fields.soldAt'),
      render: (_, s) => formatDateTime(s.soldAt, language),
    },
    {
      key: 'buyer',
      title: t('drugSales.fields.buyer'),
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <span>
            {s.buyerNameMasked ?? t('drugSales.noName')}　{s.idNumberMasked}
          </span>
          {s.phoneMasked ? <Typography.Text type="secondary">{s.phoneMasked}</Typography.Text> : null}
          {mayUnmask ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setUnmasking(s)}>
              {t('drugSales.unmask')}
            </Button>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'classes',
      title: t('drugSales.fields.classes'),
      render: (_, s) => <ClassTags classes={s.classes} />,
    },
    { key: 'outlet', title: t('drugSales.fields.outlet'), dataIndex: 'outletName', responsive: ['sm'] },
    { key: 'place', title: t('drugSales.fields.place'), dataIndex: 'jurisdictionName', responsive: ['md'] },
    {
      key: 'followUp',
      title: t('drugSales.fields.followUp'),
      render: (_, s) =>
        s.followUp ? (
          <Space direction="vertical" size={0}>
            <span>{t(`drugSales.outcome.${s.followUp.outcome}`)}</span>
            {s.followUp.note ? <Typography.Text type="secondary">{s.followUp.note}</Typography.Text> : null}
          </Space>
        ) : s.dueAt ? (
          <Typography.Text type={new Date(s.dueAt) < new Date() ? 'danger' : undefined}>
            {t('drugSales.dueBy', { due: formatDueAt(s.dueAt, language) })}
          </Typography.Text>
        ) : (
          t('drugSales.awaiting')
        ),
    },
  ];
  const range = filter.from && filter.to ? ([dayjs(filter.from), dayjs(filter.to)] as const) : null;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('drugSales.title')}
        </Typography.Title>
        {mayRegisterOutlets ? (
          <Button onClick={() => setAddingOutlet(true)} data-testid="outlet-new">
            {t('drugSales.addOutlet')}
          </Button>
        ) : null}
      </Flex>
      <Alert type="info" showIcon message={t('drugSales.listHint')} style={{ marginBottom: 16 }} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Segmented<SaleState>
            value={filter.state}
            onChange={(value) => setFilter('state', value)}
            options={STATES.map((s) => ({ value: s, label: t(`drugSales.state.${s}`) }))}
            data-testid="sales-state"
          />
          <Select<DrugClass | ''>
            value={filter.drugClass ?? ''}
            style={{ minWidth: 140 }}
            onChange={(value) => setFilter('drugClass', value || undefined)}
            options={[
              { value: '', label: t('drugSales.allClasses') },
              ...DRUG_CLASSES.map((c) => ({ value: c, label: t(`drugSales.class.${c}`) })),
            ]}
          />
          <DatePicker.RangePicker
            value={range ? [range[0], range[1]] : null}
            onChange={(dates) => {
              const next = new URLSearchParams(params);
              const [from, to] = dates ?? [];
              if (from && to) {
                next.set('from', from.format('YYYY-MM-DD'));
                next.set('to', to.format('YYYY-MM-DD'));
              } else {
                next.delete('from');
                next.delete('to');
              }
              setParams(next, { replace: true });
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
          {mayFollowUp ? (
            <Button
              type="primary"
              disabled={selected.length === 0}
              onClick={() => setFollowing(true)}
              data-testid="sales-follow-up"
            >
              {t('drugSales.followUpSelected', { count: selected.length })}
            </Button>
          ) : null}
        </Flex>
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<Sale>
        data-testid="sales-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('drugSales.empty') }}
        rowSelection={
          mayFollowUp
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (s) => ({ disabled: s.followUp !== null }),
              }
            : undefined
        }
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (total) => t('drugSales.total', { total }),
          onChange: (next, size) => setPage({ page: next, pageSize: size }),
        }}
      />
      {following ? (
        <FollowUpModal saleIds={selected} onClose={() => setFollowing(false)} onDone={followedUp} />
      ) : null}
      {addingOutlet ? <OutletFormModal onClose={() => setAddingOutlet(false)} /> : null}
      {unmasking ? <BuyerIdentity sale={unmasking} onClose={() => setUnmasking(null)} /> : null}
    </>
  );
}
