import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Flex, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemText } from '../common/problemText';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { fetchUsers, setUserActive, type User, userKeys } from './api';
import { CreateUserButton } from './CreateUserButton';
import { UserTokensButton } from './UserTokensButton';
import { useRoleLabel } from './useRoleLabel';

/** Accounts administered within the user's jurisdiction; administrators create and disable them. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canAdmin = usePermission('user.admin');
  const roleLabel = useRoleLabel();
  const query = useQuery({ queryKey: userKeys.list, queryFn: fetchUsers });
  const activeMutation = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => setUserActive(id, active),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.list }),
    onError: (error) => message.error(problemText(error, language, t)),
  });
  const columns: TableColumnsType<User> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, user) => user.roles.map((role) => <Tag key={role}>{roleLabel(role)}</Tag>),
    },
    {
      key: 'scopes',
      title: t('users.scopes'),
      render: (_, user) => user.scopes.join(', '),
      responsive: ['md'],
    },
    {
      key: 'status',
      title: t('users.status'),
      render: (_, user) => (
        <Flex gap={8} align="center">
          <Switch
            size="small"
            checked={user.active}
            disabled={!canAdmin}
            loading={activeMutation.isPending && activeMutation.variables?.id === user.id}
            onChange={(active) => activeMutation.mutate({ id: user.id, active })}
            aria-label={t('users.active')}
            data-testid="user-active"
          />
          {user.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
        </Flex>
      ),
    },
    ...(canAdmin
      ? [
          {
            key: 'tokens',
            title: t('account.tokens.title'),
            render: (_: unknown, user: User) => <UserTokensButton user={user} />,
          },
        ]
      : []),
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('nav.users')}
        </Typography.Title>
        {canAdmin ? <CreateUserButton /> : null}
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<User>
        data-testid="user-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={() => rowTestId('user-row')}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </>
  );
}
