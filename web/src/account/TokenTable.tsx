import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemText } from '../common/problemText';
import { rowTestId, testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import type { ApiTokenRecord } from './api';

const STATUS_COLOR = { active: 'green', expired: 'default', revoked: 'red' } as const;

interface TokenTableProps {
  queryKey: QueryKey;
  fetch: () => Promise<ApiTokenRecord[]>;
  revoke: (id: string) => Promise<ApiTokenRecord>;
}

/** API tokens: what each is for, its state, expiry and use; a live one can be revoked. */
export function TokenTable({ queryKey, fetch, revoke }: TokenTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey, queryFn: fetch });
  const revocation = useMutation({
    mutationFn: revoke,
    onSuccess: () => {
      message.success(t('account.tokens.revoked'));
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => message.error(problemText(error, language, t)),
  });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language) : t('account.tokens.never'));
  const columns: TableColumnsType<ApiTokenRecord> = [
    { key: 'name', title: t('account.tokens.name'), dataIndex: 'name' },
    {
      key: 'status',
      title: t('account.tokens.status'),
      render: (_, token) => {
        const tag = (
          <Tag color={STATUS_COLOR[token.status]}>{t(`account.tokens.statuses.${token.status}`)}</Tag>
        );
        return token.revokedReason ? (
          <Tooltip title={t(`account.tokens.reasons.${token.revokedReason}`)}>{tag}</Tooltip>
        ) : (
          tag
        );
      },
    },
    { key: 'expiresAt', title: t('account.tokens.expiresAt'), render: (_, token) => when(token.expiresAt) },
    {
      key: 'lastUsedAt',
      title: t('account.tokens.lastUsedAt'),
      render: (_, token) => when(token.lastUsedAt),
    },
    {
      key: 'firstUsedAt',
      title: t('account.tokens.firstUsedAt'),
      render: (_, token) => when(token.firstUsedAt),
      responsive: ['lg'],
    },
    {
      key: 'createdAt',
      title: t('account.tokens.createdAt'),
      render: (_, token) => when(token.createdAt),
      responsive: ['md'],
    },
    {
      key: 'actions',
      title: t('account.tokens.actions'),
      render: (_, token) =>
        token.status === 'active' ? (
          <Popconfirm
            title={t('account.tokens.revokeConfirm')}
            okText={t('account.tokens.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, ...testId('token-revoke-confirm') }}
            onConfirm={() => revocation.mutateAsync(token.id)}
          >
            <Button danger size="small" data-testid="token-revoke">
              {t('account.tokens.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<ApiTokenRecord>
        data-testid="token-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={() => rowTestId('token-row')}
        locale={{ emptyText: t('account.tokens.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </>
  );
}
