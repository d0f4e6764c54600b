import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { useMe } from '../session/useSession';
import { TracingTabs } from '../tracing/TracingTabs';
import { ReservePanel } from './ReservePanel';
import { TeamsPanel } from './TeamsPanel';
import { WorkloadPanel } from './WorkloadPanel';

const TABS = ['teams', 'reserve', 'workload'] as const;
type Tab = (typeof TABS)[number];

/**
 * EPI-6 (003 §3.4.6): the investigation teams and their members, the big-data working group per
 * county, the epi assistants in reserve per village (3–5) and the workload per investigator. The
 * jurisdiction, tab and reserve status live in the URL, so the dashboard's figures open this page.
 */
export default function EpiTeamsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const jurisdiction = params.get('jurisdiction') || me.scopes[0];
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'teams';
  const update = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  return (
    <>
      <TracingTabs />
      <Typography.Title level={3} className="page-title">
        {t('epiTeams.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('epiTeams.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('epiTeams.jurisdiction')}</span>
        <div style={{ minWidth: 240 }}>
          <JurisdictionTreeSelect<string>
            value={jurisdiction}
            onChange={(value) => update({ jurisdiction: value })}
            data-testid="epi-teams-jurisdiction"
          />
        </div>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'teams' ? undefined : key, status: undefined })}
        items={[
          {
            key: 'teams',
            label: t('epiTeams.tabs.teams'),
            children: <TeamsPanel jurisdiction={jurisdiction} />,
          },
          {
            key: 'reserve',
            label: t('epiTeams.tabs.reserve'),
            children: (
              <ReservePanel
                jurisdiction={jurisdiction}
                status={params.get('status') || undefined}
                onStatus={(status) => update({ status })}
              />
            ),
          },
          {
            key: 'workload',
            label: t('epiTeams.tabs.workload'),
            children: <WorkloadPanel jurisdiction={jurisdiction} />,
          },
        ]}
        data-testid="epi-teams-tabs"
      />
    </>
  );
}
