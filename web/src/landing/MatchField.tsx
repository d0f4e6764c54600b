import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchCandidates, type LandingReport } from './api';

/** The match's form value for a new person registered from the report. */
export const NEW_PERSON = 'new';

/**
 * Who the verified traveller is (B5: a report is a claim): a registered person of the verifier's
 * jurisdiction with the reported ID number, with what differs from the report marked, or a new
 * person when none is registered. Form field `match`.
 */
export function MatchField({ report }: { report: LandingReport }) {
  const { t } = useTranslation();
  const candidates = useQuery({
    queryKey: ['landing', 'candidates', report.id],
    queryFn: () => fetchCandidates(report.id),
  });
  if (candidates.error) return <Alert type="error" showIcon message={t('landing.verify.candidatesFailed')} />;
  const found = candidates.data ?? [];
  return (
    <Form.Item
      name="match"
      label={t('landing.verify.match')}
      extra={t('landing.verify.matchHint')}
      rules={[{ required: true, message: t('landing.verify.matchRequired') }]}
    >
      <Radio.Group data-testid="verify-match">
        <Space orientation="vertical">
          {found.map((c) => (
            <Radio key={c.personId} value={c.personId}>
              <Space size={4} wrap>
                <span>{c.name}</span>
                <Typography.Text type="secondary">{c.idNumberMasked}</Typography.Text>
                <Typography.Text type="secondary">{c.jurisdictionName ?? c.jurisdictionCode}</Typography.Text>
                {c.nameDiffers ? <Tag color="red">{t('landing.verify.nameDiffers')}</Tag> : null}
                {c.phoneDiffers ? <Tag color="orange">{t('landing.verify.phoneDiffers')}</Tag> : null}
                {c.jurisdictionDiffers ? <Tag color="gold">{t('landing.verify.elsewhere')}</Tag> : null}
              </Space>
            </Radio>
          ))}
          {candidates.data && found.length === 0 ? (
            <Radio value={NEW_PERSON} data-testid="verify-register-new">
              {t('landing.verify.registerNew')}
            </Radio>
          ) : null}
        </Space>
      </Radio.Group>
    </Form.Item>
  );
}
