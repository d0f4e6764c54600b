import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { LandingReport } from './api';

/** Who reported and what applies to them, in one cell: name, masked ID and phone, flags, protocol. */
export function ReportPerson({ report }: { report: LandingReport }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{report.personName}</Typography.Text>
      <Typography.Text type="secondary">{report.idNumberMasked}</Typography.Text>
      {report.phoneMasked ? <Typography.Text type="secondary">{report.phoneMasked}</Typography.Text> : null}
      <Space size={4} wrap>
        {report.truckDriver ? <Tag color="gold">{t('landing.truck')}</Tag> : null}
        {report.itineraryStar ? <Tag color="red">{t('landing.star')}</Tag> : null}
      </Space>
    </Space>
  );
}

export function ReportPlan({ report }: { report: LandingReport }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  // A claim is planned only once verified and matched to a person.
  if (!report.arrivalId) return <Tag>{t('landing.claim')}</Tag>;
  if (!report.planTitle) return <Tag>{t('landing.noPlan')}</Tag>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>{pickText(language, report.planTitle.zh, report.planTitle.en)}</Typography.Text>
      <Typography.Text type="secondary">{report.planRule}</Typography.Text>
    </Space>
  );
}

const STATE_COLORS: Record<LandingReport['state'], string> = {
  new: 'red',
  looked: 'orange',
  pushed: 'blue',
  verified: 'cyan',
  cleared: 'green',
  discarded: 'default',
};

export function ReportState({ report }: { report: LandingReport }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[report.state]} data-testid="landing-state" data-state={report.state}>
      {t(`landing.states.${report.state}`)}
    </Tag>
  );
}
