import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission, type Permission } from '../session/api';
import { useMe } from '../session/useSession';

/** The tracing pages (EPI-*, HC-2), one tab each, for the ones the user may read. */
const PAGES: ReadonlyArray<{ path: string; labelKey: string; permission: Permission }> = [
  { path: '/investigations', labelKey: 'investigations.nav', permission: 'investigation.read' },
  { path: '/contacts', labelKey: 'contacts.nav', permission: 'contact.read' },
  { path: '/chains', labelKey: 'chains.nav', permission: 'investigation.read' },
  { path: '/venues', labelKey: 'venues.nav', permission: 'venue.read' },
  { path: '/epi-teams', labelKey: 'epiTeams.nav', permission: 'investigation.read' },
];

/**
 * Tabs across the tracing pages: the menu names one or two of them per role (a short menu), and
 * these reach the rest from any of them.
 */
export function TracingTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const pages = PAGES.filter((page) => hasPermission(me, page.permission));
  const active = pages.find((page) => pathname === page.path || pathname.startsWith(`${page.path}/`));
  return (
    <Tabs
      activeKey={active?.path ?? ''}
      onChange={(path) => navigate(path)}
      items={pages.map((page) => ({ key: page.path, label: t(page.labelKey as 'venues.nav') }))}
    />
  );
}
