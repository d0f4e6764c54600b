import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Empty, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { fetchReports, landingKeys } from './api';
import { VerifyCard } from './VerifyCard';

/** The community's page (ARR-11 "逐人核实,当日反馈"): reports pushed here, one card per person. */
export default function LandingVerifyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<'pushed' | 'cleared'>('pushed');
  const query = useQuery({
    queryKey: landingKeys.list(tab, undefined, 1),
    queryFn: () => fetchReports(tab, undefined, 1, 100),
    refetchInterval: 60_000,
  });
  const onSaved = () => {
    message.success(t('landing.verify.saved'));
    void queryClient.invalidateQueries({ queryKey: landingKeys.all });
  };
  const items = query.data?.items ?? [];
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('landing.verify.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('landing.verify.hint')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as 'pushed' | 'cleared')}
        items={[
          {
            key: 'pushed',
            label: <span data-testid="verify-tab-pending">{t('landing.verify.tabs.pending')}</span>,
          },
          {
            key: 'cleared',
            label: <span data-testid="verify-tab-done">{t('landing.verify.tabs.done')}</span>,
          },
        ]}
      />
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {items.map((report) => (
        <VerifyCard key={report.id} report={report} onSaved={onSaved} />
      ))}
      {query.isSuccess && items.length === 0 ? <Empty description={t('landing.verify.empty')} /> : null}
    </>
  );
}
