import { loadDemo } from '../src/modules/demo/index.js';
import type { AppContext } from '../src/platform/context.js';
import { log } from './lib/report.js';
import { peakRssMiB } from './lib/scratch.js';
import { seconds, since, thousands, timed } from './lib/stats.js';

/** What loading the demo county's persons cost, for the report. */
export interface PersonsLoad {
  persons: number;
  ms: number;
  cpuMs: number;
}

/**
 * The demo county with `persons` residents (loadDemo, as the search benchmark loads it: divisions,
 * 534 grids, households, accounts per role), with progress every tenth, then a fresh ANALYZE.
 */
export async function loadPersons(ctx: AppContext, persons: number): Promise<PersonsLoad> {
  const step = Math.max(10_000, Math.round(persons / 10 / 10_000) * 10_000);
  let next = step;
  const start = performance.now();
  const load = await timed(() =>
    loadDemo(ctx, persons, (done) => {
      if (done < next) return;
      next += step;
      const s = since(start) / 1000;
      log(`  loaded ${thousands(done)} persons in ${s.toFixed(0)} s (${thousands(done / s)}/s)`);
    }),
  );
  await ctx.db.exec('ANALYZE');
  log(
    `loadDemo(${thousands(persons)}): ${seconds(load.ms)} s (CPU ${seconds(load.cpuMs)} s), ` +
      `${thousands((persons / load.ms) * 1000)} persons/s, peak RSS ${peakRssMiB()} MiB`,
  );
  return { persons, ms: load.ms, cpuMs: load.cpuMs };
}

/** A plain table (no key, index, trigger or row-level security) for a COPY baseline, dropped by the caller. */
export async function plainTable(ctx: AppContext, name: string, columns: string): Promise<void> {
  await ctx.db.exec(`DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (${columns})`);
}

/** COPY of CSV chunks built beforehand into `table`; only the COPYs are timed. */
export async function timedCopy(
  ctx: AppContext,
  table: string,
  columns: string[],
  chunks: readonly string[],
) {
  return timed(async () => {
    for (const chunk of chunks) await ctx.db.copyCsv(table, columns, chunk);
  });
}

/** `lines` joined into chunks of `size` lines each (the CSV a COPY baseline sends). */
export function chunked(lines: readonly string[], size = 10_000): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += size) chunks.push(lines.slice(i, i + size).join(''));
  return chunks;
}
