import { Card, Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DischargeFollowUp, TriggerRule } from '../../../src/rules/policy/outbreakTypes';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { SourceCitation } from './SourceCitation';

/** The requirements the two sections implement, shown as tags (never inside a sentence). */
const TRIGGERS_RULE = 'MON-4';
const DISCHARGE_RULE = 'CAS-3';

/** The series this page names in words; a feed it does not know yet reads as a surveillance count. */
const MEASURES = [
  'drug_sales/sales',
  'drug_sales/antipyretic',
  'drug_sales/antitussive',
  'drug_sales/antiviral',
  'drug_sales/antibiotic',
  'fever_visits/visits',
  'environment_samples/positives',
  'school_absence/absent_ill',
  'ili/ili_visits',
  'ili/ili_share_permille',
  'pneumonia/cases',
] as const;
type MeasureKey = (typeof MEASURES)[number] | 'other';

function measureKey(rule: TriggerRule): MeasureKey {
  const key = `${rule.feed}/${rule.measure}`;
  return MEASURES.find((m) => m === key) ?? 'other';
}

/**
 * A trigger rule in words (MON-4): "乡镇四类药品销售量高于近4周同星期均值2倍且不少于20人次". Exported for
 * the alerts pages, which say which rule fired.
 */
export function triggerRuleText(t: TFunction, rule: TriggerRule): string {
  const key = measureKey(rule);
  const where =
    rule.level === 'site'
      ? rule.feed === 'school_absence'
        ? t('policy.triggers.sites.school_absence')
        : t('policy.triggers.levels.site')
      : t(`policy.triggers.levels.${rule.level}`);
  const common = {
    where,
    window: rule.windowDays > 1 ? t('policy.triggers.window', { days: rule.windowDays }) : '',
    measure: t(`policy.triggers.measures.${key}`),
    unit: t(`policy.triggers.units.${key}`),
  };
  if (rule.threshold.kind === 'at_least') {
    return t('policy.triggers.atLeast', { ...common, count: rule.threshold.count });
  }
  const baseline =
    rule.baseline.kind === 'same_weekday_mean'
      ? t('policy.triggers.baselines.same_weekday_mean', { weeks: rule.baseline.weeks })
      : rule.baseline.kind === 'daily_mean'
        ? t('policy.triggers.baselines.daily_mean', { days: rule.baseline.days })
        : '';
  return t('policy.triggers.ratio', {
    ...common,
    baseline,
    ratio: rule.threshold.ratio,
    min: rule.threshold.minCount,
  });
}

/** MON-4: the pack's multi-point trigger rules, each in words with its clause. */
export function TriggerRulesCard({ rules }: { rules: TriggerRule[] | undefined }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const list = rules ?? [];
  return (
    <Card
      size="small"
      data-testid="pack-triggers"
      title={
        <Flex gap={8} wrap align="center" style={{ padding: '4px 0' }}>
          <Tag>{TRIGGERS_RULE}</Tag>
          <span>
            {t('policy.triggers.title')}
            {list.length > 0 ? t('policy.triggers.count', { count: list.length }) : null}
          </span>
        </Flex>
      }
    >
      {list.length === 0 ? (
        <Typography.Text type="secondary">{t('policy.triggers.none')}</Typography.Text>
      ) : (
        list.map((rule) => (
          <Flex
            key={rule.id}
            vertical
            gap={2}
            style={{ padding: '6px 0' }}
            data-testid="trigger-rule"
            data-rule={rule.id}
          >
            <Typography.Text strong>{pickText(language, rule.title.zh, rule.title.en)}</Typography.Text>
            <Flex gap={6} wrap align="center">
              <span data-testid="trigger-rule-text">{triggerRuleText(t, rule)}</span>
              {rule.proposeWarning ? <Tag color="volcano">{t('policy.triggers.proposeWarning')}</Tag> : null}
            </Flex>
            <SourceCitation source={rule.source} assumption={rule.assumption} reason={rule.reason} detailed />
          </Flex>
        ))
      )}
    </Card>
  );
}

/** CAS-3: the isolation and follow-up after discharge, step by step with its clause. */
export function DischargeFollowUpCard({ followUp }: { followUp: DischargeFollowUp | undefined }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card
      size="small"
      data-testid="pack-discharge"
      title={
        <Flex gap={8} wrap align="center" style={{ padding: '4px 0' }}>
          <Tag>{DISCHARGE_RULE}</Tag>
          <span>{t('policy.discharge.title')}</span>
          {followUp ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('policy.discharge.dayZero')}
            </Typography.Text>
          ) : null}
        </Flex>
      }
    >
      {!followUp ? (
        <Typography.Text type="secondary">{t('policy.discharge.none')}</Typography.Text>
      ) : (
        followUp.steps.map((step) => (
          <Flex
            key={`${step.kind}:${step.day}`}
            vertical
            gap={2}
            style={{ padding: '6px 0' }}
            data-testid="discharge-step"
          >
            <span>
              <strong>{t(`policy.discharge.kinds.${step.kind}`)}</strong>{' '}
              {step.untilDay !== undefined
                ? t('policy.discharge.dayRange', { from: step.day, to: step.untilDay })
                : t('policy.discharge.day', { day: step.day })}
              {step.test ? (
                <Tag style={{ marginInlineStart: 6 }}>{t(`arrivals.plan.tests.${step.test}`)}</Tag>
              ) : null}
            </span>
            <Typography.Text type="secondary">
              {pickText(language, step.title.zh, step.title.en)}
            </Typography.Text>
            <SourceCitation source={step.source} assumption={step.assumption} reason={step.reason} detailed />
          </Flex>
        ))
      )}
    </Card>
  );
}
