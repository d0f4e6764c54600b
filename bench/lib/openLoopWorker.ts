import { parentPort, workerData } from 'node:worker_threads';
import type { Outcome, PlannedRequest } from './openLoop.js';

/**
 * The load generator, in a worker thread of its own so that the server's work (PGlite answers on
 * the main thread, synchronously) never delays a send: each request leaves at its planned time
 * whatever the earlier ones are doing (open loop), unless `maxInFlight` are already waiting, in
 * which case it is not sent and counts as an error ("shed"). Latency runs from the planned time to
 * the end of the answer's body, so a late send counts against the server, not for it.
 */
interface Job {
  base: string;
  plan: PlannedRequest[];
  maxInFlight: number;
  timeoutMs: number;
}

const { base, plan, maxInFlight, timeoutMs } = workerData as Job;
const outcomes: Outcome[] = new Array(plan.length);
/** The first answer of each route with a 2xx status: the bare baseline answers with it. */
const bodies: Record<string, { status: number; body: string }> = {};
/** The first few failures of each route, to say what went wrong. */
const failures: Record<string, string[]> = {};
let inFlight = 0;
let maxSeen = 0;
let maxLag = 0;
let done = 0;
let next = 0;
const origin = performance.now() + 50;

function fail(route: string, what: string) {
  const list = failures[route] ?? [];
  if (list.length < 5) list.push(what.slice(0, 1000));
  failures[route] = list;
}

function finish() {
  if (++done < plan.length) return;
  parentPort!.postMessage({ outcomes, bodies, failures, maxInFlight: maxSeen, maxLagMs: maxLag });
}

async function send(i: number, request: PlannedRequest) {
  const planned = origin + request.at;
  maxLag = Math.max(maxLag, performance.now() - planned);
  if (inFlight >= maxInFlight) {
    outcomes[i] = { route: request.route, status: -1, ms: 0 };
    fail(request.route, 'shed: too many requests in flight');
    finish();
    return;
  }
  inFlight++;
  maxSeen = Math.max(maxSeen, inFlight);
  let status = 0;
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: {
        cookie: request.cookie,
        origin: base,
        'x-forwarded-for': request.address,
        'x-bench-route': request.route,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    status = response.status;
    if (status >= 200 && status < 300) bodies[request.route] ??= { status, body: text };
    else fail(request.route, `${status} ${request.method} ${request.path}: ${text}`);
  } catch (error) {
    fail(request.route, `${request.method} ${request.path}: ${String(error)}`);
  }
  outcomes[i] = { route: request.route, status, ms: performance.now() - planned };
  inFlight--;
  finish();
}

/** Sends every request whose time has come, then sleeps until the next one is due. */
function tick() {
  const now = performance.now() - origin;
  while (next < plan.length && plan[next]!.at <= now) {
    void send(next, plan[next]!);
    next++;
  }
  if (next < plan.length) setTimeout(tick, Math.max(0, Math.min(5, plan[next]!.at - now - 1)));
}

setTimeout(tick, 50);
