import { isMatch } from 'date-fns';
import { normalizeHeader } from '../../../platform/bulk/rowErrors.js';
import { type FieldError, fieldError } from '../../../platform/errors.js';
import type { IdType } from '../../../rules/idNumber.js';
import { KEY_GROUPS, keyGroupFromLabel } from '../../../rules/keyGroups.js';
import type { PersonInput } from '../validate.js';

type LedgerField = keyof Required<PersonInput>;

export interface LedgerColumn {
  readonly field: LedgerField;
  /** The header of the downloadable template and of exports. */
  readonly zh: string;
  readonly en: string;
  /** Other headers found in real ledgers, matched after normalising (see `normalizeHeader`). */
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** What the template's 填写说明 sheet says about the column. */
  readonly note: string;
}

export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳通行证',
  taiwan_permit: '台湾通行证',
  foreign_permanent: '外国人永久居留证',
  other: '其他',
};

export const SEX_LABELS = { male: '男', female: '女' } as const;

/** The ledger (台账) columns, in template order. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { field: 'name', zh: '姓名', en: 'Name', aliases: [], required: true, note: '必填，不超过50字' },
  {
    field: 'idType',
    zh: '证件类型',
    en: 'ID type',
    aliases: [],
    required: false,
    note: `${Object.values(ID_TYPE_LABELS).join('、')}之一；留空为居民身份证`,
  },
  {
    field: 'idNumber',
    zh: '证件号码',
    en: 'ID number',
    aliases: ['身份证号', '身份证号码', '证件号'],
    required: true,
    note: '必填；居民身份证须为18位且校验位正确（GB 11643）；同一文件中不可重复；请将单元格设为文本格式',
  },
  {
    field: 'phone',
    zh: '联系电话',
    en: 'Phone',
    aliases: ['手机号', '手机号码', '电话', '联系方式'],
    required: false,
    note: '11位手机号或带区号的固定电话',
  },
  {
    field: 'sex',
    zh: '性别',
    en: 'Sex',
    aliases: ['gender'],
    required: false,
    note: '男 或 女；居民身份证可留空',
  },
  {
    field: 'birthDate',
    zh: '出生日期',
    en: 'Birth date',
    aliases: ['date of birth'],
    required: false,
    note: '如 1980-01-01；居民身份证可留空（由证件号码推出）',
  },
  {
    field: 'jurisdictionCode',
    zh: '现住址区划代码',
    en: 'Jurisdiction code',
    aliases: ['区划代码', '现住址区划'],
    required: true,
    note: '必填；12位村/社区统计用区划代码或网格代码，须在您的管辖范围内',
  },
  {
    field: 'address',
    zh: '详细地址',
    en: 'Address',
    aliases: ['现住址'],
    required: false,
    note: '不超过200字',
  },
  { field: 'employer', zh: '工作单位', en: 'Employer', aliases: [], required: false, note: '不超过100字' },
  {
    field: 'householdCode',
    zh: '户号',
    en: 'Household code',
    aliases: [],
    required: false,
    note: '同一户的人员填写相同户号',
  },
  {
    field: 'keyGroups',
    zh: '重点人群',
    en: 'Key groups',
    aliases: ['重点人群类别'],
    required: false,
    note: '可填多个，用顿号（、）或逗号分隔；名称见下表',
  },
];

const COLUMN_BY_FIELD = new Map(LEDGER_COLUMNS.map((column) => [column.field as string, column]));

const FIELD_BY_HEADER = new Map<string, LedgerField>(
  LEDGER_COLUMNS.flatMap((column) =>
    [column.zh, column.en, column.field, ...column.aliases].map(
      (header) => [normalizeHeader(header), column.field] as const,
    ),
  ),
);

export type HeaderMap = ReadonlyArray<LedgerField | undefined>;

/** Known columns recognised in a row; a header row must name at least this many. */
const HEADER_MIN_MATCHES = 2;

