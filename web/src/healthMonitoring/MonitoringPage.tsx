import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Card,
  Checkbox,
  Col,
  Flex,
  Alert as Notice,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { IsolationTabs } from '../isolation/IsolationTabs';
import { AlertList } from './AlertList';
import { type BoardFilters, type BoardRow, fetchBoard, monitoringKeys } from './api';
import { ReadingCell } from './ReadingCell';

/**
 * The monitoring board (ISO-4, ISO-5): everyone under monitoring in scope, centralised and at home,
 * with the open abnormal reports at the top (due first), today's two readings, the current slot's
 * missing ones, and links to each site's floors for entering readings. Paged by the server.
 */
export default function MonitoringPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const filters: BoardFilters = {
    jurisdiction: params.get('jurisdiction') ?? undefined,
    siteId: params.get('siteId') ?? undefined,
    kind: kind === 'centralised' || kind === 'home' ? kind : undefined,
    abnormal: params.get('abnormal') === 'true' || undefined,
    missing: params.get('missing') === 'true' || undefined,
    page: Number(params.get('page')) || 1,
  };
  const board = useQuery({
    queryKey: monitoringKeys.board(filters),
    queryFn: () => fetchBoard(filters),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    if (key !== 'page') next.delete('page');
    next.delete('alert');
    setParams(next);
  };
  const data = board.data;

  const columns: TableColumnsType<BoardRow> = [
    {
      key: 'person',
      title: t('healthMonitoring.columns.person'),
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Link to={`/isolation/stays/${row.stayId}`}>{row.personName}</Link>
          <span>
            <Tag color={row.kind === 'centralised' ? 'blue' : 'cyan'}>
              {t(`healthMonitoring.kind.${row.kind}`)}
            </Tag>
            {row.openAlerts > 0 ? <Tag color="red">{t('healthMonitoring.abnormalTag')}</Tag> : null}
            {row.missing ? <Tag color="orange">{t('healthMonitoring.missingTag')}</Tag> : null}
          </span>
        </Flex>
      ),
    },
    {
      key: 'place',
      title: t('healthMonitoring.columns.place'),
      render: (_, row) =>
        row.kind === 'centralised' ? `${row.siteName ?? ''} ${row.roomNumber ?? ''}` : row.jurisdictionName,
      responsive: ['sm'],
    },
    {
      key: 'am',
      title: t('healthMonitoring.columns.am'),
      render: (_, row) => <ReadingCell reading={row.am} />,
    },
    {
      key: 'pm',
      title: t('healthMonitoring.columns.pm'),
      render: (_, row) => <ReadingCell reading={row.pm} />,
    },
    {
      key: 'period',
      title: t('healthMonitoring.columns.period'),
      render: (_, row) => t('healthMonitoring.until', { date: formatDay(row.plannedEndDate, language) }),
      responsive: ['md'],
    },
  ];

  const figure = (key: 'total' | 'centralised' | 'home' | 'abnormal' | 'missing', onClick: () => void) => (
    <Col xs={12} sm={8} md={4} key={key}>
      <Card size="small" hoverable onClick={onClick}>
        <Statistic
          title={t(`healthMonitoring.counts.${key}`)}
          value={data?.counts[key] ?? 0}
          valueStyle={
            (key === 'abnormal' || key === 'missing') && (data?.counts[key] ?? 0) > 0
              ? { color: key === 'abnormal' ? '#cf1322' : '#d46b08' }
              : undefined
          }
        />
      </Card>
    </Col>
  );

  return (
    <>
      <IsolationTabs />
      <Typography.Title level={3}>{t('healthMonitoring.title')}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Notice type="info" showIcon message={t('healthMonitoring.rule')} />
        {board.error ? <ProblemAlert error={board.error} /> : null}
        {data ? (
          <Typography.Text>
            {t('healthMonitoring.current', {
              date: formatDay(data.date, language),
              slot: t(`healthMonitoring.slot.${data.slot}`),
            })}
          </Typography.Text>
        ) : null}
        <Row gutter={[8, 8]}>
          {figure('total', () => setParams(new URLSearchParams()))}
          {figure('centralised', () => set('kind', 'centralised'))}
          {figure('home', () => set('kind', 'home'))}
          {figure('abnormal', () => set('abnormal', 'true'))}
          {figure('missing', () => set('missing', 'true'))}
        </Row>
        <AlertList alerts={data?.alerts ?? []} highlight={params.get('alert')} />
        {data && data.sites.length > 0 ? (
          <Card size="small" title={t('healthMonitoring.floors')}>
            <Flex vertical gap={6}>
              {data.sites.map((site) => (
                <Flex key={site.id} wrap gap={8} align="center">
                  <Typography.Text strong>{site.name}</Typography.Text>
                  {site.floors.map((f) => (
                    <Link
                      key={f.floor}
                      to={`/monitoring/floor?siteId=${site.id}&floor=${f.floor}`}
                      data-testid={`floor-link-${f.floor}`}
                    >
                      {t('healthMonitoring.floorLink', { floor: f.floor, people: f.people })}
                    </Link>
                  ))}
                </Flex>
              ))}
            </Flex>
          </Card>
        ) : null}
        <Flex wrap gap={12} align="center">
          <Select
            allowClear
            style={{ minWidth: 200 }}
            placeholder={t('healthMonitoring.filters.site')}
            value={filters.siteId}
            onChange={(value?: string) => set('siteId', value)}
            options={(data?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Radio.Group
            value={filters.kind ?? ''}
            onChange={(e) => set('kind', e.target.value || undefined)}
            options={[
              { value: '', label: t('healthMonitoring.filters.all') },
              { value: 'centralised', label: t('healthMonitoring.kind.centralised') },
              { value: 'home', label: t('healthMonitoring.kind.home') },
            ]}
            optionType="button"
          />
          <Checkbox
            checked={!!filters.abnormal}
            onChange={(e) => set('abnormal', e.target.checked ? 'true' : undefined)}
          >
            {t('healthMonitoring.filters.abnormal')}
          </Checkbox>
          <Checkbox
            checked={!!filters.missing}
            onChange={(e) => set('missing', e.target.checked ? 'true' : undefined)}
          >
            {t('healthMonitoring.filters.missing')}
          </Checkbox>
        </Flex>
        <Table<BoardRow>
          rowKey="stayId"
          size="small"
          loading={board.isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          onRow={(row) => rowTestId(row.stayId)}
          pagination={{
            current: data?.page ?? 1,
            pageSize: data?.pageSize ?? 50,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => set('page', String(page)),
          }}
        />
      </Space>
    </>
  );
}
