import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CoExposurePanel } from '../coExposure/CoExposurePanel';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { AssignCard } from './AssignCard';
import { fetchCaseContacts, fetchInvestigation, type InvestigationDetail, investigationKeys } from './api';
import { DeadlineTag, StatusTag } from './DeadlineTag';
import { ExposuresCard, GoodsCard } from './FindingsCards';
import { FirstCard, ReportCard } from './ReportCard';
import { TimelineCard } from './TimelineCard';

/** CONTACTS' list of the case's contacts, when the contacts routes answer. */
function ContactsCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const contacts = useQuery({
    queryKey: ['contacts', 'ofCase', caseId],
    queryFn: () => fetchCaseContacts(caseId),
    retry: false,
  });
  return (
    <Card
      title={t('investigations.contacts.title')}
      extra={<Link to={`/contacts?caseId=${caseId}`}>{t('investigations.contacts.all')}</Link>}
      style={{ marginBottom: 16 }}
    >
      {contacts.error ? (
        <Typography.Text type="secondary">{t('investigations.contacts.unavailable')}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={contacts.isLoading}
          dataSource={contacts.data?.items ?? []}
          locale={{ emptyText: t('investigations.contacts.empty') }}
          renderItem={(c) => (
            <List.Item>
              <Link to={`/contacts/${c.id}`}>{c.personName ?? '—'}</Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Header({ view }: { view: InvestigationDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('investigations.fields.person')}>
          <Space wrap size={4}>
            <span>{view.personName}</span>
            <Typography.Text type="secondary">{view.personIdNumberMasked}</Typography.Text>
            <Tag>{t(`investigations.classification.${view.classification as 'confirmed'}`)}</Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('investigations.fields.status')}>
          <StatusTag status={view.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('investigations.fields.reportedAt')}>
          {formatDateTime(view.reportedAt, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('investigations.fields.first')}>
          <DeadlineTag deadline={view.first} />
        </Descriptions.Item>
        <Descriptions.Item label={t('investigations.fields.complete')}>
          <DeadlineTag deadline={view.complete} />
        </Descriptions.Item>
        <Descriptions.Item label={t('investigations.fields.jurisdiction')}>
          {view.jurisdictionName}
        </Descriptions.Item>
      </Descriptions>
      <Link to={`/cases/${view.caseId}`}>{t('investigations.caseLink')}</Link>
    </Card>
  );
}

/**
 * The investigation workspace of a case (EPI-1, EPI-2, EPI-6): deadlines, assignment, the 14-day
 * timeline, exposures, goods traced with people, the first investigation, the report and its
 * review, the co-exposure search (EPI-3) and the case's contacts (EPI-4).
 */
export default function InvestigationPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const mayContacts = usePermission('contact.read');
  const mayCoExposure = usePermission('investigation.read');
  const query = useQuery({
    queryKey: investigationKeys.one(caseId),
    queryFn: () => fetchInvestigation(caseId),
  });
  const view = query.data;
  return (
    <>
      <Link to="/investigations">{`← ${t('investigations.back')}`}</Link>
      <Typography.Title level={3} className="page-title">
        {view ? `${t('investigations.workspace')}：${view.personName}` : t('investigations.workspace')}
      </Typography.Title>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {view ? (
        <div data-testid="investigation-workspace">
          <Header view={view} />
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <FirstCard view={view} />
              <TimelineCard view={view} />
              <ExposuresCard view={view} />
              <GoodsCard view={view} />
              <ReportCard view={view} />
            </Col>
            <Col xs={24} xl={10}>
              <AssignCard view={view} />
              {mayContacts ? <ContactsCard caseId={view.caseId} /> : null}
            </Col>
          </Row>
          {mayCoExposure && view.status !== 'closed' ? (
            <Card title={t('investigations.coExposure.title')} style={{ marginBottom: 16 }}>
              <CoExposurePanel caseId={view.caseId} />
            </Card>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
