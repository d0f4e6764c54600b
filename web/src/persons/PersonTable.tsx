import { Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import type { Person, PersonPage } from './api';
import { sexLabel } from './sexLabel';
import { useKeyGroups } from './useKeyGroups';
import { PAGE_SIZES } from './usePersonFilters';

interface PersonTableProps {
  data: PersonPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

/** One page of persons, ID number and phone masked; a row opens the person. */
export function PersonTable({ data, loading, page, pageSize, onPage }: PersonTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const keyGroups = useKeyGroups();
  const columns: TableColumnsType<Person> = [
    {
      key: 'name',
      title: t('persons.fields.name'),
      render: (_, person) => (
        <Link to={`/persons/${person.id}`} onClick={(event) => event.stopPropagation()}>
          {person.name}
        </Link>
      ),
    },
    {
      key: 'sex',
      title: t('persons.fields.sex'),
      render: (_, person) => sexLabel(t, person.sex),
      responsive: ['sm'],
    },
    { key: 'idNumber', title: t('persons.fields.idNumber'), dataIndex: 'idNumberMasked' },
    { key: 'phone', title: t('persons.fields.phone'), dataIndex: 'phoneMasked', responsive: ['sm'] },
    {
      key: 'jurisdiction',
      title: t('persons.fields.jurisdiction'),
      dataIndex: 'jurisdictionName',
      responsive: ['md'],
    },
    {
      key: 'keyGroups',
      title: t('persons.fields.keyGroups'),
      responsive: ['lg'],
      render: (_, person) =>
        person.keyGroups.map((group) => <Tag key={group}>{keyGroups.labelOf(group)}</Tag>),
    },
    {
      key: 'updatedAt',
      title: t('persons.fields.updatedAt'),
      responsive: ['xl'],
      render: (_, person) => formatDateTime(person.updatedAt, language),
    },
  ];
  const total = data?.total ?? 0;
  return (
    <Table<Person>
      data-testid="person-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      rowClassName="clickable-row"
      onRow={(person) => ({ ...rowTestId('person-row'), onClick: () => navigate(`/persons/${person.id}`) })}
      pagination={{
        current: page,
        pageSize,
        total,
        pageSizeOptions: PAGE_SIZES,
        showSizeChanger: true,
        showTotal: () =>
          data?.totalCapped
            ? t('persons.totalCapped', { count: total })
            : t('persons.total', { count: total }),
        onChange: onPage,
      }}
    />
  );
}
