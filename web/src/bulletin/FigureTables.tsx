import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinView } from './api';

type Day = BulletinView['day'];
const ORIGINS = ['local', 'imported'] as const;
const CLASSES = ['confirmed', 'asymptomatic', 'suspected'] as const;

/** A change from the day before, with its sign (+2, −1, 0). */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${-n}`;
  return '0';
}

/** CAS-5: cases by origin and class — new that day, conversions, discards, the total at 24:00 and its change. */
export function CaseTable({ day, previous }: { day: Day; previous: Day }) {
  const { t } = useTranslation();
  const rows = ORIGINS.flatMap((origin) =>
    CLASSES.map((klass) => {
      const today = day.cases[origin][klass];
      return {
        key: `${origin}.${klass}`,
        label: t(`bulletin.rows.${origin}.${klass}`),
        ...today,
        change: today.cumulative - previous.cases[origin][klass].cumulative,
      };
    }),
  );
  return (
    <Table
      size="small"
      pagination={false}
      bordered
      dataSource={rows}
      data-testid="bulletin-cases"
      scroll={{ x: 560 }}
      columns={[
        { title: t('bulletin.columns.class'), dataIndex: 'label' },
        { title: t('bulletin.columns.new'), dataIndex: 'new', align: 'right' },
        { title: t('bulletin.columns.fromAsymptomatic'), dataIndex: 'fromAsymptomatic', align: 'right' },
        { title: t('bulletin.columns.discarded'), dataIndex: 'discarded', align: 'right' },
        { title: t('bulletin.columns.cumulative'), dataIndex: 'cumulative', align: 'right' },
        {
          title: t('bulletin.columns.change'),
          dataIndex: 'change',
          align: 'right',
          render: (n: number) => signed(n),
        },
      ]}
    />
  );
}

/** CAS-5: treatment, isolation and tests done, the day and the day before. */
export function CareTable({ day, previous }: { day: Day; previous: Day }) {
  const { t } = useTranslation();
  const keys = [
    'inHospital',
    'inCentralisedIsolation',
    'underControlAfterPositive',
    'peopleSampled',
    'tubesResulted',
  ] as const;
  const rows = keys.map((key) => ({
    key,
    label: t(`bulletin.rows.${key}`),
    today: day[key],
    before: previous[key],
    change: day[key] - previous[key],
  }));
  return (
    <Table
      size="small"
      pagination={false}
      bordered
      dataSource={rows}
      data-testid="bulletin-care"
      columns={[
        { title: t('bulletin.columns.item'), dataIndex: 'label' },
        { title: t('bulletin.columns.today'), dataIndex: 'today', align: 'right' },
        { title: t('bulletin.columns.before'), dataIndex: 'before', align: 'right' },
        {
          title: t('bulletin.columns.change'),
          dataIndex: 'change',
          align: 'right',
          render: (n: number) => signed(n),
        },
      ]}
    />
  );
}
