import { normalizeHeader } from '../../platform/bulk/index.js';
import { type FieldError, fieldError } from '../../platform/errors.js';

export type PushField =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'originCode'
  | 'originName'
  | 'leftOriginAt'
  | 'arrivedAt'
  | 'destinationCode'
  | 'overseas'
  | 'originCountry'
  | 'enteredAt';

export interface PushColumn {
  readonly field: PushField;
  readonly zh: string;
  readonly en: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly note: string;
}

const TIME_NOTE = '如 2026-11-20 08:30（北京时间），也可只填日期';

/** The columns of a big-data push list (大数据推送名单), in template order. */
export const PUSH_COLUMNS: readonly PushColumn[] = [
  { field: 'name', zh: '姓名', en: 'Name', aliases: [], required: true, note: '必填，不超过50字' },
  {
    field: 'idNumber',
    zh: '身份证号',
    en: 'ID number',
    aliases: ['证件号码', '身份证号码', '证件号'],
    required: true,
    note: '必填；18位居民身份证号，校验位须正确（GB 11643）；请将单元格设为文本格式',
  },
  {
    field: 'phone',
    zh: '手机号',
    en: 'Phone',
    aliases: ['手机号码', '联系电话', '电话'],
    required: false,
    note: '11位手机号',
  },
  {
    field: 'originCode',
    zh: '来源地区代码',
    en: 'Origin code',
    aliases: ['来源地代码', '来源地区划代码', '出发地代码'],
    required: false,
    note: '国内来源必填；6、9或12位行政区划代码（GB/T 2260）',
  },
  {
    field: 'originName',
    zh: '来源地区',
    en: 'Origin',
    aliases: ['来源地', '出发地'],
    required: false,
    note: '如 北京市朝阳区',
  },
  {
    field: 'leftOriginAt',
    zh: '离开来源地时间',
    en: 'Left origin at',
    aliases: ['离开时间'],
    required: false,
    note: `${TIME_NOTE}；留空按抵达时间计。按离开时该地区的风险等级判定`,
  },
  {
    field: 'arrivedAt',
    zh: '抵达时间',
    en: 'Arrived at',
    aliases: ['到达时间', '来返时间'],
    required: true,
    note: `必填；${TIME_NOTE}`,
  },
  {
    field: 'destinationCode',
    zh: '目的地区划代码',
    en: 'Destination code',
    aliases: ['目的地代码', '现住址区划代码'],
    required: true,
    note: '必填；12位社区/村代码（或乡镇、区县代码），须在导入单位的管辖范围内',
  },
  {
    field: 'overseas',
    zh: '境外',
    en: 'Overseas',
    aliases: ['是否境外', '境外(是/否)', '境外人员'],
    required: false,
    note: '是 或 否；留空为否',
  },
  {
    field: 'originCountry',
    zh: '来源国家',
    en: 'Origin country',
    aliases: ['国家或地区'],
    required: false,
    note: '境外来源填写',
  },
  { field: 'enteredAt', zh: '入境时间', en: 'Entered at', aliases: [], required: false, note: TIME_NOTE },
];

// '境外(是/否)' must name the column before the trailing bracket is stripped as a remark.
const FIELD_BY_HEADER = new Map<string, PushField>(
  PUSH_COLUMNS.flatMap((column) =>
    [column.zh, column.en, column.field, ...column.aliases].flatMap((header) => [
      [normalizeHeader(header), column.field] as const,
      [header.replace(/\s/g, '').toLowerCase(), column.field] as const,
    ]),
  ),
);

export type PushHeader = ReadonlyArray<PushField | undefined>;

export function mapPushHeader(values: readonly string[]): PushHeader {
  const seen = new Set<PushField>();
  return values.map((value) => {
    const field =
      FIELD_BY_HEADER.get(value.replace(/\s/g, '').toLowerCase()) ??
      FIELD_BY_HEADER.get(normalizeHeader(value));
    if (!field || seen.has(field)) return undefined;
    seen.add(field);
    return field;
  });
}

export const looksLikePushHeader = (map: PushHeader) => map.filter(Boolean).length >= 2;

export function missingPushHeaders(map: PushHeader): FieldError[] {
  return PUSH_COLUMNS.filter((c) => c.required && !map.includes(c.field)).map((c) =>
    fieldError(c.zh, 'header_missing'),
  );
}

const COLUMN_BY_FIELD = new Map(PUSH_COLUMNS.map((c) => [c.field as string, c]));

/** The Chinese header of a field, for messages read next to the spreadsheet. */
export const pushFieldLabel = (field: string) => COLUMN_BY_FIELD.get(field)?.zh ?? field;

export function pushFieldOrder(field: string): number {
  const index = PUSH_COLUMNS.findIndex((c) => c.field === field);
  return index === -1 ? PUSH_COLUMNS.length : index;
}
