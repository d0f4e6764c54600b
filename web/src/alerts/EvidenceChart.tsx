import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../common/EChart';
import { formatMonthDay } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import type { Alert } from './api';

/** Every day from `from` to `to` (YYYY-MM-DD), inclusive. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const cursor = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (cursor <= end && days.length < 400) {
    days.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

/**
 * MON-4 evidence: the unit's daily values over every day the rule read (days without data as 0),
 * the window's days in red, and the baseline per day as a line when the rule has one.
 */
export function EvidenceChart({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const option = useMemo<ChartOption>(() => {
    const first = alert.series[0]?.[0] ?? alert.windowStart;
    const values = new Map(alert.series);
    const [start = first] = [first, alert.windowStart].sort();
    const days = daysBetween(start, alert.windowEnd);
    const perDay = alert.baseline === null ? null : alert.baseline / Math.max(1, alert.rule.windowDays);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: days.map((day) => formatMonthDay(day, language)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('alerts.evidence.series'),
          itemStyle: { color: '#8c8c8c' },
          data: days.map((day) => ({
            value: values.get(day) ?? 0,
            itemStyle: { color: day >= alert.windowStart ? '#cf1322' : '#8c8c8c' },
          })),
        },
        ...(perDay === null
          ? []
          : [
              {
                type: 'line' as const,
                name: t('alerts.evidence.baselineSeries'),
                data: days.map(() => Number(perDay.toFixed(2))),
                symbol: 'none',
                lineStyle: { type: 'dashed' as const },
              },
            ]),
      ],
    };
  }, [alert, language, t]);
  return <EChart option={option} height={260} data-testid="alert-evidence-chart" />;
}
