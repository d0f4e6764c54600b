import { useQuery } from '@tanstack/react-query';
import { Collapse, Flex, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { fetchPack, policyKeys } from './api';
import { DischargeFollowUpCard, TriggerRulesCard } from './OutbreakSections';
import { PackHeader } from './PackHeader';
import { ProtocolCard } from './ProtocolCard';

/**
 * One pack version, readable: every protocol with its clause citations, the trigger rules (MON-4) and
 * the follow-up after discharge (CAS-3) in words, and the YAML it came from.
 */
export default function PackDetailPage() {
  const { t } = useTranslation();
  const { id = '', version = '' } = useParams();
  const query = useQuery({ queryKey: policyKeys.pack(id, version), queryFn: () => fetchPack(id, version) });
  const pack = query.data;
  return (
    <>
      <Flex style={{ marginBottom: 12 }}>
        <Link to="/policy" data-testid="back-to-policy">
          {t('policy.detail.back')}
        </Link>
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {pack ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="pack-detail">
          <PackHeader pack={pack} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('policy.detail.protocols', { count: pack.content.protocols.length })}
          </Typography.Title>
          {pack.content.protocols.map((protocol) => (
            <ProtocolCard key={protocol.id} protocol={protocol} />
          ))}
          <TriggerRulesCard rules={pack.content.triggers} />
          <DischargeFollowUpCard followUp={pack.content.dischargeFollowUp} />
          <Collapse
            data-testid="pack-yaml"
            items={[
              {
                key: 'yaml',
                label: t('policy.detail.yaml'),
                children: (
                  <pre className="json-block" style={{ maxHeight: 480 }} data-testid="pack-yaml-text">
                    {pack.sourceText}
                  </pre>
                ),
              },
            ]}
          />
        </Space>
      ) : query.isPending ? (
        <Skeleton active />
      ) : null}
    </>
  );
}