/** Maps each cell of a header row to its field; unknown columns are ignored. */
export function mapHeader(values: readonly string[]): HeaderMap {
  const seen = new Set<LedgerField>();
  return values.map((value) => {
    const field = FIELD_BY_HEADER.get(normalizeHeader(value));
    if (!field || seen.has(field)) return undefined;
    seen.add(field);
    return field;
  });
}

export function looksLikeHeader(map: HeaderMap): boolean {
  return map.filter(Boolean).length >= HEADER_MIN_MATCHES;
}

/** The required columns a header row lacks, as errors naming each by its Chinese header. */
export function missingHeaders(map: HeaderMap): FieldError[] {
  return LEDGER_COLUMNS.filter((column) => column.required && !map.includes(column.field)).map((column) =>
    fieldError(column.zh, 'header_missing'),
  );
}

const ID_TYPE_BY_LABEL = new Map<string, string>([
  ...Object.entries(ID_TYPE_LABELS).map(([id, label]) => [label, id] as [string, string]),
  ['身份证', 'resident_id'],
]);
const SEX_BY_LABEL = new Map<string, string>([
  ['男', 'male'],
  ['女', 'female'],
  ['m', 'male'],
  ['f', 'female'],
  ['male', 'male'],
  ['female', 'female'],
]);

/** Dates as people type them: 1980-1-1, 1980/01/01, 1980.1.1, 19800101, 1980年1月1日. */
function normalizeDate(raw: string): string | undefined {
  const value = raw.trim();
  const parts = /^(\d{4})\D(\d{1,2})\D(\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!parts) return undefined;
  const [, year, month = '', day = ''] = parts;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isMatch(iso, 'yyyy-MM-dd') ? iso : undefined;
}

const KEY_GROUP_SEPARATORS = /[、,，;；]/;

/**
 * Turns one ledger row into the input `validatePerson` checks. Labels become ids; a label that is
 * not known is passed on unchanged so that validation names it. Returns the problems only the
 * ledger can see (a birth date that is no calendar date).
 */
export function toPersonInput(
  values: readonly string[],
  header: HeaderMap,
): { input: PersonInput; errors: FieldError[] } {
  const cell: Partial<Record<LedgerField, string>> = {};
  header.forEach((field, i) => {
    if (field) cell[field] = values[i]?.trim() ?? '';
  });
  const errors: FieldError[] = [];
  let birthDate: string | null = null;
  if (cell.birthDate) {
    birthDate = normalizeDate(cell.birthDate) ?? null;
    if (!birthDate) errors.push(fieldError('birthDate', 'format'));
  }
  const idType = cell.idType ? (ID_TYPE_BY_LABEL.get(cell.idType) ?? cell.idType) : undefined;
  const sex = cell.sex ? (SEX_BY_LABEL.get(cell.sex.toLowerCase()) ?? cell.sex) : null;
  const keyGroups = (cell.keyGroups ?? '')
    .split(KEY_GROUP_SEPARATORS)
    .map((label) => label.trim())
    .filter(Boolean)
    .map((label) => keyGroupFromLabel(label) ?? label);
  return {
    errors,
    input: {
      name: cell.name,
      idType,
      idNumber: cell.idNumber,
      phone: cell.phone || null,
      sex,
      birthDate,
      jurisdictionCode: cell.jurisdictionCode,
      address: cell.address || null,
      employer: cell.employer || null,
      householdCode: cell.householdCode || null,
      keyGroups,
    },
  };
}

/** The Chinese header of a field, for messages people read next to their spreadsheet. */
export function fieldLabel(field: string): string {
  return COLUMN_BY_FIELD.get(field)?.zh ?? field;
}

/** Position of a field in the ledger, to list a row's problems left to right. */
export function fieldOrder(field: string): number {
  const index = LEDGER_COLUMNS.findIndex((column) => column.field === field);
  return index === -1 ? LEDGER_COLUMNS.length : index;
}

export const keyGroupLabels = (ids: readonly string[]) =>
  ids.map((id) => KEY_GROUPS[id as keyof typeof KEY_GROUPS]?.zh ?? id).join('、');
