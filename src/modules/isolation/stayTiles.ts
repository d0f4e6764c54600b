import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { readQueue } from './queue.js';

/**
 * ISO-4, ISO-5, EPI-4: people in isolation over the jurisdiction — those owed a room and not yet
 * given one (the transfers past their 12 hours among them, 002 §25 "做到隔离人员 12 小时内转运到集中
 * 隔离点"), rooms held awaiting the transfer, people in rooms, those of them whose isolation ends today,
 * and people isolated at home. Each figure counts the rows of the list its drill opens.
 */
async function stays(request: DashboardRequest): Promise<TileBody | null> {
  const { ctx, tx, actor, jurisdiction: root, days } = request;
  const today = days.at(-1) as string;
  const queue = await readQueue(ctx, tx, actor, { jurisdiction: root, kind: 'centralised' });
  const [row] = await tx.query<{ allocated: number; inRoom: number; home: number; ending: number }>(
    `SELECT count(*) FILTER (WHERE status = 'allocated')::int AS allocated,
       count(*) FILTER (WHERE status = 'in_room')::int AS "inRoom",
       count(*) FILTER (WHERE status = 'home')::int AS home,
       count(*) FILTER (WHERE status = 'in_room' AND planned_end_date <= $2::date)::int AS ending
     FROM isolation_stays WHERE jurisdiction_code ^@ $1 AND status IN ('allocated', 'in_room', 'home')`,
    [root, today],
  );
  const counts = row ?? { allocated: 0, inRoom: 0, home: 0, ending: 0 };
  const overdue = queue.items.filter((item) => item.overdue).length;
  const list = (tab: string, filters: Record<string, string | undefined> = {}) =>
    drill('/isolation/stays', { tab, jurisdiction: root, ...filters });
  return {
    figures: [
      {
        key: 'awaiting',
        label: { zh: '待分配房间', en: 'Awaiting a room' },
        value: queue.items.length,
        drill: list('queue'),
        tone: queue.items.length > 0 ? 'warning' : 'good',
      },
      {
        key: 'overdue',
        label: { zh: '超12小时未转运', en: 'Transfer past 12 h' },
        value: overdue,
        drill: list('queue', { overdue: 'true' }),
        tone: overdue > 0 ? 'danger' : 'good',
      },
      {
        key: 'allocated',
        label: { zh: '已分配待转运', en: 'Room held, awaiting transfer' },
        value: counts.allocated,
        drill: list('centralised', { status: 'allocated' }),
      },
      {
        key: 'inRooms',
        label: { zh: '集中隔离中', en: 'In rooms' },
        value: counts.inRoom,
        drill: list('centralised', { status: 'in_room' }),
      },
      {
        key: 'endingToday',
        label: { zh: '今日期满', en: 'Ending today' },
        value: counts.ending,
        drill: list('centralised', { status: 'in_room', endingBy: today }),
      },
      {
        key: 'home',
        label: { zh: '居家隔离中', en: 'At home' },
        value: counts.home,
        drill: list('home', { status: 'home' }),
      },
    ],
  };
}

/** Dashboard tiles of isolation stays (ISO-4, ISO-5). */
export const stayTiles: readonly DashboardTile[] = [
  {
    id: 'isolation.stays',
    order: 19.2,
    permission: 'isolation.read',
    title: { zh: '隔离人员', en: 'People in isolation' },
    load: stays,
  },
];
