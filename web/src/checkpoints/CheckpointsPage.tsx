import { PlusOutlined, ScanOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import { checkpointKeys, listCheckpoints } from './api';
import { CheckpointForm } from './CheckpointForm';

/** The checkpoints and stations (三站一场, ARR-15) in the caller's jurisdiction; one tap opens the log. */
export default function CheckpointsPage() {
  const { t } = useTranslation();
  const canWrite = usePermission('arrival.write');
  const [adding, setAdding] = useState(false);
  const query = useQuery({ queryKey: checkpointKeys.list, queryFn: listCheckpoints });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('checkpoints.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('checkpoints.intro')}</Typography.Paragraph>
      {canWrite ? (
        <Space style={{ marginBottom: 16 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(!adding)} data-testid="checkpoint-add">
            {t('checkpoints.add')}
          </Button>
        </Space>
      ) : null}
      {adding ? <CheckpointForm onDone={() => setAdding(false)} /> : null}
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Card>
        <List
          loading={query.isLoading}
          dataSource={query.data ?? []}
          locale={{ emptyText: <Empty description={t('checkpoints.empty')} /> }}
          data-testid="checkpoint-list"
          renderItem={(checkpoint) => (
            <List.Item
              data-testid="checkpoint-item"
              actions={[
                <Link key="open" to={`/checkpoints/${checkpoint.id}`} data-testid="checkpoint-open">
                  <ScanOutlined /> {t('checkpoints.open')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={checkpoint.name}
                description={
                  <Space wrap size={4}>
                    <Tag>{t(`checkpoints.kinds.${checkpoint.kind}`)}</Tag>
                    <span>{checkpoint.jurisdictionName ?? checkpoint.jurisdictionCode}</span>
                    <Tag color="blue">
                      {t('checkpoints.natWithinShort', { hours: checkpoint.natWithinHours })}
                    </Tag>
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
