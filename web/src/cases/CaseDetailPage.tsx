import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { CaseInvestigationLink } from '../investigations/CaseInvestigationLink';
import { type CaseChangeView, caseKeys, fetchCase } from './api';
import { CaseActions } from './CaseActions';
import { ClassTag, LateTag, StatusTag } from './CaseTags';

/** One case (CAS-1): the report card, its classification history with each review, and its actions. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useQuery({ queryKey: caseKeys.one(id), queryFn: () => fetchCase(id) });
  if (query.isLoading) return <Spin />;
  if (query.error || !query.data) return <ProblemAlert error={query.error} />;
  const c = query.data;
  const time = (value: string | null) => (value ? formatDateTime(value, language) : '—');
  const classWord = (value: CaseChangeView['toClassification'] | null) =>
    value ? t(`cases.class.${value}`) : '—';
  const columns: TableColumnsType<CaseChangeView> = [
    { key: 'at', title: t('cases.detail.changedAt'), render: (_, h) => time(h.changedAt) },
    {
      key: 'kind',
      title: t('cases.detail.change'),
      render: (_, h) => t(`cases.detail.historyKind.${h.kind}`),
    },
    {
      key: 'class',
      title: t('cases.fields.classification'),
      render: (_, h) =>
        h.kind === 'reclassify'
          ? `${classWord(h.fromClassification)} → ${classWord(h.toClassification)}`
          : classWord(h.toClassification),
    },
    { key: 'reason', title: t('cases.fields.reason'), render: (_, h) => h.reason ?? '—', responsive: ['sm'] },
    { key: 'by', title: t('cases.fields.reportedBy'), dataIndex: 'changedByName', responsive: ['md'] },
    {
      key: 'review',
      title: t('cases.fields.reviewedBy'),
      render: (_, h) =>
        h.reviewedAt ? (
          <>
            <Tag color="success">{t('cases.detail.reviewed')}</Tag>
            {h.reviewedByName} {time(h.reviewedAt)}
          </>
        ) : (
          <Tag color="processing">{t('cases.detail.awaiting')}</Tag>
        ),
    },
    {
      key: 'late',
      title: t('cases.fields.reviewDueAt'),
      render: (_, h) => <LateTag minutes={h.reviewLateMinutes} />,
    },
  ];
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {c.personName} <ClassTag value={c} /> <StatusTag value={c} />
      </Typography.Title>
      <CaseActions value={c} />
      <CaseInvestigationLink caseId={c.id} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="case-card">
          <Descriptions.Item label={t('cases.fields.idNumber')}>{c.personIdNumberMasked}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.jurisdiction')}>{c.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.origin')}>
            {t(`cases.origin.${c.origin}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.onsetAt')}>{time(c.onsetAt)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.sampledAt')}>{time(c.sampledAt)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.foundAt')}>{time(c.foundAt)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.reportedAt')}>
            {time(c.reportedAt)} <LateTag minutes={c.reportLateMinutes} />
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.confirmedAt')}>{time(c.confirmedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.reviewDueAt')}>{time(c.reviewDueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.reportingInstitution')}>
            {c.reportingInstitution}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.reportingDoctor')}>{c.reportingDoctor}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.reportedBy')}>{c.reportedByName}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.tube')}>{c.tubeBarcode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.currentLocation')}>
            {c.currentLocation ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.fields.exposureSummary')}>
            {c.exposureSummary ?? '—'}
          </Descriptions.Item>
          {c.discardReason ? (
            <Descriptions.Item label={t('cases.fields.discardReason')}>{c.discardReason}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Typography.Title level={5}>{t('cases.detail.history')}</Typography.Title>
      <Table<CaseChangeView>
        data-testid="case-history"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={c.history}
        scroll={{ x: 'max-content' }}
        onRow={() => rowTestId('case-history-row')}
        pagination={false}
      />
    </>
  );
}
