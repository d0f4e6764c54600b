import { Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { TileHeat } from './api';

type HeatRow = TileHeat['rows'][number];

/** 0 stays plain; a count shades redder the nearer it is to the table's largest. */
function cellStyle(value: number, max: number): React.CSSProperties | undefined {
  if (value <= 0 || max <= 0) return undefined;
  const alpha = 0.12 + 0.68 * (value / max);
  return {
    background: `rgba(207, 19, 34, ${alpha.toFixed(2)})`,
    color: alpha > 0.45 ? '#fff' : '#a8071a',
    fontWeight: 600,
  };
}

/** A count per child jurisdiction and column, each cell a link to the list it counts. */
export function HeatTable({ heat }: { heat: TileHeat }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const max = useMemo(
    () => Math.max(0, ...heat.rows.flatMap((row) => row.cells.map((cell) => cell.value))),
    [heat.rows],
  );
  const columns = useMemo<TableColumnsType<HeatRow>>(
    () => [
      {
        title: t('dashboard.heatName'),
        key: 'name',
        width: '34%',
        // A child's name opens its own dashboard.
        render: (_, row) =>
          row.own ? (
            <Typography.Text data-testid="heat-row-own">{t('dashboard.heatOwnLevel')}</Typography.Text>
          ) : (
            <Link to={`/dashboard?jurisdiction=${encodeURIComponent(row.code)}`} data-testid="heat-row-name">
              {row.name}
            </Link>
          ),
      },
      ...heat.columns.map((column, index) => ({
        title: pickText(language, column.label.zh, column.label.en),
        key: column.key,
        align: 'center' as const,
        onCell: (row: HeatRow) => {
          const value = row.cells[index]?.value ?? 0;
          return { style: { padding: 0, ...cellStyle(value, max) } };
        },
        render: (_: unknown, row: HeatRow) => {
          const cell = row.cells[index];
          if (!cell) return null;
          return (
            <Link
              to={cell.drill}
              style={{ display: 'block', padding: '6px 8px', color: 'inherit' }}
              data-testid="heat-cell"
              data-column={column.key}
              data-code={row.code}
              data-value={cell.value}
            >
              {cell.value}
            </Link>
          );
        },
      })),
    ],
    [heat.columns, language, max, t],
  );
  if (heat.rows.length === 0)
    return <Typography.Text type="secondary">{t('dashboard.heatEmpty')}</Typography.Text>;
  return (
    <Table<HeatRow>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={heat.rows}
      pagination={false}
      // Fixed layout: the name and each count share the card's width, headers wrap (a phone included).
      // Every child shows: a county has some twenty, and a hidden row could hide its overdue items.
      tableLayout="fixed"
      data-testid="tile-heat"
    />
  );
}
