import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordCard } from './PasswordCard';
import { TokensCard } from './TokensCard';

/** The signed-in user's own account: their password and their API tokens. */
export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('account.title')}
      </Typography.Title>
      <Flex vertical gap={16}>
        <PasswordCard />
        <TokensCard />
      </Flex>
    </>
  );
}
