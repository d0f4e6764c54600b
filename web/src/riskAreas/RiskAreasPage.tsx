import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermission } from '../session/useSession';
import { AreaImport } from './AreaImport';
import { AreaList } from './AreaList';
import { ClassifyPanel } from './ClassifyPanel';
import { OverridesPanel } from './OverridesPanel';

const TABS = ['areas', 'classify', 'overrides', 'import'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => TABS.includes(value as TabKey);

/**
 * ZON-5, ARR-7, ARR-9: other regions' published risk areas with their history, whole-city
 * overrides, an origin's classification at a given time, and the import of published lists.
 */
export default function RiskAreasPage() {
  const { t } = useTranslation();
  const canWrite = usePermission('risk_area.write');
  const [params, setParams] = useSearchParams();
  const tab = isTab(params.get('tab')) ? (params.get('tab') as TabKey) : 'areas';
  const items = [
    { key: 'areas', label: t('riskAreas.tabs.areas'), children: <AreaList canWrite={canWrite} /> },
    { key: 'classify', label: t('riskAreas.tabs.classify'), children: <ClassifyPanel /> },
    {
      key: 'overrides',
      label: t('riskAreas.tabs.overrides'),
      children: <OverridesPanel canWrite={canWrite} />,
    },
    ...(canWrite ? [{ key: 'import', label: t('riskAreas.tabs.import'), children: <AreaImport /> }] : []),
  ];
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('riskAreas.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('riskAreas.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        items={items}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        data-testid="risk-area-tabs"
      />
    </>
  );
}
