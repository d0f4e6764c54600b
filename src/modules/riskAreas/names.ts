import type { Queryable } from '../../platform/db/types.js';
import type { AreaFields } from './fields.js';

const PATH_LENGTHS = [2, 4, 6, 9, 12];
/** Level names of GB/T 2260 that stand for no place of their own ("北京市 市辖区 朝阳区"). */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const pathOf = (code: string) => PATH_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));

/** Names of the given codes and the divisions above them, from the jurisdictions table. */
export async function divisionNames(tx: Queryable, codes: Iterable<string>): Promise<Map<string, string>> {
  const wanted = new Set<string>();
  for (const code of codes) for (const prefix of pathOf(code)) wanted.add(prefix);
  if (wanted.size === 0) return new Map();
  const rows = await tx.query<{ code: string; name: string }>(
    'SELECT code, name FROM fangkong_division_names($1::text[])',
    [[...wanted]],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}

function place(names: Map<string, string>, code: string, length: number): string | undefined {
  if (code.length < length) return undefined;
  const name = names.get(code.slice(0, length));
  return name && !PLACEHOLDERS.has(name) ? name : undefined;
}

/**
 * Names an area from the jurisdictions table when its code is known there: province, city and
 * district names, and, when the publication gave no area name, the full name of the division.
 * Published names finer than any code ("某某小区") are kept as given.
 */
export function nameArea(fields: AreaFields, names: Map<string, string>): AreaFields {
  const known = names.has(fields.divisionCode);
  const fullName = pathOf(fields.divisionCode)
    .map((prefix) => names.get(prefix))
    .filter((name): name is string => name !== undefined && !PLACEHOLDERS.has(name))
    .join('');
  return {
    ...fields,
    areaName: fields.areaName ?? (known && fullName ? fullName : null),
    provinceName: place(names, fields.divisionCode, 2) ?? fields.provinceName,
    cityName: place(names, fields.divisionCode, 4) ?? fields.cityName,
    districtName: place(names, fields.divisionCode, 6) ?? fields.districtName,
  };
}
