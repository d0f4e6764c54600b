import { LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SESSION_KEY, signOut } from '../session/api';

/** Ends the session, forgets every cached answer, and returns to the login page. */
export function SignOutButton({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
      navigate('/login', { replace: true });
    },
  });
  return (
    <Button
      type="text"
      data-testid="sign-out"
      icon={<LogoutOutlined />}
      loading={mutation.isPending}
      onClick={() => mutation.mutate()}
      aria-label={t('header.signOut')}
    >
      {compact ? null : t('header.signOut')}
    </Button>
  );
}
