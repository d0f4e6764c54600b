import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import { exportUrl, fetchPersons, personKeys } from './api';
import { PersonFilters } from './PersonFilters';
import { PersonTable } from './PersonTable';
import { usePersonFilters } from './usePersonFilters';

export default function PersonsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = usePermission('person.write');
  const canExport = usePermission('person.export');
  const { filter, page, pageSize, setFilter, setPage } = usePersonFilters();
  const query = useQuery({
    queryKey: personKeys.list(filter, page, pageSize),
    queryFn: () => fetchPersons(filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('nav.persons')}
        </Typography.Title>
        <Space wrap>
          {canExport ? (
            <Button icon={<DownloadOutlined />} href={exportUrl(filter)} data-testid="person-export">
              {t('persons.export')}
            </Button>
          ) : null}
          {canWrite ? (
            <Button onClick={() => navigate('/persons/handovers')} data-testid="person-handovers">
              {t('handovers.link')}
            </Button>
          ) : null}
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/persons/new')}
              data-testid="person-new"
            >
              {t('persons.new')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Card style={{ marginBottom: 16 }}>
        <PersonFilters value={filter} onChange={setFilter} />
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <PersonTable
        data={query.data}
        loading={query.isFetching}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
      />
    </>
  );
}
