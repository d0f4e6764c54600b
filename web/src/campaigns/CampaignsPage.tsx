import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../session/useSession';
import { CampaignList } from './CampaignList';
import { CreateCampaignForm } from './CreateCampaignForm';

/** TST-6 … TST-9: the campaigns of the caller's subtree and, for planners, a new one with its plan. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const canPlan = usePermission('testing.plan');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} className="page-title">
          {t('campaigns.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('campaigns.intro')}</Typography.Paragraph>
      </div>
      <CampaignList canPlan={canPlan} />
      {canPlan ? <CreateCampaignForm /> : null}
    </Space>
  );
}
