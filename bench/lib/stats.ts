/** The q-quantile (0..1) of samples, by the nearest-rank method. */
function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), p99: quantile(samples, 0.99) };
}

/** Milliseconds since `start` (a performance.now() reading). */
export const since = (start: number) => performance.now() - start;

/**
 * Runs `fn` and returns its result with the wall-clock milliseconds it took and the CPU
 * milliseconds this process spent meanwhile (PGlite's work included, a server's not): on a busy
 * machine the wall clock stretches, the CPU time much less.
 */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, ms: since(start), cpuMs: (used.user + used.system) / 1000 };
}

export const ms = (value: number) =>
  value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
export const seconds = (valueMs: number) => (valueMs / 1000).toFixed(2);
export const ratio = (value: number, baseline: number) =>
  baseline > 0 ? `${(value / baseline).toFixed(2)}×` : '–';
export const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/** A plain-text table with aligned columns (Markdown-compatible, so it can be pasted). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string) => [...s].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** One line of the summary printed by bench/run.ts. */
export interface SummaryRow {
  bench: string;
  engine: string;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
}

/** The p50 and p95 rows of reads measured against a bare count of the same node's persons. */
export function readsAgainstBareCount(
  bench: string,
  engine: string,
  persons: number,
  results: ReadonlyArray<{ label: string; api: Percentiles; bare: Percentiles }>,
): SummaryRow[] {
  return results.flatMap((r) =>
    (['p50', 'p95'] as const).map((p) => ({
      bench,
      engine,
      measure: `${thousands(persons)} persons: ${r.label} ${p}`,
      value: `${ms(r.api[p])} ms`,
      baseline: `${ms(r.bare[p])} ms bare count`,
      ratio: ratio(r.api[p], r.bare[p]),
    })),
  );
}
