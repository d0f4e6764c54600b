import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDueAt } from '../common/formatDueAt';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { MyWorkItem } from './api';
import { RULE_TAG } from './ruleTag';
import { WorkActions } from './WorkActions';
import { WorkPerson } from './WorkPerson';
import { WorkStateTags } from './WorkStateTags';

/** A section of work on a desktop: one compact row per item, sized to fit a 1366-pixel screen. */
export function WorkTable({ items }: { items: MyWorkItem[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: TableColumnsType<MyWorkItem> = [
    {
      key: 'person',
      title: t('work.columns.person'),
      width: 220,
      render: (_, item) => <WorkPerson item={item} />,
    },
    {
      key: 'task',
      title: t('work.columns.task'),
      render: (_, item) => (
        <>
          <Typography.Text data-testid="my-work-title">
            {pickText(language, item.title.zh, item.title.en)}
          </Typography.Text>{' '}
          <Tag bordered={false} style={RULE_TAG}>
            {item.ruleId}
          </Tag>
        </>
      ),
    },
    {
      key: 'due',
      title: t('work.columns.due'),
      width: 230,
      render: (_, item) => (
        <>
          <div data-testid="my-work-due">{formatDueAt(item.dueAt, language, item.timeZone)}</div>
          <WorkStateTags item={item} />
        </>
      ),
    },
    {
      key: 'jurisdiction',
      title: t('work.columns.jurisdiction'),
      dataIndex: 'jurisdictionName',
      width: 140,
    },
    {
      key: 'action',
      title: t('work.columns.action'),
      width: 200,
      render: (_, item) => <WorkActions item={item} />,
    },
  ];
  return (
    <Table<MyWorkItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      tableLayout="fixed"
      onRow={(item) => ({ 'data-testid': 'my-work-item', 'data-state': item.state }) as object}
    />
  );
}
