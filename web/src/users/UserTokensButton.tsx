import { KeyOutlined } from '@ant-design/icons';
import { Button, Drawer, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TokenTable } from '../account/TokenTable';
import { fetchUserTokens, revokeUserToken, type User, userKeys } from './api';

/** An administrator's view of one account's API tokens, to revoke one that leaked or is no longer needed. */
export function UserTokensButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="user-tokens">
        {t('account.admin.tokens')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('account.admin.title', { name: user.displayName })}
        size="large"
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('account.admin.intro')}</Typography.Paragraph>
        <TokenTable
          queryKey={userKeys.tokens(user.id)}
          fetch={() => fetchUserTokens(user.id)}
          revoke={(tokenId) => revokeUserToken(user.id, tokenId)}
        />
      </Drawer>
    </>
  );
}
