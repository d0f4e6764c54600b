import { type FieldError, fieldError } from '../../../platform/errors.js';
import { parseLocalDateTime } from '../../../rules/localDateTime.js';
import type { AreaLevel } from '../../../rules/riskClassification.js';
import type { AreaField, AreaInput } from '../fields.js';

export interface AreaColumn {
  readonly field: AreaField;
  /** The header of the template. */
  readonly zh: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** What the template's 填写说明 sheet says about the column. */
  readonly note: string;
}

export const LEVEL_LABELS: Readonly<Record<AreaLevel, string>> = {
  high: '高',
  medium: '中',
  low: '低',
  key_concern: '重点关注',
};

/** The columns of a risk-area list, in template order. */
export const AREA_COLUMNS: readonly AreaColumn[] = [
  {
    field: 'level',
    zh: '风险等级',
    aliases: ['等级', '风险级别'],
    required: true,
    note: '高、中、低 或 重点关注',
  },
  {
    field: 'divisionCode',
    zh: '区划代码',
    aliases: ['行政区划代码', '区划编码'],
    required: true,
    note: '6位县级、9位乡镇级或12位村/社区级行政区划代码（GB/T 2260），如 110105 或 110105001；请设为文本格式',
  },
  {
    field: 'areaName',
    zh: '地区名称',
    aliases: ['风险地区', '地区', '区域名称'],
    required: false,
    note: '如 朝阳区某某街道某某小区；区划代码为已知行政区划时可留空（取行政区划名称）',
  },
  {
    field: 'publishedAt',
    zh: '发布时间',
    aliases: ['发布日期', '生效时间'],
    required: true,
    note: '如 2022-04-25 12:00 或 2022年4月25日24时（北京时间）；只填日期为当日0时',
  },
  {
    field: 'liftedAt',
    zh: '解除时间',
    aliases: ['解除日期'],
    required: false,
    note: '已解除的填写；对已导入的地区填写解除时间即将其解除',
  },
  {
    field: 'publisher',
    zh: '发布机构',
    aliases: ['发布单位', '发布部门'],
    required: true,
    note: '如 北京市卫生健康委员会',
  },
  { field: 'provinceName', zh: '省份', aliases: ['省'], required: false, note: '区划代码未知时填写' },
  { field: 'cityName', zh: '城市', aliases: ['市', '地市'], required: false, note: '区划代码未知时填写' },
  { field: 'districtName', zh: '区县', aliases: ['区', '县'], required: false, note: '区划代码未知时填写' },
  {
    field: 'sourceUrl',
    zh: '来源网址',
    aliases: ['来源链接', '链接'],
    required: false,
    note: 'http:// 或 https:// 开头',
  },
];

const normalizeHeader = (header: string) =>
  header
    .replace(/[(（][^)）]*[)）]\s*$/, '')
    .replace(/[\s*＊_]/g, '')
    .toLowerCase();

const FIELD_BY_HEADER = new Map<string, AreaField>(
  AREA_COLUMNS.flatMap((column) =>
    [column.zh, column.field, ...column.aliases].map(
      (header) => [normalizeHeader(header), column.field] as const,
    ),
  ),
);

export type HeaderMap = ReadonlyArray<AreaField | undefined>;

export function mapHeader(values: readonly string[]): HeaderMap {
  const seen = new Set<AreaField>();
  return values.map((value) => {
    const field = FIELD_BY_HEADER.get(normalizeHeader(value));
    if (!field || seen.has(field)) return undefined;
    seen.add(field);
    return field;
  });
}

export const looksLikeHeader = (map: HeaderMap) => map.filter(Boolean).length >= 2;

export function missingHeaders(map: HeaderMap): FieldError[] {
  return AREA_COLUMNS.filter((c) => c.required && !map.includes(c.field)).map((c) =>
    fieldError(c.zh, 'header_missing'),
  );
}

export const columnLabel = (field: string) => AREA_COLUMNS.find((c) => c.field === field)?.zh ?? field;
export const columnOrder = (field: string) => {
  const index = AREA_COLUMNS.findIndex((c) => c.field === field);
  return index === -1 ? AREA_COLUMNS.length : index;
};

const LEVEL_BY_LABEL = new Map<string, AreaLevel>([
  ...Object.entries(LEVEL_LABELS).flatMap(([level, label]) => [
    [label, level as AreaLevel] as const,
    [`${label}风险`, level as AreaLevel] as const,
    [`${label}风险地区`, level as AreaLevel] as const,
    [`${label}风险区`, level as AreaLevel] as const,
    [level, level as AreaLevel] as const,
  ]),
  ['重点关注地区', 'key_concern'],
]);

/** One row as the input checkArea() takes, and the problems only the spreadsheet can have. */
export function toAreaInput(
  values: readonly string[],
  header: HeaderMap,
  timeZone: string,
): { input: AreaInput; errors: FieldError[] } {
  const cell: Partial<Record<AreaField, string>> = {};
  header.forEach((field, i) => {
    if (field) cell[field] = values[i]?.trim() ?? '';
  });
  const errors: FieldError[] = [];
  const time = (field: 'publishedAt' | 'liftedAt'): Date | null => {
    if (!cell[field]) return null;
    const parsed = parseLocalDateTime(cell[field], timeZone);
    if (!parsed) errors.push(fieldError(field, 'datetime_format'));
    return parsed ?? null;
  };
  const publishedAt = time('publishedAt');
  const liftedAt = time('liftedAt');
  if (!cell.publishedAt) errors.push(fieldError('publishedAt', 'required'));
  const level = cell.level ?? '';
  if (!level) errors.push(fieldError('level', 'required'));
  return {
    errors,
    input: {
      level: LEVEL_BY_LABEL.get(level.toLowerCase()) ?? level,
      divisionCode: cell.divisionCode ?? '',
      areaName: cell.areaName || null,
      provinceName: cell.provinceName || null,
      cityName: cell.cityName || null,
      districtName: cell.districtName || null,
      // An unreadable time is reported above; checkArea then sees an invalid date and stays quiet.
      publishedAt: publishedAt ?? new Date(Number.NaN),
      liftedAt,
      publisher: cell.publisher ?? '',
      sourceUrl: cell.sourceUrl || null,
    },
  };
}
