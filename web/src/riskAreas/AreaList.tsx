import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemText } from '../common/problemText';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { AddAreaButton } from './AddAreaButton';
import { type AreaFilter, type AreaLevel, fetchAreas, liftArea, type RiskArea, riskAreaKeys } from './api';
import { LevelTag, useLevelOptions } from './levels';

const PAGE_SIZE = 20;

/** The areas in force at a time (default now), or their whole history; lift and trace actions. */
export function AreaList({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canTrace = usePermission('arrival.read');
  const levelOptions = useLevelOptions();
  const [filter, setFilter] = useState<AreaFilter>({});
  const [at, setAt] = useState<Dayjs | null>(null);
  const [page, setPage] = useState(1);
  const update = (next: Partial<AreaFilter>) => {
    setFilter((current) => ({ ...current, ...next }));
    setPage(1);
  };
  const query = useQuery({
    queryKey: riskAreaKeys.list(filter, page, PAGE_SIZE),
    queryFn: () => fetchAreas(filter, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const lift = useMutation({
    mutationFn: (id: string) => liftArea(id),
    onSuccess: () => {
      message.success(t('riskAreas.liftDone'));
      void queryClient.invalidateQueries({ queryKey: riskAreaKeys.all });
    },
    onError: (error) => message.error(problemText(error, language, t)),
  });
  const time = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');
  const columns: TableColumnsType<RiskArea> = [
    { key: 'level', title: t('riskAreas.columns.level'), render: (_, a) => <LevelTag level={a.level} /> },
    {
      key: 'area',
      title: t('riskAreas.columns.area'),
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{a.areaName}</span>
          <Typography.Text type="secondary">{a.divisionCode}</Typography.Text>
        </Space>
      ),
    },
    { key: 'publishedAt', title: t('riskAreas.columns.publishedAt'), render: (_, a) => time(a.publishedAt) },
    { key: 'liftedAt', title: t('riskAreas.columns.liftedAt'), render: (_, a) => time(a.liftedAt) },
    { key: 'publisher', title: t('riskAreas.columns.publisher'), dataIndex: 'publisher', responsive: ['md'] },
    {
      key: 'status',
      title: t('riskAreas.columns.status'),
      render: (_, a) =>
        a.inForce ? (
          <Tag color="processing">{t('riskAreas.status.inForce')}</Tag>
        ) : (
          <Tag>{t('riskAreas.status.notInForce')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('riskAreas.columns.actions'),
      render: (_, a) => (
        <Space wrap>
          {canTrace && a.divisionCode.length >= 6 ? (
            <Link
              to={`/arrivals/lookback?divisionCode=${a.divisionCode}&publishedAt=${encodeURIComponent(a.publishedAt)}`}
              data-testid="risk-area-lookback"
            >
              {t('riskAreas.lookback')}
            </Link>
          ) : null}
          {canWrite && a.liftedAt === null ? (
            <Popconfirm title={t('riskAreas.liftConfirm')} onConfirm={() => lift.mutate(a.id)}>
              <Button
                size="small"
                danger
                loading={lift.isPending && lift.variables === a.id}
                data-testid="risk-area-lift"
              >
                {t('riskAreas.lift')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Select<AreaLevel>
            allowClear
            placeholder={t('riskAreas.filters.allLevels')}
            options={levelOptions}
            style={{ width: '100%' }}
            onChange={(level) => update({ level })}
            data-testid="risk-area-filter-level"
          />
        </Col>
        <Col xs={12} md={4}>
          <Input.Search
            allowClear
            placeholder={t('riskAreas.filters.code')}
            inputMode="numeric"
            onSearch={(value) => update({ code: /^\d{2,12}$/.test(value) ? value : undefined })}
            data-testid="risk-area-filter-code"
          />
        </Col>
        <Col xs={24} md={6}>
          <Input.Search
            allowClear
            placeholder={t('riskAreas.filters.q')}
            maxLength={50}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            data-testid="risk-area-filter-q"
          />
        </Col>
        <Col xs={16} md={6}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            placeholder={t('riskAreas.filters.at')}
            style={{ width: '100%' }}
            value={at}
            onChange={(value) => {
              setAt(value);
              update({ at: value ? value.toISOString() : undefined });
            }}
            data-testid="risk-area-filter-at"
          />
        </Col>
        <Col xs={8} md={4}>
          <Flex align="center" gap={8} style={{ height: '100%' }}>
            <Switch
              checked={Boolean(filter.history)}
              onChange={(history) => update({ history })}
              data-testid="risk-area-history"
            />
            <span>{t('riskAreas.filters.history')}</span>
          </Flex>
        </Col>
      </Row>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid="risk-area-total">
          {t('riskAreas.total', { count: query.data?.total ?? 0 })}
        </Typography.Text>
        {canWrite ? <AddAreaButton /> : null}
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<RiskArea>
        data-testid="risk-area-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={() => rowTestId('risk-area-row')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
      />
    </>
  );
}
