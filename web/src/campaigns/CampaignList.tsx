import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { type Campaign, type CampaignStatus, listCampaigns, setCampaignStatus } from './api';

const STATUS_COLOR: Record<CampaignStatus, string> = { planned: 'blue', active: 'green', closed: 'default' };

export function CampaignList({ canPlan }: { canPlan: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['campaigns', 'list'], queryFn: listCampaigns });
  const status = useMutation({
    mutationFn: ({ id, next }: { id: string; next: CampaignStatus }) => setCampaignStatus(id, next),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] }),
  });
  if (query.error) return <ProblemAlert error={query.error} />;
  return (
    <>
      {status.error ? <ProblemAlert error={status.error} /> : null}
      <Table<Campaign>
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={query.data ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: t('campaigns.list.empty') }}
        data-testid="campaign-list"
        columns={[
          {
            title: t('campaigns.list.name'),
            render: (_v, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link>,
          },
          { title: t('campaigns.list.jurisdiction'), dataIndex: 'jurisdictionName' },
          {
            title: t('campaigns.list.poolSize'),
            render: (_v, c) => t('campaigns.list.poolValue', { n: c.poolSize }),
          },
          { title: t('campaigns.list.startsAt'), render: (_v, c) => formatDateTime(c.startsAt, language) },
          { title: t('campaigns.list.dueAt'), render: (_v, c) => formatDateTime(c.dueAt, language) },
          {
            title: t('campaigns.list.status'),
            render: (_v, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`campaigns.status.${c.status}`)}</Tag>,
          },
          {
            title: t('campaigns.list.actions'),
            render: (_v, c) => (
              <Space wrap>
                <Link to={`/campaigns/${c.id}`}>{t('campaigns.list.open')}</Link>
                {canPlan && c.status === 'planned' ? (
                  <Button size="small" onClick={() => status.mutate({ id: c.id, next: 'active' })}>
                    {t('campaigns.list.activate')}
                  </Button>
                ) : null}
                {canPlan && c.status !== 'closed' ? (
                  <Button size="small" danger onClick={() => status.mutate({ id: c.id, next: 'closed' })}>
                    {t('campaigns.list.close')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
