import type { FieldCode } from '../platform/messages.js';
import { parseLocalDateTime } from './localDateTime.js';
import type { Role } from './roles.js';
import { localDate } from './time.js';

/**
 * The sentinel feeds (MON-1, MON-3, MON-5) as data: what a row of each feed holds, how a cell (typed
 * in a form, sent as JSON, or read from a .csv/.xlsx sheet) becomes a value, and which rows are
 * refused with which reason. Pure: no I/O, no clock (the caller passes `now`).
 */

export const SITE_KINDS = ['fever_clinic', 'school', 'hospital', 'market', 'cold_chain', 'port'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/**
 * MON-3 (002 §14, 004 §13): places that send an environment sample every week — hospitals with fever
 * clinics (the fever clinic is the sampled place; a hospital's registry entry is its ILI reporter),
 * farmers' markets, cold-chain processing/transport/storage/sale places. Ports test goods on arrival
 * (per batch, not weekly), so they are not required weekly; a site may still be marked.
 */
export const WEEKLY_SAMPLE_KINDS: readonly SiteKind[] = ['fever_clinic', 'market', 'cold_chain'];

type ColumnType = 'text' | 'int' | 'temperature' | 'date' | 'datetime' | 'bool' | 'enum' | 'symptoms';

interface FeedColumn {
  /** The JSON key of the column (camelCase). */
  key: string;
  /** The database column. */
  column: string;
  /** The header people see in a sheet, and the column named in Chinese row errors. */
  zh: string;
  type: ColumnType;
  required: boolean;
  /** enum/symptoms: the codes with their Chinese words (a sheet may give either). */
  values?: Readonly<Record<string, string>>;
  /** text: longest length. */
  max?: number;
  /** date/datetime: must not lie in the future. */
  notFuture?: boolean;
}

type FeedId = 'fever_visits' | 'school_reports' | 'samples' | 'ili_reports';

export interface FeedDef {
  id: FeedId;
  /** The path segment of its routes: /api/sentinels/<path>. */
  path: string;
  table: string;
  /** The kinds of site that send this feed. */
  siteKinds: readonly SiteKind[];
  /** Roles that send it (with sentinel.report); admin always may. */
  roles: readonly Role[];
  columns: readonly FeedColumn[];
  /** The natural key besides the site: a re-sent row with the same key replaces, never doubles. */
  key: string;
  /** The feed's time column, as the series and lists order by it. */
  time: string;
  /** The signal feeds (MON-4) its rows change, as signals.ts and the packs' trigger rules name them. */
  signals: readonly string[];
  /** Cross-field rules of one row, on parsed values. */
  check(row: Record<string, unknown>): Array<{ field: string; code: FieldCode }>;
}

/** MON-1 symptoms a fever clinic records at triage (发热、咳嗽、咽痛、乏力、腹泻、嗅味觉减退、呼吸困难). */
const SYMPTOMS: Record<string, string> = {
  fever: '发热',
  cough: '咳嗽',
  sore_throat: '咽痛',
  fatigue: '乏力',
  diarrhea: '腹泻',
  smell_taste_loss: '嗅味觉减退',
  dyspnea: '呼吸困难',
};

const DISPOSITIONS: Record<string, string> = {
  home: '居家观察',
  observation: '留观',
  admitted: '收治入院',
  transferred: '转诊',
};

const SAMPLE_KINDS: Record<string, string> = { environment: '环境', goods: '物品' };
const SAMPLE_RESULTS: Record<string, string> = { pending: '待检', negative: '阴性', positive: '阳性' };

const FEVER_VISITS: FeedDef = {
  id: 'fever_visits',
  path: 'fever-visits',
  table: 'sentinel_fever_visits',
  siteKinds: ['fever_clinic'],
  roles: ['fever_clinic', 'hospital_reporter', 'cdc_epidemiologist'],
  key: 'visit_no',
  time: 'visited_at',
  signals: ['fever_visits'],
  columns: [
    { key: 'visitNo', column: 'visit_no', zh: '就诊号', type: 'text', required: true, max: 40 },
    {
      key: 'visitedAt',
      column: 'visited_at',
      zh: '就诊时间',
      type: 'datetime',
      required: true,
      notFuture: true,
    },
    { key: 'temperature', column: 'temperature', zh: '体温', type: 'temperature', required: true },
    { key: 'symptoms', column: 'symptoms', zh: '症状', type: 'symptoms', required: false, values: SYMPTOMS },
    { key: 'natSampled', column: 'nat_sampled', zh: '是否采样核酸', type: 'bool', required: true },
    {
      key: 'disposition',
      column: 'disposition',
      zh: '处置',
      type: 'enum',
      required: true,
      values: DISPOSITIONS,
    },
  ],
  check: () => [],
};

const SCHOOL_REPORTS: FeedDef = {
  id: 'school_reports',
  path: 'school-reports',
  table: 'sentinel_school_reports',
  siteKinds: ['school'],
  roles: ['school_reporter', 'cdc_epidemiologist'],
  key: 'day',
  time: 'day',
  signals: ['school_absence'],
  columns: [
    { key: 'day', column: 'day', zh: '日期', type: 'date', required: true, notFuture: true },
    { key: 'enrolled', column: 'enrolled', zh: '在册人数', type: 'int', required: true },
    { key: 'absent', column: 'absent', zh: '缺勤人数', type: 'int', required: true },
    { key: 'absentIllness', column: 'absent_illness', zh: '因病缺课人数', type: 'int', required: true },
    { key: 'fever', column: 'fever', zh: '发热人数', type: 'int', required: true },
    { key: 'respiratory', column: 'respiratory', zh: '呼吸道症状人数', type: 'int', required: true },
  ],
  check: (row) => {
    const errors: Array<{ field: string; code: FieldCode }> = [];
    const n = (key: string) => row[key] as number;
    if (n('absent') > n('enrolled')) errors.push({ field: 'absent', code: 'range' });
    if (n('absentIllness') > n('absent')) errors.push({ field: 'absentIllness', code: 'range' });
    if (n('fever') > n('enrolled')) errors.push({ field: 'fever', code: 'range' });
    if (n('respiratory') > n('enrolled')) errors.push({ field: 'respiratory', code: 'range' });
    return errors;
  },
};

const SAMPLES: FeedDef = {
  id: 'samples',
  path: 'samples',
  table: 'sentinel_samples',
  siteKinds: ['fever_clinic', 'hospital', 'market', 'cold_chain', 'port'],
  roles: ['cdc_epidemiologist', 'hospital_reporter'],
  key: 'sample_no',
  time: 'sampled_at',
  signals: ['environment_samples'],
  columns: [
    { key: 'sampleNo', column: 'sample_no', zh: '样本编号', type: 'text', required: true, max: 40 },
    { key: 'kind', column: 'kind', zh: '样本类型', type: 'enum', required: true, values: SAMPLE_KINDS },
    { key: 'item', column: 'item', zh: '采样对象', type: 'text', required: true, max: 100 },
    {
      key: 'sampledAt',
      column: 'sampled_at',
      zh: '采样时间',
      type: 'datetime',
      required: true,
      notFuture: true,
    },
    { key: 'result', column: 'result', zh: '检测结果', type: 'enum', required: true, values: SAMPLE_RESULTS },
    {
      key: 'resultedAt',
      column: 'resulted_at',
      zh: '结果时间',
      type: 'datetime',
      required: false,
      notFuture: true,
    },
  ],
  check: (row) => {
    const resultedAt = row.resultedAt as Date | null;
    if (row.result === 'pending')
      return resultedAt ? [{ field: 'resultedAt', code: 'sentinel_result_pending' }] : [];
    if (!resultedAt) return [{ field: 'resultedAt', code: 'required' }];
    return resultedAt < (row.sampledAt as Date) ? [{ field: 'resultedAt', code: 'ends_before_start' }] : [];
  },
};

const ILI_REPORTS: FeedDef = {
  id: 'ili_reports',
  path: 'ili-reports',
  table: 'sentinel_ili_reports',
  // MON-5: the reporting (sentinel) hospitals count their outpatient and emergency visits.
  siteKinds: ['hospital'],
  roles: ['hospital_reporter', 'fever_clinic', 'cdc_epidemiologist'],
  key: 'day',
  time: 'day',
  signals: ['ili', 'pneumonia'],
  columns: [
    { key: 'day', column: 'day', zh: '日期', type: 'date', required: true, notFuture: true },
    { key: 'iliVisits', column: 'ili_visits', zh: '流感样病例数', type: 'int', required: true },
    { key: 'totalVisits', column: 'total_visits', zh: '门急诊就诊总数', type: 'int', required: true },
    {
      key: 'pneumoniaCases',
      column: 'pneumonia_cases',
      zh: '不明原因肺炎病例数',
      type: 'int',
      required: true,
    },
  ],
  check: (row) =>
    (row.iliVisits as number) > (row.totalVisits as number) ? [{ field: 'iliVisits', code: 'range' }] : [],
};

export const FEEDS: readonly FeedDef[] = [FEVER_VISITS, SCHOOL_REPORTS, SAMPLES, ILI_REPORTS];

/** The column naming the site: its id (forms, systems) or its name (sheets). */
export const SITE_COLUMN = { key: 'site', zh: '哨点名称' } as const;
const SITE_ID_KEY = 'siteId';

/** Largest count a daily report may carry: a typing slip beyond it is refused, not stored. */
const MAX_COUNT = 100_000;
/** Clock skew a device may have: a time up to this far ahead of the server is not "in the future". */
const FUTURE_SLACK_MS = 10 * 60_000;

const UNSAFE = /[<>\p{Cc}]/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

export interface ParsedRow {
  /** The site as the row names it: an id, or a name to look up. */
  site: { id: string } | { name: string };
  values: Record<string, unknown>;
}

interface RowProblem {
  field: string;
  code: FieldCode;
}

/** Reads one row (JSON object or a sheet's cells by key) of a feed; refuses it with every field's first problem. */
export function parseFeedRow(
  feed: FeedDef,
  raw: Readonly<Record<string, unknown>>,
  timeZone: string,
  now: Date,
): { row: ParsedRow } | { errors: RowProblem[] } {
  const errors: RowProblem[] = [];
  const known = new Set([SITE_COLUMN.key, SITE_ID_KEY, ...feed.columns.map((c) => c.key)]);
  for (const key of Object.keys(raw))
    if (!known.has(key)) errors.push({ field: key.slice(0, 40), code: 'unknown_field' });
  const site = parseSite(raw);
  if ('code' in site) errors.push({ field: SITE_COLUMN.key, code: site.code });
  const values: Record<string, unknown> = {};
  for (const column of feed.columns) {
    const cell = parseCell(column, raw[column.key], timeZone, now);
    if ('code' in cell) errors.push({ field: column.key, code: cell.code });
    else values[column.key] = cell.value;
  }
  if (errors.length > 0) return { errors };
  const crossErrors = feed.check(values);
  if (crossErrors.length > 0) return { errors: crossErrors };
  return { row: { site: site as ParsedRow['site'], values } };
}

/** The site a row names (by id or by name), or why it names none. */
export function parseSite(raw: Readonly<Record<string, unknown>>): ParsedRow['site'] | { code: FieldCode } {
  const id = raw[SITE_ID_KEY];
  if (id !== undefined && id !== null && id !== '') {
    if (typeof id !== 'string' || !UUID.test(id)) return { code: 'format' };
    return { id: id.toLowerCase() };
  }
  const name = raw[SITE_COLUMN.key];
  if (name === undefined || name === null || (typeof name === 'string' && name.trim() === ''))
    return { code: 'required' };
  if (typeof name !== 'string') return { code: 'type' };
  if (name.length > 100) return { code: 'too_long' };
  if (UNSAFE.test(name)) return { code: 'unsafe_text' };
  return { name: name.trim() };
}

type Cell = { value: unknown } | { code: FieldCode };

function parseCell(column: FeedColumn, raw: unknown, timeZone: string, now: Date): Cell {
  const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (blank) {
    if (column.required) return { code: 'required' };
    return { value: column.type === 'symptoms' ? [] : null };
  }
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  switch (column.type) {
    case 'text': {
      if (text === undefined) return typeof raw === 'number' ? { value: String(raw) } : { code: 'type' };
      if (text.length > (column.max ?? 100)) return { code: 'too_long' };
      return UNSAFE.test(text) ? { code: 'unsafe_text' } : { value: text };
    }
    case 'int': {
      const n =
        typeof raw === 'number'
          ? raw
          : text !== undefined && /^\d{1,7}$/.test(text)
            ? Number(text)
            : Number.NaN;
      if (typeof raw !== 'number' && text === undefined) return { code: 'type' };
      if (!Number.isInteger(n)) return { code: 'format' };
      return n < 0 || n > MAX_COUNT ? { code: 'range' } : { value: n };
    }
    case 'temperature': {
      const n =
        typeof raw === 'number'
          ? raw
          : text !== undefined && /^\d{2}(\.\d{1,2})?$/.test(text)
            ? Number(text)
            : Number.NaN;
      if (typeof raw !== 'number' && text === undefined) return { code: 'type' };
      if (!Number.isFinite(n)) return { code: 'format' };
      // Body temperature in °C as a clinic thermometer reads it; beyond 34–43 is a typing slip.
      return n < 34 || n > 43 ? { code: 'range' } : { value: Math.round(n * 10) / 10 };
    }
    case 'date': {
      if (text === undefined) return { code: 'type' };
      const at = parseLocalDateTime(text, timeZone);
      if (!at || text.length > 11) return { code: 'format' };
      const day = localDate(at, timeZone);
      if (column.notFuture && day > localDate(now, timeZone)) return { code: 'in_future' };
      return { value: day };
    }
    case 'datetime': {
      if (text === undefined || text.length > 40) return { code: 'type' };
      const at = parseLocalDateTime(text, timeZone);
      if (!at) return { code: 'datetime_format' };
      if (column.notFuture && at.getTime() > now.getTime() + FUTURE_SLACK_MS) return { code: 'in_future' };
      return { value: at };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { value: raw };
      const word = text?.toLowerCase();
      if (word !== undefined && YES.has(word)) return { value: true };
      if (word !== undefined && NO.has(word)) return { value: false };
      return { code: 'yes_no' };
    }
    case 'enum': {
      if (text === undefined) return { code: 'type' };
      const code = codeOf(column.values ?? {}, text);
      return code ? { value: code } : { code: 'enum' };
    }
    case 'symptoms': {
      const items = Array.isArray(raw) ? raw : text !== undefined ? text.split(/[、,，;；\s]+/) : undefined;
      if (!items || items.length > 20) return { code: 'type' };
      const codes = new Set<string>();
      for (const item of items) {
        if (typeof item !== 'string') return { code: 'type' };
        if (item.trim() === '' || item.trim() === '无') continue;
        const code = codeOf(column.values ?? {}, item.trim());
        if (!code) return { code: 'enum' };
        codes.add(code);
      }
      return { value: [...codes].sort() };
    }
  }
}

function codeOf(values: Readonly<Record<string, string>>, text: string): string | undefined {
  if (Object.hasOwn(values, text)) return text;
  return Object.entries(values).find(([, zh]) => zh === text)?.[0];
}

/** The Chinese header of a column, for row errors read by people who filled the sheet. */
export function columnZh(feed: FeedDef, key: string): string {
  if (key === SITE_COLUMN.key || key === SITE_ID_KEY) return SITE_COLUMN.zh;
  return feed.columns.find((c) => c.key === key)?.zh ?? key;
}

/** The ISO week (Monday first) a local date lies in, as its Monday: MON-3's "weekly" sample. */
export function weekStart(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  const back = (utc.getUTCDay() + 6) % 7;
  return new Date(utc.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
