import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { onCleanup } from './scratch.js';
import { type Percentiles, percentiles } from './stats.js';

/** One request of an open-loop run: sent `at` ms after the start, whatever came before. */
export interface PlannedRequest {
  at: number;
  /** The label results are grouped by (and the bare baseline answers by). */
  route: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  cookie: string;
  /** The client's address as a reverse proxy in front would forward it (X-Forwarded-For). */
  address: string;
}

/** status: the HTTP status, 0 for a network error or time-out, -1 when shed by the in-flight bound. */
export interface Outcome {
  route: string;
  status: number;
  ms: number;
}

export interface OpenLoopRun {
  outcomes: Outcome[];
  bodies: Record<string, { status: number; body: string }>;
  failures: Record<string, string[]>;
  maxInFlight: number;
  maxLagMs: number;
  ms: number;
}

/**
 * Runs `plan` against `base` from a worker thread (bench/lib/openLoopWorker.ts). The worker is
 * started through tsx's register API: a worker given a .ts file does not inherit `--import tsx`'s
 * hooks on Node 20.
 */
export function runOpenLoop(
  base: string,
  plan: readonly PlannedRequest[],
  options: { maxInFlight: number; timeoutMs: number },
): Promise<OpenLoopRun> {
  if (plan.length === 0) throw new Error('an open-loop run needs at least one request');
  const file = new URL('./openLoopWorker.ts', import.meta.url).href;
  const start = performance.now();
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`,
    { eval: true, workerData: { base, plan, ...options } },
  );
  const stop = onCleanup(async () => {
    await worker.terminate();
  });
  return new Promise<OpenLoopRun>((resolve, reject) => {
    worker.once('message', (run: Omit<OpenLoopRun, 'ms'>) => {
      void stop();
      resolve({ ...run, ms: performance.now() - start });
    });
    worker.once('error', (error) => {
      void stop();
      reject(error);
    });
  });
}

interface RouteFigures extends Percentiles {
  route: string;
  count: number;
  errors: number;
}

const ok = (o: Outcome) => o.status >= 200 && o.status < 300;

/** Count, errors and latency percentiles per route and over all ("all"); errors' latencies included. */
export function figuresByRoute(outcomes: readonly Outcome[]): RouteFigures[] {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const list = groups.get(o.route) ?? [];
    list.push(o);
    groups.set(o.route, list);
  }
  const figures = (route: string, list: readonly Outcome[]): RouteFigures => ({
    route,
    count: list.length,
    errors: list.filter((o) => !ok(o)).length,
    ...percentiles(list.filter((o) => o.status !== -1).map((o) => o.ms)),
  });
  return [
    ...[...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, list]) => figures(route, list)),
    figures('all', outcomes),
  ];
}

/** Errors by kind: HTTP status, "network" (no answer) or "shed". */
export function errorKinds(outcomes: readonly Outcome[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const o of outcomes) {
    if (ok(o)) continue;
    const kind = o.status === -1 ? 'shed' : o.status === 0 ? 'network' : String(o.status);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

/**
 * The baseline: bare node:http on loopback that reads each request's body and answers with the
 * real app's first answer to that route (by the X-Bench-Route header the client adds), nothing else.
 */
export async function bareServer(
  bodies: Record<string, { status: number; body: string }>,
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const answer = bodies[String(request.headers['x-bench-route'])] ?? { status: 200, body: '{}' };
      response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = onCleanup(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { base: `http://127.0.0.1:${port}`, close };
}
