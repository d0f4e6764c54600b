import { useMemo } from 'react';
import { type ChartOption, EChart } from '../common/EChart';
import { formatDay } from '../common/formatDateTime';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { TileTrend } from './api';

/** The same as the placeholder's in TileCard.tsx, so the card does not jump when the chart loads. */
const HEIGHT = 180;

/** A tile's daily trend: one line per series, the days on the axis; follows its card's width. */
export default function TrendChart({ trend }: { trend: TileTrend }) {
  const { language } = useLanguage();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      // One line of legend however many series: the rest scrolls, the plot keeps its place.
      legend: { type: 'scroll', top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 12 } },
      grid: { left: 32, right: 12, top: 28, bottom: 24 },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: trend.days.map((day) => formatDay(day, language)),
        axisLabel: { fontSize: 11, hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 } },
      series: trend.series.map((series) => ({
        name: pickText(language, series.label.zh, series.label.en),
        type: 'line',
        smooth: false,
        symbolSize: 4,
        data: series.values,
      })),
    }),
    [trend, language],
  );
  return <EChart option={option} height={HEIGHT} data-testid="tile-trend" />;
}
