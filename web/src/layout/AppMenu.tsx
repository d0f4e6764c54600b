import { Menu } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../session/useSession';
import { NAVIGATION } from './navigation';
import { selectedItem, visibleNavigation } from './visibleNavigation';

/**
 * The navigation menu: the user's pages by work area, those of their roles that they may open; the
 * same in the sider and the drawer. Every group starts open (a role has a dozen items at most) and
 * the current page's group opens again whenever the page changes, so its item is always in sight.
 */
export function AppMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const groups = useMemo(() => visibleNavigation(NAVIGATION, me), [me]);
  const current = selectedItem(groups, pathname);
  const currentGroup = current?.group.key;
  const [openKeys, setOpenKeys] = useState<string[]>(() => groups.map((group) => group.key));
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);
  const items = groups.map((group) => ({
    key: group.key,
    icon: <group.icon />,
    label: <span data-testid={`nav-group-${group.key}`}>{t(group.labelKey)}</span>,
    children: group.items.map((item) => ({
      key: item.path,
      icon: <item.icon />,
      label: <span data-testid={`nav-${item.path.slice(1)}`}>{t(item.labelKey)}</span>,
    })),
  }));
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={current ? [current.item.path] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
