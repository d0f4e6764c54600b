import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { useMe } from '../session/useSession';
import { type FeedRow, fetchRecent, fetchSites, type Site, sentinelKeys } from './api';
import { FeedForm } from './FeedForm';
import { FeedImport } from './FeedImport';
import { FEED_SPECS, type FeedSpec, fieldLabelKey, valueKey } from './feeds';

/**
 * Sentinel entry (MON-1, MON-3, MON-5): a tab for each feed the user's role sends — fever-clinic
 * visits, school daily reports (a day without absence is sent as a zero report), environment and
 * goods samples, ILI and pneumonia counts — each with a one-row form and a sheet import.
 */
export default function SentinelEntryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const sites = useQuery({ queryKey: sentinelKeys.sites, queryFn: fetchSites });
  const feeds = FEED_SPECS.filter((spec) => me.roles.some((role) => spec.roles.includes(role)));
  return (
    <>
      <Typography.Title level={3}>{t('sentinels.title')}</Typography.Title>
      {sites.error ? <ProblemAlert error={sites.error} /> : null}
      {feeds.length === 0 ? (
        <Alert type="info" showIcon title={t('sentinels.noFeeds')} />
      ) : (
        <Tabs
          items={feeds.map((spec) => ({
            key: spec.path,
            label: t(`sentinels.feeds.${spec.id}` as const),
            children: <FeedTab spec={spec} sites={sites.data ?? []} />,
          }))}
        />
      )}
    </>
  );
}

function FeedTab({ spec, sites }: { spec: FeedSpec; sites: Site[] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t('sentinels.form.title')}>
          {spec.id === 'schoolReports' ? (
            <Typography.Paragraph type="secondary">{t('sentinels.form.zeroReportHint')}</Typography.Paragraph>
          ) : null}
          <FeedForm spec={spec} sites={sites} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('sentinels.import.title')} style={{ marginBottom: 16 }}>
          <FeedImport spec={spec} />
        </Card>
        <RecentRows spec={spec} />
      </Col>
    </Row>
  );
}

function RecentRows({ spec }: { spec: FeedSpec }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const recent = useQuery({
    queryKey: sentinelKeys.recent(spec.path),
    queryFn: () => fetchRecent(spec.path),
  });
  const show = (key: string, value: unknown) => {
    const field = spec.fields.find((f) => f.key === key);
    if (value === null || value === undefined) return '';
    if (field?.kind === 'datetime') return formatDateTime(String(value), language);
    if (field?.kind === 'date') return formatDay(String(value), language);
    if (key === 'result')
      return (
        <Tag color={value === 'positive' ? 'red' : value === 'negative' ? 'green' : 'default'}>
          {t(valueKey('result', String(value)))}
        </Tag>
      );
    if (field?.kind === 'enum') return t(valueKey(key, String(value)));
    return String(value);
  };
  const columns: TableColumnsType<FeedRow> = [
    { key: 'site', title: t('sentinels.fields.site'), dataIndex: 'siteName' },
    ...spec.listed.map((key) => ({
      key,
      title: t(fieldLabelKey(key)),
      render: (_: unknown, row: FeedRow) => show(key, row[key]),
    })),
  ];
  return (
    <Card title={t('sentinels.recent')}>
      {recent.error ? <ProblemAlert error={recent.error} /> : null}
      <Table<FeedRow>
        size="small"
        rowKey="id"
        loading={recent.isLoading}
        columns={columns}
        dataSource={recent.data ?? []}
        scroll={{ x: true }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        data-testid={`sentinel-recent-${spec.path}`}
      />
    </Card>
  );
}
