import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../common/EChart';
import { formatHour } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import type { Progress } from './api';

/** Sampled and resulted % per child jurisdiction (bars) and samples per hour (line). */
export function ProgressCharts({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const byChild = useMemo<ChartOption>(() => {
    const rows = progress.rows.filter((row) => row.persons > 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 64, top: 32 },
      xAxis: { type: 'category', data: rows.map((row) => row.name), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('campaigns.progress.sampledPct'), type: 'bar', data: rows.map((row) => row.sampledPct) },
        { name: t('campaigns.progress.resultedPct'), type: 'bar', data: rows.map((row) => row.resultedPct) },
      ],
    };
  }, [progress.rows, t]);
  const hourly = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, bottom: 40, top: 16 },
      xAxis: {
        type: 'category',
        data: progress.hourly.map((point) => formatHour(point.hour, language)),
      },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('campaigns.progress.samples'),
          type: 'line',
          smooth: true,
          data: progress.hourly.map((point) => point.samples),
        },
      ],
    }),
    [progress.hourly, t, language],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('campaigns.progress.chartByChild')}>
          <EChart option={byChild} data-testid="progress-bar-chart" />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('campaigns.progress.chartHourly')}>
          <EChart option={hourly} data-testid="progress-line-chart" />
        </Card>
      </Col>
    </Row>
  );
}
