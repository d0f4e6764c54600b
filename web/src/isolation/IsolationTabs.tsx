import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission, type Permission } from '../session/api';
import { useMe } from '../session/useSession';

/** The isolation pages (ISO-*), one tab each, for the ones the user may read. */
const PAGES: ReadonlyArray<{ path: string; labelKey: string; permission: Permission }> = [
  { path: '/isolation', labelKey: 'isolationDemand.nav', permission: 'isolation.read' },
  { path: '/isolation/stays', labelKey: 'isolationStays.nav', permission: 'isolation.read' },
  { path: '/isolation/release', labelKey: 'isolationRelease.nav', permission: 'isolation.read' },
  { path: '/isolation/sites', labelKey: 'isolationSites.nav', permission: 'isolation.read' },
  { path: '/monitoring', labelKey: 'healthMonitoring.nav', permission: 'isolation.read' },
];

/**
 * Tabs across the isolation pages: the menu names one or two of them per role (a short menu), and
 * these reach the rest from any of them. The overview's path is a prefix of the others, so the
 * longest matching path is the active tab.
 */
export function IsolationTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const pages = PAGES.filter((page) => hasPermission(me, page.permission));
  const active = pages
    .filter((page) => pathname === page.path || pathname.startsWith(`${page.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return (
    <Tabs
      activeKey={active?.path ?? ''}
      onChange={(path) => navigate(path)}
      items={pages.map((page) => ({ key: page.path, label: t(page.labelKey as 'isolationSites.nav') }))}
    />
  );
}
