import { ArrowUpOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Grid, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { dashboardKeys, fetchDashboard, type Tile } from './api';
import { TileCard } from './TileCard';

/** Figures change with the clock as well as with writes: the page reads them again every minute. */
const REFRESH_MS = 60_000;

/** A rough height of a tile in pixels, to balance the columns. */
function estimateHeight(tile: Tile, figuresPerRow: number): number {
  const body = tile.body;
  if (!body) return 120;
  let height = 56 + Math.ceil(body.figures.length / figuresPerRow) * 84;
  if (body.note) height += 28;
  if (body.trend) height += 204;
  if (body.heat) height += 44 + body.heat.rows.length * 37;
  return height;
}

/**
 * Tiles in `count` columns, in their order, each into the column that is shortest so far: a
 * masonry that leaves no holes under short tiles (one column on a phone keeps the order exactly).
 */
function intoColumns(tiles: Tile[], count: number, figuresPerRow: number): Tile[][] {
  const columns: Tile[][] = Array.from({ length: count }, () => []);
  const heights = new Array<number>(count).fill(0);
  for (const tile of tiles) {
    const shortest = heights.indexOf(Math.min(...heights));
    columns[shortest]?.push(tile);
    heights[shortest] = (heights[shortest] ?? 0) + estimateHeight(tile, figuresPerRow) + 16;
  }
  return columns;
}

/** The situation dashboard (态势总览): every tile the modules contribute, for one jurisdiction. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('jurisdiction') ?? undefined;
  const query = useQuery({
    queryKey: dashboardKeys.of(chosen),
    queryFn: () => fetchDashboard(chosen),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const dashboard = query.data;
  const choose = (code: string | undefined) => setParams(code ? { jurisdiction: code } : {});
  const screens = Grid.useBreakpoint();
  const tiles = [...(dashboard?.tiles ?? [])].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const columns = intoColumns(tiles, screens.xl ? 3 : screens.md ? 2 : 1, screens.sm ? 3 : 2);
  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {dashboard ? `${t('dashboard.title')} · ${dashboard.jurisdiction.name}` : t('dashboard.title')}
        </Typography.Title>
        <Flex align="center" gap={8} wrap style={{ flex: '1 1 260px', maxWidth: 420 }}>
          <div style={{ flex: 1, minWidth: 200 }}>
            <JurisdictionTreeSelect<string>
              value={dashboard?.jurisdiction.code ?? chosen}
              onChange={(code) => choose(code || undefined)}
              placeholder={t('dashboard.jurisdiction')}
              data-testid="dashboard-jurisdiction"
            />
          </div>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void query.refetch()}
            loading={query.isFetching}
            aria-label={t('dashboard.refresh')}
            data-testid="dashboard-refresh"
          />
        </Flex>
      </Flex>
      {dashboard ? (
        <Flex wrap gap={12} align="center">
          {dashboard.parent ? (
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              onClick={() => choose(dashboard.parent?.code)}
              data-testid="dashboard-up"
            >
              {t('dashboard.up', { name: dashboard.parent.name })}
            </Button>
          ) : null}
          <Typography.Text type="secondary" data-testid="dashboard-as-of">
            {t('dashboard.asOf', { time: formatDateTime(dashboard.generatedAt, language) })}
          </Typography.Text>
        </Flex>
      ) : null}
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.isPending ? (
        <Row gutter={[16, 16]}>
          {[0, 1, 2].map((key) => (
            <Col key={key} xs={24} md={12} xl={8}>
              <Card size="small">
                <Skeleton active paragraph={{ rows: 3 }} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      {dashboard && tiles.length === 0 ? <Empty description={t('dashboard.empty')} /> : null}
      <Flex gap={16} align="flex-start" data-testid="dashboard-tiles">
        {columns.map((column, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are positions, not items
          <Flex key={index} vertical gap={16} style={{ flex: '1 1 0', minWidth: 0 }}>
            {column.map((tile) => (
              <TileCard key={tile.id} tile={tile} />
            ))}
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
