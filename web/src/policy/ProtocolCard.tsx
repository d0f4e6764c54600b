import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Protocol } from '../../../src/rules/policy/types';
import { reagentsText } from '../arrivals/planLabels';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { matchPhrases, readingText } from './matchText';
import { SourceCitation } from './SourceCitation';

type Sourced = Pick<Protocol, 'source' | 'assumption' | 'reason'>;

/** One line of a protocol: what it says, then the clause behind it (and the assumption, when there is one). */
function Item({ children, item }: { children: ReactNode; item: Sourced }) {
  return (
    <Flex vertical gap={2} style={{ padding: '4px 0' }} data-testid="protocol-item">
      <span>{children}</span>
      <SourceCitation source={item.source} assumption={item.assumption} reason={item.reason} detailed />
    </Flex>
  );
}

/** A titled block of the card; empty lists say "none" so a reader knows nothing was left out. */
function Section({
  title,
  testId,
  empty = false,
  children,
}: {
  title: string;
  testId: string;
  empty?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId} style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary" strong>
        {title}
      </Typography.Text>
      {!empty ? (
        children
      ) : (
        <div>
          <Typography.Text type="secondary">{t('policy.detail.none')}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** A protocol as a reader sees it: whom it applies to, its phases, tests, restrictions and release. */
export function ProtocolCard({ protocol }: { protocol: Protocol }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const half = { xs: 24, lg: 12 };
  return (
    <Card
      size="small"
      data-testid="protocol-card"
      data-protocol={protocol.id}
      title={
        <Flex gap={8} wrap align="center" style={{ padding: '4px 0' }}>
          <Tag data-testid="protocol-rule">{protocol.rule}</Tag>
          <span style={{ whiteSpace: 'normal' }}>
            {pickText(language, protocol.title.zh, protocol.title.en)}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('policy.detail.priority', { priority: protocol.priority })}
          </Typography.Text>
        </Flex>
      }
    >
      <Row gutter={24}>
        <Col {...half}>
          <Section title={t('policy.detail.match')} testId="protocol-match">
            <Flex key="phrases" gap={4} wrap style={{ margin: '4px 0' }}>
              {matchPhrases(t, protocol.match).map((phrase) => (
                <Tag key={phrase}>{phrase}</Tag>
              ))}
            </Flex>
            {protocol.reading ? (
              <div key="reading" data-testid="protocol-reading" style={{ margin: '4px 0' }}>
                <Typography.Text strong style={{ fontSize: 12 }}>
                  {readingText(t, protocol.reading, protocol.match)}
                </Typography.Text>
                <SourceCitation
                  source={protocol.reading.source}
                  assumption={protocol.reading.assumption}
                  reason={protocol.reading.reason}
                  detailed
                />
              </div>
            ) : null}
            <div key="anchor" style={{ fontSize: 12 }}>
              {t('policy.detail.anchor')}
              {t('common.colon')}
              {t(`policy.detail.anchors.${protocol.anchor ?? 'arrival'}`)}
            </div>
            <SourceCitation
              key="source"
              source={protocol.source}
              assumption={protocol.assumption}
              reason={protocol.reason}
              detailed
            />
          </Section>
        </Col>
        <Col {...half}>
          <Section title={t('policy.detail.release')} testId="protocol-release">
            <div key="release">{pickText(language, protocol.release.zh, protocol.release.en)}</div>
          </Section>
          {(protocol.requirements ?? []).length > 0 ? (
            <Section title={t('policy.detail.requirements')} testId="protocol-requirements">
              {(protocol.requirements ?? []).map((requirement) => (
                <Item key={requirement.id} item={requirement}>
                  {t(`policy.requirements.${requirement.id}`, { hours: requirement.hours })}
                </Item>
              ))}
            </Section>
          ) : null}
        </Col>
        <Col {...half}>
          <Section
            title={t('policy.detail.phases')}
            testId="protocol-phases"
            empty={protocol.phases.length === 0}
          >
            {protocol.phases.map((phase) => (
              <Item key={`${phase.kind}:${phase.startDay}`} item={phase}>
                <strong>{t(`arrivals.plan.phases.${phase.kind}`)}</strong>{' '}
                {t('arrivals.plan.dayRange', { from: phase.startDay, to: phase.endDay })}
              </Item>
            ))}
          </Section>
          <Section
            title={t('policy.detail.restrictions')}
            testId="protocol-restrictions"
            empty={(protocol.restrictions ?? []).length === 0}
          >
            {(protocol.restrictions ?? []).map((restriction) => (
              <Item key={`${restriction.id}:${restriction.startDay}`} item={restriction}>
                {t(`arrivals.plan.restrictions.${restriction.id}`)}{' '}
                {t('arrivals.plan.dayRange', { from: restriction.startDay, to: restriction.endDay })}
              </Item>
            ))}
          </Section>
        </Col>
        <Col {...half}>
          <Section
            title={t('policy.detail.tests')}
            testId="protocol-tests"
            empty={protocol.tests.length === 0}
          >
            {protocol.tests.map((test) => {
              const reagents = reagentsText(t, test.reagents ?? 1);
              return (
                <Item key={`${test.kind}:${test.days.join(',')}`} item={test}>
                  <strong>{t(`arrivals.plan.tests.${test.kind}`)}</strong>{' '}
                  {t('policy.detail.testDays', { days: test.days.join(t('policy.detail.daySeparator')) })}{' '}
                  {reagents ? <Tag color="geekblue">{reagents}</Tag> : null}
                  {test.forRelease ? <Tag color="volcano">{t('arrivals.plan.forRelease')}</Tag> : null}
                </Item>
              );
            })}
          </Section>
        </Col>
      </Row>
    </Card>
  );
}
