import { ARRIVAL_CHANNELS, ORIGIN_RISKS } from '../../api/arrivals.js';
import { perDay } from '../../platform/surfaces/days.js';
import { drill } from '../../platform/surfaces/drill.js';
import type {
  DashboardRequest,
  DashboardTile,
  Text,
  TileBody,
  TileFigure,
} from '../../platform/surfaces/types.js';
import { type ArrivalsOfDay, arrivalsOfDashboard, underControl } from './dashboardCounts.js';

/** The origin's risk levels as the arrivals list filters them (`risk`); 'none' for no level. */
const RISKS: Record<(typeof ORIGIN_RISKS)[number] | 'none', Text> = {
  high: { zh: '高风险地区', en: 'High-risk area' },
  medium: { zh: '中风险地区', en: 'Medium-risk area' },
  low: { zh: '低风险地区', en: 'Low-risk area' },
  key_concern: { zh: '重点关注地区', en: 'Key-concern area' },
  none: { zh: '无风险等级（境外等）', en: 'No risk level (overseas, …)' },
};

const CHANNELS: Record<(typeof ARRIVAL_CHANNELS)[number], Text> = {
  checkpoint: { zh: '卡口', en: 'Checkpoint' },
  station: { zh: '车站、机场', en: 'Station or airport' },
  push_list: { zh: '大数据推送', en: 'Big-data push list' },
  landing_code: { zh: '落地码', en: 'Landing code' },
  truck: { zh: '货车报备', en: 'Truck pre-report' },
  cadre_return: { zh: '干部返岗', en: 'Cadre return' },
  manual: { zh: '人工登记', en: 'Registered by hand' },
};

/** The arrivals list of the subtree over local dates `from` … `to`, with more filters. */
function listDrill(root: string, from: string, to: string, filters: Record<string, string> = {}): string {
  return drill('/arrivals', { jurisdiction: root, from, to, ...filters });
}

/** Figures of today and of the trend's days, and the trend per group (`risk` or `channel`). */
function flowBody(
  request: DashboardRequest,
  rows: readonly ArrivalsOfDay[],
  group: 'risk' | 'channel',
  groups: ReadonlyArray<{ key: string; label: Text }>,
): TileBody {
  const { days, jurisdiction: root } = request;
  const first = days[0] ?? '';
  const today = days[days.length - 1] ?? '';
  const sum = (of: readonly ArrivalsOfDay[]) => of.reduce((n, row) => n + row.n, 0);
  const ofToday = rows.filter((row) => row.day === today);
  const figures: TileFigure[] = [
    {
      key: 'today',
      label: { zh: '今日来返', en: 'Arrived today' },
      value: sum(ofToday),
      drill: listDrill(root, today, today),
    },
    {
      key: 'days',
      label: { zh: `近${days.length}天来返`, en: `Arrived in ${days.length} days` },
      value: sum(rows),
      drill: listDrill(root, first, today),
    },
    ...groups.map(({ key, label }) => ({
      key: `today.${key}`,
      label: { zh: `今日：${label.zh}`, en: `Today: ${label.en}` },
      value: sum(ofToday.filter((row) => row[group] === key)),
      drill: listDrill(root, today, today, { [group]: key }),
    })),
  ];
  return {
    figures,
    trend: {
      days: [...days],
      series: groups.map(({ key, label }) => ({
        key,
        label,
        values: perDay(
          days,
          rows.filter((row) => row[group] === key),
        ),
      })),
    },
  };
}

async function byRisk(request: DashboardRequest): Promise<TileBody> {
  const rows = await arrivalsOfDashboard(request);
  const groups = [...ORIGIN_RISKS, 'none' as const].map((key) => ({ key, label: RISKS[key] }));
  return flowBody(request, rows, 'risk', groups);
}

async function byChannel(request: DashboardRequest): Promise<TileBody> {
  const rows = await arrivalsOfDashboard(request);
  const groups = ARRIVAL_CHANNELS.map((key) => ({ key, label: CHANNELS[key] }));
  return flowBody(request, rows, 'channel', groups);
}

async function controlled(request: DashboardRequest): Promise<TileBody> {
  const today = request.days[request.days.length - 1] ?? '';
  const value = await underControl(request.tx, request.jurisdiction, request.now, today);
  return {
    figures: [
      {
        key: 'underControl',
        label: { zh: '按来返方案管控中', en: 'Under control by arrival plans' },
        value,
        drill: drill('/arrivals', { jurisdiction: request.jurisdiction, status: 'under_control' }),
        tone: value > 0 ? 'warning' : 'normal',
      },
    ],
  };
}

/** This module's tiles on the situation dashboard (态势总览). */
export const arrivalsTiles: readonly DashboardTile[] = [
  {
    id: 'arrivals.byRisk',
    order: 20,
    permission: 'arrival.read',
    title: { zh: '来返人员（按来源地风险）', en: 'Arrivals by origin risk' },
    load: byRisk,
  },
  {
    id: 'arrivals.byChannel',
    order: 21,
    permission: 'arrival.read',
    title: { zh: '来返人员（按渠道）', en: 'Arrivals by channel' },
    load: byChannel,
  },
  {
    id: 'arrivals.underControl',
    order: 30,
    permission: 'arrival.read',
    title: { zh: '来返人员管控', en: 'Arrivals under control' },
    load: controlled,
  },
];
