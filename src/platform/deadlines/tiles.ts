import { drill } from '../surfaces/drill.js';
import type { DashboardRequest, DashboardTile, Text, TileBody } from '../surfaces/types.js';
import { type OwnerCounts, urgentByOwner } from './heat.js';

type Column = keyof Omit<OwnerCounts, 'code'>;

const COLUMNS: ReadonlyArray<{ key: Column; label: Text; tone: 'danger' | 'warning' }> = [
  { key: 'overdue', label: { zh: '逾期', en: 'Overdue' }, tone: 'danger' },
  { key: 'dueSoon', label: { zh: '即将到期', en: 'Due soon' }, tone: 'warning' },
  { key: 'escalated', label: { zh: '已升级至本级', en: 'Escalated here' }, tone: 'danger' },
];

/** The deadlines list of `code`'s subtree filtered as the column counts (sql.ts conditions). */
function columnDrill(column: Column, code: string, root: string, own = false): string {
  const level = own ? { ownLevel: 'true' } : {};
  if (column === 'escalated') return drill('/deadlines', { jurisdiction: code, escalatedTo: root, ...level });
  return drill('/deadlines', {
    jurisdiction: code,
    state: column === 'overdue' ? 'overdue' : 'due_soon',
    ...level,
  });
}

async function heatTable(request: DashboardRequest): Promise<TileBody> {
  const root = request.jurisdiction;
  const owners = await urgentByOwner(request.tx, root, request.now);
  const totals = { overdue: 0, dueSoon: 0, escalated: 0 };
  const byChild = new Map(request.children.map((child) => [child.code, { ...totals }]));
  // Items owned at the jurisdiction itself (a county's own CAS-2 or TST-5 work) are a row of their own.
  const own = { ...totals };
  for (const owner of owners) {
    for (const { key } of COLUMNS) totals[key] += owner[key];
    const child = request.children.find((c) => owner.code.startsWith(c.code));
    const counts = child ? byChild.get(child.code) : owner.code === root ? own : undefined;
    if (counts) for (const { key } of COLUMNS) counts[key] += owner[key];
  }
  const ownRow = COLUMNS.some(({ key }) => own[key] > 0)
    ? [
        {
          code: root,
          name: '',
          own: true,
          cells: COLUMNS.map(({ key }) => ({ value: own[key], drill: columnDrill(key, root, root, true) })),
        },
      ]
    : [];
  return {
    figures: COLUMNS.map(({ key, label, tone }) => ({
      key,
      label,
      value: totals[key],
      drill: columnDrill(key, root, root),
      tone: totals[key] > 0 ? tone : 'good',
    })),
    heat: {
      columns: COLUMNS.map(({ key, label }) => ({ key, label })),
      rows: [
        ...ownRow,
        ...request.children.map((child) => ({
          code: child.code,
          name: child.name,
          cells: COLUMNS.map(({ key }) => ({
            value: byChild.get(child.code)?.[key] ?? 0,
            drill: columnDrill(key, child.code, root),
          })),
        })),
      ],
    },
  };
}

/** The deadlines' tiles: overdue and due-soon items per child jurisdiction (a heat table). */
export const deadlineTiles: readonly DashboardTile[] = [
  {
    id: 'deadlines.heat',
    order: 10,
    permission: 'deadline.read',
    title: { zh: '逾期与即将到期事项', en: 'Overdue and due-soon work' },
    load: heatTable,
  },
];
