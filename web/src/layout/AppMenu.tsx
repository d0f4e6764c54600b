import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission } from '../session/api';
import { useMe } from '../session/useSession';
import { NAVIGATION } from './navigation';

/** The navigation menu, filtered by the user's permissions; the same in the sider and the drawer. */
export function AppMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = NAVIGATION.filter((item) => hasPermission(me, item.permission)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: <span data-testid={`nav-${item.path.slice(1)}`}>{t(item.labelKey)}</span>,
  }));
  // The longest matching path wins: /sampling/sites is its own entry, not /sampling's.
  const selected = NAVIGATION.filter(
    (item) => pathname === item.path || pathname.startsWith(`${item.path}/`),
  ).sort((a, b) => b.path.length - a.path.length)[0]?.path;
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
