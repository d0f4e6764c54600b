import { Progress as Bar, Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressRow } from './api';

interface ProgressTableProps {
  rows: ProgressRow[];
  onDrill: (code: string) => void;
  onMissing: (row: ProgressRow) => void;
}

/** One row per child jurisdiction (down to grids): counts, rates, drill-down and the missing list. */
export function ProgressTable({ rows, onDrill, onMissing }: ProgressTableProps) {
  const { t } = useTranslation();
  return (
    <Table<ProgressRow>
      rowKey="code"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      data-testid="progress-table"
      columns={[
        {
          title: t('campaigns.progress.area'),
          render: (_v, row) => (
            <>
              {row.name}
              {row.direct ? (
                <Typography.Text type="secondary"> {t('campaigns.progress.direct')}</Typography.Text>
              ) : null}
            </>
          ),
        },
        { title: t('campaigns.progress.persons'), dataIndex: 'persons', align: 'right' },
        { title: t('campaigns.progress.sampled'), dataIndex: 'sampled', align: 'right' },
        {
          title: t('campaigns.progress.sampledPct'),
          render: (_v, row) => <Bar percent={row.sampledPct} size="small" style={{ minWidth: 100 }} />,
        },
        { title: t('campaigns.progress.resulted'), dataIndex: 'resulted', align: 'right' },
        {
          title: t('campaigns.progress.resultedPct'),
          render: (_v, row) => <Bar percent={row.resultedPct} size="small" style={{ minWidth: 100 }} />,
        },
        {
          title: t('campaigns.progress.positives'),
          render: (_v, row) => (
            <Typography.Text type={row.positives > 0 ? 'danger' : undefined} strong={row.positives > 0}>
              {row.positives}
            </Typography.Text>
          ),
          align: 'right',
        },
        {
          title: '',
          render: (_v, row) => (
            <Space wrap>
              {row.hasChildren ? (
                <Button size="small" onClick={() => onDrill(row.code)} data-testid={`drill-${row.code}`}>
                  {t('campaigns.progress.drill')}
                </Button>
              ) : null}
              <Button
                size="small"
                type="link"
                onClick={() => onMissing(row)}
                data-testid={`missing-${row.code}`}
              >
                {t('campaigns.progress.missing')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
