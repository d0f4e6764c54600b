import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import { getMissing, type MissingPerson, missingExportUrl } from './api';

interface MissingListProps {
  campaignId: string;
  jurisdiction: { code: string; name: string };
}

/** TST-6: who in a community (or grid) is not yet sampled, masked, with the .xlsx export. */
export function MissingList({ campaignId, jurisdiction }: MissingListProps) {
  const { t } = useTranslation();
  const canExport = usePermission('person.export');
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const query = useQuery({
    queryKey: ['campaigns', campaignId, 'missing', jurisdiction.code, page],
    queryFn: () => getMissing(campaignId, jurisdiction.code, page, pageSize),
  });
  return (
    <Card
      size="small"
      title={t('campaigns.missing.title', { name: jurisdiction.name })}
      extra={
        canExport ? (
          <Button
            icon={<DownloadOutlined />}
            href={missingExportUrl(campaignId, jurisdiction.code)}
            data-testid="missing-export"
          >
            {t('campaigns.missing.export')}
          </Button>
        ) : null
      }
    >
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Typography.Text type="secondary">
        {t('campaigns.missing.total', { count: query.data?.total ?? 0 })}
      </Typography.Text>
      <Table<MissingPerson>
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        scroll={{ x: true }}
        data-testid="missing-list"
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('campaigns.missing.name'), dataIndex: 'name' },
          { title: t('campaigns.missing.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('campaigns.missing.phone'), dataIndex: 'phoneMasked' },
          { title: t('campaigns.missing.jurisdiction'), dataIndex: 'jurisdictionName' },
          { title: t('campaigns.missing.address'), dataIndex: 'address' },
        ]}
      />
    </Card>
  );
}
