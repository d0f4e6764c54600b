import { Drawer, Grid, Layout, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useMe } from '../session/useSession';
import { AppHeader } from './AppHeader';
import { AppMenu } from './AppMenu';

/** The signed-in frame: header, side menu (a drawer on phones) and the current page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <Layout className="app-layout">
      <AppHeader compact={compact} onOpenMenu={() => setMenuOpen(true)} />
      <Layout>
        {compact ? (
          <Drawer
            placement="left"
            size={260}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            title={<Typography.Text data-testid="drawer-user-name">{me.displayName}</Typography.Text>}
            styles={{ body: { padding: 0 } }}
          >
            <AppMenu onNavigate={() => setMenuOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider width={200} theme="light" className="app-sider">
            <AppMenu />
          </Layout.Sider>
        )}
        <Layout.Content className={compact ? 'app-content app-content-compact' : 'app-content'}>
          <Suspense fallback={<Spin description={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
