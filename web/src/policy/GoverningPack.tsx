import { Alert, Card, Flex, Form, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { JurisdictionName, useJurisdictionName } from '../jurisdictions/JurisdictionName';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import type { Assignments, PackSummary } from './api';
import { packName } from './impactText';

interface GoverningPackProps {
  jurisdiction: string | undefined;
  onJurisdiction: (code: string | undefined) => void;
  data: Assignments | undefined;
  /** The loaded packs, so an assignment reads as the pack's title and version, not its id. */
  packs: readonly PackSummary[] | undefined;
  error: unknown;
}

/** The pack that plans new arrivals into the chosen jurisdiction, and the assignments beneath it. */
export function GoverningPack({ jurisdiction, onJurisdiction, data, packs, error }: GoverningPackProps) {
  const { t } = useTranslation();
  const governing = data?.governing;
  const inheritedFrom = useJurisdictionName(governing?.jurisdictionCode);
  return (
    <Card title={t('policy.governing.title')} style={{ marginBottom: 16 }} data-testid="governing-pack">
      <Form layout="vertical">
        <Form.Item label={t('policy.governing.jurisdiction')} style={{ maxWidth: 420 }}>
          <JurisdictionTreeSelect<string>
            value={jurisdiction}
            onChange={(code) => onJurisdiction(code || undefined)}
            data-testid="governing-jurisdiction"
          />
        </Form.Item>
      </Form>
      {error ? <ProblemAlert error={error} /> : null}
      {data && !governing ? (
        <Alert type="warning" showIcon title={t('policy.governing.none')} data-testid="governing-none" />
      ) : null}
      {governing ? (
        <Flex gap={8} wrap align="center" data-testid="governing-current">
          <Tag color="green">{t('policy.current')}</Tag>
          <Link to={`/policy/${governing.packId}/${governing.packVersion}`} data-testid="governing-link">
            {packName(t, packs, governing.packId, governing.packVersion)}
          </Link>
          {governing.jurisdictionCode !== jurisdiction ? (
            <Typography.Text type="secondary">
              {t('policy.governing.inherited', { name: inheritedFrom })}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      {data && data.within.length > 0 ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('policy.governing.within')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="assignments-within">
            {data.within.map((item) => (
              <li key={item.jurisdictionCode}>
                <JurisdictionName code={item.jurisdictionCode} /> →{' '}
                <Link to={`/policy/${item.packId}/${item.packVersion}`}>
                  {packName(t, packs, item.packId, item.packVersion)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
