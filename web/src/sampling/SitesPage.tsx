import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import { listSites, type Site, samplingKeys } from './api';
import { SiteForm } from './SiteForm';

/** The sampling sites of the caller's jurisdiction: a list that works on a phone, with add and edit. */
export default function SitesPage() {
  const { t } = useTranslation();
  const canPlan = usePermission('testing.plan');
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const query = useQuery({ queryKey: samplingKeys.sites, queryFn: listSites });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('sampling.sites.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('sampling.sites.intro')}</Typography.Paragraph>
      {canPlan ? (
        <Space style={{ marginBottom: 16 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="sampling-site-add">
            {t('sampling.sites.add')}
          </Button>
        </Space>
      ) : null}
      {editing ? (
        <SiteForm
          key={editing === 'new' ? 'new' : editing.id}
          {...(editing === 'new' ? {} : { site: editing })}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Card>
        <List
          loading={query.isLoading}
          dataSource={query.data ?? []}
          locale={{
            emptyText: (
              <Empty
                description={t(canPlan ? 'sampling.sites.emptyPlan' : 'sampling.sites.emptyAsk')}
                data-testid="sampling-site-empty"
              />
            ),
          }}
          data-testid="sampling-site-list"
          renderItem={(site) => (
            <List.Item
              data-testid="sampling-site-item"
              actions={
                canPlan
                  ? [
                      <Button key="edit" type="link" icon={<EditOutlined />} onClick={() => setEditing(site)}>
                        {t('sampling.sites.edit')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={site.name}
                description={
                  <Space wrap size={4}>
                    <Tag>
                      {t('sampling.sites.tables')}
                      {t('common.colon')}
                      {site.tables}
                    </Tag>
                    {site.active ? null : <Tag color="default">{t('sampling.sites.inactive')}</Tag>}
                    <span>{site.jurisdictionName ?? site.jurisdictionCode}</span>
                    {site.address ? <span>{site.address}</span> : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
