/**
 * EPI-6 investigation teams (seed 003 §3.4.6): “各镇（街道）按照每村(社区) 3-5人规模储备流调协查员”
 * — every village/community keeps 3 to 5 epi assistants in reserve — and “建立大数据专班” — a
 * big-data working group per county. Pure: the caller reads the villages, the counties and the
 * teams' members; these functions say which are short, over or missing.
 */

export const RESERVE_MIN = 3;
export const RESERVE_MAX = 5;

export type ReserveStatus = 'short' | 'ready' | 'over';

export interface Village {
  code: string;
  name: string;
  townCode: string | null;
  townName: string | null;
}

export interface VillageReadiness extends Village {
  count: number;
  status: ReserveStatus;
  /** Assistants still to find to reach the minimum (0 unless short). */
  missing: number;
}

export interface TownReadiness {
  townCode: string | null;
  townName: string | null;
  villages: number;
  short: number;
  over: number;
  assistants: number;
}

/** EPI-6: a village's reserve against 3–5 assistants. */
export function reserveStatus(count: number): ReserveStatus {
  if (count < RESERVE_MIN) return 'short';
  if (count > RESERVE_MAX) return 'over';
  return 'ready';
}

/**
 * EPI-6: per village, the active reserve assistants counted (each assistant's village code once per
 * person: `assistants` holds one village code per active assistant), and per town the summary.
 * Villages come back in the order given; an assistant of a village not listed is ignored.
 */
export function reserveReadiness(
  villages: readonly Village[],
  assistants: readonly string[],
): { villages: VillageReadiness[]; towns: TownReadiness[] } {
  const counts = new Map<string, number>();
  for (const code of assistants) counts.set(code, (counts.get(code) ?? 0) + 1);
  const rows = villages.map((v) => {
    const count = counts.get(v.code) ?? 0;
    return { ...v, count, status: reserveStatus(count), missing: Math.max(0, RESERVE_MIN - count) };
  });
  const towns = new Map<string, TownReadiness>();
  for (const row of rows) {
    const key = row.townCode ?? '';
    const town = towns.get(key) ?? {
      townCode: row.townCode,
      townName: row.townName,
      villages: 0,
      short: 0,
      over: 0,
      assistants: 0,
    };
    town.villages++;
    town.assistants += row.count;
    if (row.status === 'short') town.short++;
    if (row.status === 'over') town.over++;
    towns.set(key, town);
  }
  return { villages: rows, towns: [...towns.values()] };
}

/** EPI-6: the counties without an active big-data working group (大数据工作组/专班). */
export function countiesWithoutBigData<C extends { code: string }>(
  counties: readonly C[],
  teams: ReadonlyArray<{ jurisdictionCode: string; kind: string; active: boolean }>,
): C[] {
  const covered = new Set(
    teams.filter((t) => t.kind === 'big_data' && t.active).map((t) => t.jurisdictionCode),
  );
  return counties.filter((c) => !covered.has(c.code));
}
