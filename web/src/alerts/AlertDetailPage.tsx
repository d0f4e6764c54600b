import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Skeleton, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import type { Language } from '../i18n/languages';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { AlertActions } from './AlertActions';
import { type Alert, alertKeys, FEEDS, fetchAlert } from './api';
import { EvidenceChart } from './EvidenceChart';
import { RiskTag, StateTag, WarningTag } from './tags';

const isFeed = (feed: string): feed is (typeof FEEDS)[number] => (FEEDS as readonly string[]).includes(feed);

function baselineText(t: TFunction, alert: Alert): string {
  const { baseline } = alert.rule;
  if (baseline.kind === 'same_weekday_mean')
    return t('alerts.baselines.same_weekday_mean', { weeks: baseline.weeks });
  if (baseline.kind === 'daily_mean') return t('alerts.baselines.daily_mean', { days: baseline.days });
  return t('alerts.baselines.none');
}

function thresholdText(t: TFunction, alert: Alert): string {
  const { threshold } = alert.rule;
  if (threshold.kind === 'ratio_to_baseline')
    return t('alerts.thresholds.ratio_to_baseline', { ratio: threshold.ratio, minCount: threshold.minCount });
  return t('alerts.thresholds.at_least', { count: threshold.count });
}

function measureText(t: TFunction, language: Language, alert: Alert): string {
  if (alert.measureLabel) return pickText(language, alert.measureLabel.zh, alert.measureLabel.en);
  return isFeed(alert.feed) ? t(`alerts.feeds.${alert.feed}`) : '';
}

/** MON-4: one alert — what fired and why (evidence and chart), its handling, and the next step. */
export default function AlertDetailPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useParams().id ?? '';
  const mayHandle = usePermission('alert.handle');
  const query = useQuery({ queryKey: alertKeys.one(id), queryFn: () => fetchAlert(id) });
  const alert = query.data;
  const at = (iso: string) => formatDateTime(iso, language);
  const by = (name: string | null, iso: string | null) =>
    iso ? t('alerts.handling.by', { name: name ?? '', at: at(iso) }) : '';
  return (
    <>
      <Link to="/alerts">{t('alerts.back')}</Link>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {!alert ? (
        <Skeleton active />
      ) : (
        <>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} className="page-title" data-testid="alert-title">
              {alert.unitName}：{pickText(language, alert.rule.title.zh, alert.rule.title.en)}
            </Typography.Title>
            <StateTag state={alert.state} />
            {alert.riskLevel ? <RiskTag level={alert.riskLevel} /> : null}
          </Flex>
          {mayHandle ? <AlertActions alert={alert} /> : null}
          <Card title={t('alerts.evidence.title')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" data-testid="alert-evidence">
              <Descriptions.Item label={t('alerts.evidence.feed')}>
                {measureText(t, language, alert)}
              </Descriptions.Item>
              <Descriptions.Item label={t('alerts.evidence.level')}>
                {t(`alerts.levels.${alert.rule.level as 'town'}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('alerts.evidence.window')}>
                {alert.windowStart === alert.windowEnd
                  ? formatDay(alert.windowEnd, language)
                  : t('alerts.evidence.windowRange', {
                      from: formatDay(alert.windowStart, language),
                      to: formatDay(alert.windowEnd, language),
                      days: alert.rule.windowDays,
                    })}
              </Descriptions.Item>
              <Descriptions.Item label={t('alerts.evidence.value')}>
                <span data-testid="alert-window-value">{alert.windowValue}</span>
                {alert.ratio === null ? '' : t('alerts.ratio', { ratio: alert.ratio.toFixed(1) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('alerts.evidence.baseline')}>
                {alert.baseline === null
                  ? t('alerts.noBaseline')
                  : `${Number(alert.baseline.toFixed(2))}（${baselineText(t, alert)}）`}
              </Descriptions.Item>
              <Descriptions.Item label={t('alerts.evidence.threshold')}>
                {thresholdText(t, alert)}
              </Descriptions.Item>
              {alert.lastWindowEnd !== alert.windowEnd ? (
                <Descriptions.Item label={t('alerts.evidence.latest')}>
                  {t('alerts.evidence.latestValue', {
                    day: formatDay(alert.lastWindowEnd, language),
                    value: alert.lastWindowValue,
                  })}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Typography.Text type="secondary">{t('alerts.evidence.chart')}</Typography.Text>
            <EvidenceChart alert={alert} />
          </Card>
          <Card title={t('alerts.handling.title')} size="small">
            <Timeline
              data-testid="alert-handling"
              items={[
                { color: 'red', children: `${t('alerts.handling.raised')}：${at(alert.raisedAt)}` },
                ...(alert.acknowledgedAt
                  ? [
                      {
                        children: `${t('alerts.handling.acknowledged')}：${by(alert.acknowledgedByName, alert.acknowledgedAt)}`,
                      },
                    ]
                  : []),
                ...(alert.assessedAt
                  ? [
                      {
                        color: 'blue',
                        children: (
                          <>
                            <div>
                              {t('alerts.handling.assessed')}：{by(alert.assessedByName, alert.assessedAt)}{' '}
                              {alert.riskLevel ? <RiskTag level={alert.riskLevel} /> : null}
                            </div>
                            <div>
                              {t('alerts.handling.summary')}：{alert.assessmentSummary}
                            </div>
                            <div>
                              {t('alerts.handling.measures')}：{alert.measuresRecommended}
                            </div>
                          </>
                        ),
                      },
                    ]
                  : []),
                ...(alert.warningPublishedAt
                  ? [
                      {
                        color: 'orange',
                        children: (
                          <>
                            <div>
                              {t('alerts.handling.warning')}：
                              {by(alert.warningPublishedByName, alert.warningPublishedAt)}{' '}
                              {alert.warningLevel ? <WarningTag level={alert.warningLevel} /> : null}
                            </div>
                            <div>
                              {t('alerts.handling.warningJurisdiction')}：
                              {alert.warningJurisdictionName ?? ''}；{t('alerts.handling.audience')}：
                              {alert.warningAudience}
                            </div>
                            <div>
                              {t('alerts.handling.warningText')}：{alert.warningText}
                            </div>
                          </>
                        ),
                      },
                    ]
                  : []),
                ...(alert.closedAt
                  ? [
                      {
                        color: 'gray',
                        children: (
                          <>
                            <div>
                              {t('alerts.handling.closed')}：{by(alert.closedByName, alert.closedAt)}（
                              {alert.closeReason ? t(`alerts.closeReasons.${alert.closeReason}`) : ''}）
                            </div>
                            <div>
                              {t('alerts.handling.closeNote')}：{alert.closeNote}
                            </div>
                          </>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
