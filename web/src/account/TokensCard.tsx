import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchMyTokens, revokeToken, tokenKeys } from './api';
import { CreateTokenButton } from './CreateTokenButton';
import { TokenTable } from './TokenTable';

/** The signed-in user's own API tokens: create one, see each one's expiry and use, revoke one. */
export function TokensCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('account.tokens.title')} extra={<CreateTokenButton />} data-testid="tokens-card">
      <Typography.Paragraph type="secondary">{t('account.tokens.intro')}</Typography.Paragraph>
      <TokenTable queryKey={tokenKeys.mine} fetch={fetchMyTokens} revoke={revokeToken} />
    </Card>
  );
}
