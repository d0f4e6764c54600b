import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KEY_GROUPS, type KeyGroup } from '../../../src/rules/keyGroups';
import { formatDay } from '../common/formatDateTime';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import type { ScheduleItem, SchedulePage } from './api';
import { frequencyText } from './frequencyText';
import { ScheduleStateTag } from './ScheduleStateTag';

interface RoutineTableProps {
  data: SchedulePage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

/** TST-4: each key-group person with frequency, last test and next due date; no ID numbers shown. */
export function RoutineTable({ data, loading, page, pageSize, onPage }: RoutineTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const canOpenPerson = usePermission('person.read');
  const groupLabel = (id: string) =>
    id in KEY_GROUPS ? pickText(language, KEY_GROUPS[id as KeyGroup].zh, KEY_GROUPS[id as KeyGroup].en) : id;
  return (
    <Table<ScheduleItem>
      rowKey={(item) => `${item.personId}:${item.keyGroup}`}
      size="small"
      loading={loading}
      dataSource={data?.items ?? []}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('routineTesting.empty') }}
      data-testid="routine-table"
      onRow={() => rowTestId('routine-row')}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('routineTesting.total', { total }),
        onChange: onPage,
      }}
      columns={[
        {
          title: t('routineTesting.columns.name'),
          fixed: 'left',
          render: (_v, item) =>
            canOpenPerson ? <Link to={`/persons/${item.personId}`}>{item.name}</Link> : item.name,
        },
        { title: t('routineTesting.columns.keyGroup'), render: (_v, item) => groupLabel(item.keyGroup) },
        {
          title: t('routineTesting.columns.frequency'),
          render: (_v, item) => <span data-testid="routine-frequency">{frequencyText(t, item)}</span>,
        },
        {
          title: t('routineTesting.columns.lastTest'),
          render: (_v, item) =>
            item.lastTest ? (
              formatDay(item.lastTest, language)
            ) : (
              <Typography.Text type="secondary">{t('routineTesting.never')}</Typography.Text>
            ),
        },
        {
          title: t('routineTesting.columns.nextDue'),
          render: (_v, item) => (
            <Space size={4} wrap>
              <span>{formatDay(item.nextDue, language)}</span>
              <ScheduleStateTag state={item.state} />
            </Space>
          ),
        },
        {
          title: t('routineTesting.columns.department'),
          render: (_v, item) => pickText(language, item.department.zh, item.department.en),
        },
        { title: t('routineTesting.columns.jurisdiction'), dataIndex: 'jurisdictionCode' },
      ]}
    />
  );
}
