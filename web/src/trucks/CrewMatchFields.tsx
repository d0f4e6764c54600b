import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../src/api/landing';
import { fetchCrewCandidates, type TruckReport } from './api';

/** The form's value for a crew member: a candidate's id, or NEW to register a new person. */
export const NEW_PERSON = 'new';

function CandidateLabel({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <span>{candidate.name}</span>
      <Typography.Text type="secondary">{candidate.idNumberMasked}</Typography.Text>
      <Typography.Text type="secondary">
        {candidate.jurisdictionName ?? candidate.jurisdictionCode}
      </Typography.Text>
      {candidate.nameDiffers ? <Tag color="red">{t('trucks.match.nameDiffers')}</Tag> : null}
      {candidate.phoneDiffers ? <Tag color="orange">{t('trucks.match.phoneDiffers')}</Tag> : null}
      {candidate.jurisdictionDiffers ? <Tag color="gold">{t('trucks.match.elsewhere')}</Tag> : null}
    </Space>
  );
}

/**
 * Before a stay-over makes the crew arrivals, staff say who each one is (B5: a pre-report is a
 * claim): a person of their jurisdiction with the reported ID number, differences marked, or a new
 * person. Form fields `crew_<position>`.
 */
export function CrewMatchFields({ report }: { report: TruckReport }) {
  const { t } = useTranslation();
  const candidates = useQuery({
    queryKey: ['trucks', 'candidates', report.id],
    queryFn: () => fetchCrewCandidates(report.id),
  });
  if (candidates.error) return <Alert type="error" showIcon message={t('trucks.match.loadFailed')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('trucks.match.hint')}</Typography.Paragraph>
      {report.crew.map((member) => {
        const found = candidates.data?.find((c) => c.position === member.position)?.candidates ?? [];
        return (
          <Form.Item
            key={member.position}
            name={`crew_${member.position}`}
            label={t('trucks.match.member', { name: member.name, id: member.idNumberMasked })}
            rules={[{ required: true, message: t('trucks.match.required') }]}
            initialValue={found.length === 0 && candidates.data ? NEW_PERSON : undefined}
          >
            <Select
              loading={candidates.isPending}
              data-testid={`truck-crew-match-${member.position}`}
              options={[
                ...found.map((c) => ({ value: c.personId, label: <CandidateLabel candidate={c} /> })),
                ...(found.length === 0 ? [{ value: NEW_PERSON, label: t('trucks.match.registerNew') }] : []),
              ]}
            />
          </Form.Item>
        );
      })}
    </>
  );
}
