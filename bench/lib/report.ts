import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/out is git-ignored: raw figures of each run, kept for writing BENCHMARKS.md. */
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');

export function saveJson(name: string, data: unknown): string {
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const file = join(outDir, `${name}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export const log = (message: string) => console.log(message);
