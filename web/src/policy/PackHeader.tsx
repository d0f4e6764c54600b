import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../common/formatDateTime';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { PackDetail } from './api';
import { SourceCitation } from './SourceCitation';

/** A pack's identity and pack-wide rules: cities treated as high-risk and adjustments (ARR-9). */
export function PackHeader({ pack }: { pack: PackDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const content = pack.content;
  const phase = (kind: string) => t(`arrivals.plan.phases.${kind as 'home_isolation'}`);
  return (
    <Card
      data-testid="pack-header"
      title={
        <Typography.Title level={3} className="page-title" style={{ margin: 0, whiteSpace: 'normal' }}>
          {pickText(language, pack.titleZh, pack.titleEn)}
        </Typography.Title>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('policy.detail.authority')}>
          {pickText(language, content.authority.zh, content.authority.en)}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.detail.version')}>
          <span data-testid="pack-version">{t('policy.detail.versionValue', { version: pack.version })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.detail.effective')}>
          {pack.effectiveTo
            ? t('policy.effectiveRange', {
                from: formatDay(pack.effectiveFrom, language),
                to: formatDay(pack.effectiveTo, language),
              })
            : t('policy.effectiveFrom', { from: formatDay(pack.effectiveFrom, language) })}
        </Descriptions.Item>
        {content.source ? (
          <Descriptions.Item label={t('policy.detail.source')} span="filled">
            <SourceCitation
              source={content.source}
              assumption={content.assumption}
              reason={content.reason}
              detailed
            />
          </Descriptions.Item>
        ) : null}
        {content.treatAsHighRisk?.length ? (
          <Descriptions.Item label={t('policy.detail.treatAsHighRisk')} span="filled">
            <Flex vertical gap={4} data-testid="pack-treat-as-high">
              {content.treatAsHighRisk.map((city) => (
                <Flex key={city.divisionCode} vertical>
                  <span>
                    <Tag color="red">{city.name}</Tag>
                    {city.divisionCode}
                  </span>
                  <SourceCitation
                    source={city.source}
                    assumption={city.assumption}
                    reason={city.reason}
                    detailed
                  />
                </Flex>
              ))}
            </Flex>
          </Descriptions.Item>
        ) : null}
        {content.adjustments?.length ? (
          <Descriptions.Item label={t('policy.detail.adjustments')} span="filled">
            <Flex vertical gap={4} data-testid="pack-adjustments">
              {content.adjustments.map((adjustment) => (
                <Flex
                  key={`${adjustment.replacePhase.from}:${String(adjustment.when.homeIsolationConditions)}`}
                  vertical
                >
                  <span>
                    {t('policy.detail.adjustment', {
                      when: t(
                        adjustment.when.homeIsolationConditions
                          ? 'policy.detail.withHome'
                          : 'policy.detail.withoutHome',
                      ),
                      from: phase(adjustment.replacePhase.from),
                      to: phase(adjustment.replacePhase.to),
                    })}
                  </span>
                  <SourceCitation
                    source={adjustment.source}
                    assumption={adjustment.assumption}
                    reason={adjustment.reason}
                    detailed
                  />
                </Flex>
              ))}
            </Flex>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
