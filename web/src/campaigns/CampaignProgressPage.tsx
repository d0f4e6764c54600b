import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { getProgress } from './api';
import { MissingList } from './MissingList';
import { ProgressCharts } from './ProgressCharts';
import { ProgressTable } from './ProgressTable';

/** The parent of a code: county 6 → city 4 → province 2; town 9 → county 6; village 12, grid 15 by 3. */
const parentOf = (code: string) => code.slice(0, code.length <= 6 ? code.length - 2 : code.length - 3);

/** TST-6: live progress of one campaign, by jurisdiction down to grids, with the missing lists. */
export default function CampaignProgressPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const parent = params.get('parent') ?? undefined;
  const [missingFor, setMissingFor] = useState<{ code: string; name: string } | null>(null);
  const query = useQuery({
    queryKey: ['campaigns', id, 'progress', parent],
    queryFn: () => getProgress(id, parent),
    refetchInterval: 30_000,
  });
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending) return <Spin />;
  const progress = query.data;
  const { campaign, totals } = progress;
  const drill = (code: string) => {
    setMissingFor(null);
    setParams(code === campaign.jurisdictionCode ? {} : { parent: code });
  };
  const atTop = progress.parent.code === campaign.jurisdictionCode;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="campaign-progress">
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">{t('campaigns.progress.back')}</Link> },
          { title: campaign.name },
        ]}
      />
      <div>
        <Typography.Title level={3} className="page-title">
          {campaign.name} <Tag>{t(`campaigns.status.${campaign.status}`)}</Tag>
        </Typography.Title>
        <Typography.Text type="secondary">
          {progress.parent.name} ·{' '}
          {t('campaigns.progress.due', { time: formatDateTime(campaign.dueAt, language) })}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]} data-testid="progress-totals">
        {(
          [
            ['persons', totals.persons, undefined],
            ['sampled', totals.sampled, `${totals.sampledPct}%`],
            ['resulted', totals.resulted, `${totals.resultedPct}%`],
            ['positives', totals.positives, undefined],
          ] as const
        ).map(([key, value, suffix]) => (
          <Col xs={12} md={6} key={key}>
            <Card size="small">
              <Statistic
                title={t(`campaigns.progress.${key}`)}
                value={value}
                suffix={suffix ? <small>{t('common.inParens', { text: suffix })}</small> : undefined}
                styles={key === 'positives' && value > 0 ? { content: { color: '#cf1322' } } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <ProgressCharts progress={progress} />
      <Card
        size="small"
        title={progress.parent.name}
        extra={
          atTop ? null : (
            <Button
              size="small"
              onClick={() => drill(parentOf(progress.parent.code))}
              data-testid="progress-up"
            >
              {t('campaigns.progress.up')}
            </Button>
          )
        }
      >
        <ProgressTable rows={progress.rows} onDrill={drill} onMissing={(row) => setMissingFor(row)} />
      </Card>
      {missingFor ? <MissingList campaignId={campaign.id} jurisdiction={missingFor} /> : null}
    </Space>
  );
}
