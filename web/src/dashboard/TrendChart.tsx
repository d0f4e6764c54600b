import type { LineSeriesOption } from 'echarts/charts';
import { LineChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { formatDay } from '../common/formatDateTime';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { TileTrend } from './api';

// Tree-shaken ECharts (DESIGN.md): the line chart only, loaded with the first tile that has a trend.
use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** The same as the placeholder's in TileCard.tsx, so the card does not jump when the chart loads. */
const HEIGHT = 180;

/** A tile's daily trend: one line per series, the days on the axis; follows its card's width. */
export default function TrendChart({ trend }: { trend: TileTrend }) {
  const { language } = useLanguage();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const option = useMemo<Option>(
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
  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={element} style={{ width: '100%', height: HEIGHT }} data-testid="tile-trend" />;
}
