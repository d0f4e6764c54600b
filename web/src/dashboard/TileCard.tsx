import { Alert, Card, Flex, Statistic, Typography, theme } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { Tile, TileFigure } from './api';
import { HeatTable } from './HeatTable';

// ECharts is fetched only when a tile has a trend, so the dashboard's own chunk stays small.
const TrendChart = lazy(() => import('./TrendChart'));

/** As many figures side by side as the card's own width allows, two at least. */
const FIGURE_GRID: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(112px, 45%), 1fr))',
  gap: '12px 12px',
};

function useToneColor() {
  const { token } = theme.useToken();
  return (tone: TileFigure['tone']) =>
    tone === 'danger'
      ? token.colorError
      : tone === 'warning'
        ? token.colorWarning
        : tone === 'good'
          ? token.colorSuccess
          : undefined;
}

/** One number of a tile: a statistic that opens the filtered list it counts. */
function Figure({ figure }: { figure: TileFigure }) {
  const { language } = useLanguage();
  const toneColor = useToneColor();
  const color = toneColor(figure.tone);
  return (
    <Link
      to={figure.drill}
      style={{ display: 'block', height: '100%' }}
      data-testid="tile-figure"
      data-key={figure.key}
      data-value={figure.value}
    >
      {/* Label on top, value at the bottom: the values of one row line up however the labels wrap. */}
      <Statistic
        title={pickText(language, figure.label.zh, figure.label.en)}
        value={figure.value}
        suffix={figure.unit === 'percent' ? '%' : undefined}
        styles={{
          root: { display: 'flex', flexDirection: 'column', height: '100%' },
          header: { paddingBottom: 2 },
          title: { fontSize: 13, lineHeight: 1.4 },
          content: { marginTop: 'auto', fontSize: 24, ...(color ? { color } : {}) },
        }}
      />
    </Link>
  );
}

/** A module's tile, drawn from its body alone: figures, a note, a trend and a heat table. */
export function TileCard({ tile }: { tile: Tile }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const body = tile.body;
  return (
    <Card
      size="small"
      title={pickText(language, tile.title.zh, tile.title.en)}
      style={{ height: '100%' }}
      data-testid="dashboard-tile"
      data-tile-id={tile.id}
    >
      {tile.error || !body ? (
        <Alert type="warning" showIcon title={t('dashboard.tileError')} data-testid="tile-error" />
      ) : (
        <Flex vertical gap={12}>
          {body.figures.length > 0 ? (
            <div style={FIGURE_GRID}>
              {body.figures.map((figure) => (
                <Figure key={figure.key} figure={figure} />
              ))}
            </div>
          ) : null}
          {body.note ? (
            <Typography.Text type="secondary" data-testid="tile-note">
              {pickText(language, body.note.zh, body.note.en)}
            </Typography.Text>
          ) : null}
          {body.trend && body.trend.days.length > 0 ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dashboard.trend', { count: body.trend.days.length })}
              </Typography.Text>
              <Suspense fallback={<div style={{ height: 180 }} />}>
                <TrendChart trend={body.trend} />
              </Suspense>
            </div>
          ) : null}
          {body.heat ? <HeatTable heat={body.heat} /> : null}
          {body.figures.length === 0 && !body.heat && !body.trend ? (
            <Typography.Text type="secondary">{t('dashboard.tileEmpty')}</Typography.Text>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
