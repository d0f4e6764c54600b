import { MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../session/useSession';
import { WorkBadge } from '../work/WorkBadge';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';

interface AppHeaderProps {
  compact: boolean;
  onOpenMenu: () => void;
}

/**
 * Product name, the count of my overdue work, the signed-in user, the language switch and sign-out;
 * a menu button on phones.
 */
export function AppHeader({ compact, onOpenMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Layout.Header className="app-header">
      <Flex align="center" gap={compact ? 8 : 16} style={{ height: '100%' }}>
        {compact ? (
          <Button
            type="text"
            className="app-header-button"
            icon={<MenuOutlined />}
            aria-label={t('header.openMenu')}
            data-testid="open-menu"
            onClick={onOpenMenu}
          />
        ) : null}
        <Typography.Text className="app-header-title" data-testid="product-name" ellipsis>
          {t('app.name')}
        </Typography.Text>
        <Flex align="center" gap={compact ? 4 : 12} style={{ marginLeft: 'auto' }}>
          <WorkBadge />
          {/* The user's name opens their own account page: password and API tokens. */}
          <Link
            to="/account"
            aria-label={t('account.link')}
            title={t('account.link')}
            data-testid="account-link"
          >
            {compact ? (
              <UserOutlined className="app-header-user" />
            ) : (
              <Typography.Text className="app-header-user" data-testid="user-display-name">
                {me.displayName}
              </Typography.Text>
            )}
          </Link>
          <LanguageSwitch />
          <SignOutButton compact={compact} />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
