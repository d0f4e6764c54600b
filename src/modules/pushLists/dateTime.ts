import { TZDate } from '@date-fns/tz';

const LOCAL = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[\sT]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A date and time as big-data lists write it: 2026-11-20 08:30, 2026/11/20 8:30:00, 2026年11月20日
 * 8时30分, a bare date (local midnight), or ISO 8601 with an offset. Times without an offset are
 * local to `timeZone` (the lists are in Beijing time). Undefined when not a real instant.
 */
export function parseListTime(raw: string, timeZone: string): Date | undefined {
  const value = raw.trim();
  if (WITH_OFFSET.test(value)) {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? undefined : at;
  }
  // 2026年11月20日 8时30分 → 2026-11-20 8:30
  const plain = value
    .replace(/[年月]/g, '-')
    .replace(/日\s*/, ' ')
    .replace(/[时点分]/g, ':')
    .replace(/秒$/, '')
    .replace(/:$/, '')
    .trim();
  const parts = LOCAL.exec(plain);
  if (!parts) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = parts.slice(1).map((p) => p ?? undefined) as string[];
  const n = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (n[1] < 1 || n[1] > 12 || n[2] < 1 || n[2] > 31 || n[3] > 23 || n[4] > 59 || n[5] > 59) return undefined;
  const local = new TZDate(n[0], n[1] - 1, n[2], n[3], n[4], n[5], timeZone);
  // 2026-02-30 rolls over into March: not a date anyone meant.
  if (local.getDate() !== n[2] || local.getMonth() !== n[1] - 1) return undefined;
  return new Date(local.getTime());
}
