import { useQuery } from '@tanstack/react-query';
import { Card, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime, formatMonthDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { useMe } from '../session/useSession';
import { fetchOverview, type SentinelOverviewView, sentinelKeys } from './api';
import { valueKey } from './feeds';
import { SiteRegistry } from './SiteRegistry';

type Series = SentinelOverviewView['feverVisits'][number];
type Positive = SentinelOverviewView['positives'][number];

/**
 * The CDC's view of the sentinel feeds (MON-1, MON-3, MON-5): each site's recent series under the
 * jurisdiction, a missing daily report (a school, a reporting hospital) or a missing weekly
 * environment sample highlighted as 未报, and the positive samples.
 */
export default function SentinelDataPage() {
  const { t } = useTranslation();
  const me = useMe();
  // The registry is the CDC's: those who read the feeds and report to them (as the server checks).
  const canRegister = me.permissions.includes('sentinel.read') && me.permissions.includes('sentinel.report');
  const [params] = useSearchParams();
  const jurisdiction = params.get('jurisdiction') ?? me.scopes[0] ?? '';
  const [days, setDays] = useState(14);
  const overview = useQuery({
    queryKey: sentinelKeys.overview(jurisdiction, days),
    queryFn: () => fetchOverview(jurisdiction, days),
  });
  const data = overview.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('sentinels.data.title')}</Typography.Title>
      <Segmented
        value={days}
        onChange={(value) => setDays(Number(value))}
        options={[7, 14, 28].map((n) => ({ value: n, label: t('sentinels.data.days', { count: n }) }))}
      />
      {overview.error ? <ProblemAlert error={overview.error} /> : null}
      {data ? (
        <>
          <SeriesCard
            title={t('sentinels.data.feverVisits')}
            periods={data.days}
            series={data.feverVisits}
            testId="fever"
          />
          <SeriesCard
            title={t('sentinels.data.schoolAbsence')}
            periods={data.days}
            series={data.schoolAbsence}
            missing
            schoolDays
            testId="school"
          />
          <SeriesCard
            title={t('sentinels.data.iliShare')}
            periods={data.days}
            series={data.iliShare}
            missing
            testId="ili"
          />
          <SeriesCard
            title={t('sentinels.data.pneumonia')}
            periods={data.days}
            series={data.pneumonia}
            missing
            testId="pneumonia"
          />
          <SeriesCard
            title={t('sentinels.data.samples')}
            periods={data.weeks}
            series={data.samples}
            missing
            weeks
            testId="samples"
          />
          <Positives rows={data.positives} />
        </>
      ) : null}
      {canRegister ? <SiteRegistry /> : null}
    </Space>
  );
}

function SeriesCard({
  title,
  periods,
  series,
  missing,
  weeks,
  schoolDays,
  testId,
}: {
  title: string;
  periods: string[];
  series: Series[];
  missing?: boolean;
  weeks?: boolean;
  schoolDays?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const last = periods.at(-1) ?? '';
  const owedNow = !(schoolDays && isWeekend(last));
  const missingCount = owedNow ? series.filter((s) => s.values.at(-1) === null).length : 0;
  const columns: TableColumnsType<Series> = [
    {
      key: 'site',
      title: t('sentinels.fields.site'),
      fixed: 'left',
      width: 160,
      render: (_, s) => (
        <>
          {s.name}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {s.jurisdictionName}
          </Typography.Text>
        </>
      ),
    },
    ...periods.map((period, i) => ({
      key: period,
      title: weeks
        ? t('sentinels.data.weekOf', { day: formatMonthDay(period, language) })
        : formatMonthDay(period, language),
      width: weeks ? 96 : 64,
      align: 'right' as const,
      render: (_: unknown, s: Series) => {
        const value = s.values[i];
        if (value !== null && value !== undefined) return value;
        if (!missing) return '';
        // Assumption (002 §15): schools report on school days, Monday to Friday; a weekend is not missing.
        if (schoolDays && isWeekend(period))
          return <Typography.Text type="secondary">{t('sentinels.data.noSchool')}</Typography.Text>;
        // Today's report (this week's sample) may still come: owed, not yet missing.
        if (i === periods.length - 1)
          return <Tag color="orange">{t(weeks ? 'sentinels.data.owedWeek' : 'sentinels.data.owed')}</Tag>;
        return <Tag color="red">{t('sentinels.data.missing')}</Tag>;
      },
    })),
  ];
  return (
    <Card
      title={title}
      extra={
        missing && missingCount > 0 ? (
          <Tag color="red">
            {t(weeks ? 'sentinels.data.missingWeek' : 'sentinels.data.missingToday', { count: missingCount })}
          </Tag>
        ) : null
      }
    >
      <Table<Series>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={series}
        scroll={{ x: true }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('sentinels.data.noSites') }}
        data-testid={`sentinel-series-${testId}`}
      />
    </Card>
  );
}

/** Saturday or Sunday, read from the calendar date itself (no zone: it is already a local date). */
function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function Positives({ rows }: { rows: Positive[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: TableColumnsType<Positive> = [
    {
      key: 'site',
      title: t('sentinels.fields.site'),
      render: (_, p) => `${p.siteName}（${p.jurisdictionName}）`,
    },
    {
      key: 'kind',
      title: t('sentinels.fields.kind'),
      render: (_, p) => t(valueKey('kind', p.kind)),
    },
    { key: 'item', title: t('sentinels.fields.item'), dataIndex: 'item' },
    {
      key: 'sampledAt',
      title: t('sentinels.fields.sampledAt'),
      render: (_, p) => formatDateTime(p.sampledAt, language),
    },
    {
      key: 'resultedAt',
      title: t('sentinels.fields.resultedAt'),
      render: (_, p) => formatDateTime(p.resultedAt, language),
    },
  ];
  return (
    <Card title={t('sentinels.data.positives')}>
      <Table<Positive>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        scroll={{ x: true }}
        pagination={false}
        locale={{ emptyText: t('sentinels.data.noPositives') }}
        data-testid="sentinel-positives"
      />
    </Card>
  );
}
