import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { type Build, routeRequests } from '../support/routeRequests.js';
import { COUNTY_A, seedWorld, signInAs } from '../support/world.js';

/**
 * A malformed path parameter (a non-UUID id, a code with letters, a barcode with markup, …), on
 * every route that takes one, answers 400 problem+json naming that parameter, never the
 * framework's bare error, a 404 or a 5xx. A path that does not even percent-decode, or a
 * parameter too long for the router, answers problem+json naming the path.
 */
let drop: () => Promise<void>;
let app: FastifyInstance;
let routes: RouteOptions[];
let cookie: string;
let requests: Record<string, Build>;

beforeAll(async () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>['db'];
  ({ db, drop } = await freshDatabase());
  const { ctx } = testContext(db);
  const world = await seedWorld(ctx);
  ({ app, routes } = await buildApp(ctx));
  cookie = await signInAs(app, 'a_admin');
  requests = routeRequests(world, () => '00000000-0000-4000-8000-000000000000');
});
afterAll(async () => {
  await app.close();
  await drop();
});

/** Values no path parameter of the API accepts: each is malformed for ids, codes, dates, barcodes. */
const MALFORMED = ["1' OR '1'='1", '<script>alert(1)</script>', '../../etc/passwd', '中文', 'x'.repeat(1500)];

interface Target {
  key: string;
  method: InjectOptions['method'];
  /** The route's path segments, parameters as `:name`. */
  pattern: string[];
  /** A well-formed request's path segments and query string. */
  segments: string[];
  query: string;
  built: ReturnType<Build>;
}

/** Every API route with a path parameter, with a well-formed request to start from. */
function targets(): Target[] {
  return routes.flatMap((route) => {
    if (!route.url.startsWith('/api/') || !route.url.includes(':')) return [];
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
      (m) => m !== 'HEAD' && m !== 'OPTIONS',
    );
    return methods.map((method) => {
      const key = `${method} ${route.url}`;
      // Public routes (not in routeRequests) take the landing code of county A.
      const built = requests[key]?.() ?? { url: route.url.replace(':code', COUNTY_A), payload: {} };
      const [path = '', query = ''] = (typeof built.url === 'string' ? built.url : '').split('?');
      return {
        key,
        method: method as InjectOptions['method'],
        pattern: route.url.split('/'),
        segments: path.split('/'),
        query: query ? `?${query}` : '',
        built,
      };
    });
  });
}

function send(target: Target, segments: string[]) {
  return app.inject({
    ...target.built,
    method: target.method,
    url: segments.join('/') + target.query,
    headers: { ...target.built.headers, cookie, origin: 'http://localhost' },
  });
}

function expectFieldProblem(what: string, response: LightMyRequestResponse, field: string) {
  const problem = String(response.headers['content-type']).includes('application/problem+json')
    ? response.json()
    : { raw: response.body.slice(0, 200) };
  const fields: string[] = (problem.errors ?? []).map((e: { field: string }) => e.field);
  expect({ what, status: response.statusCode, code: problem.code, named: fields.includes(field) }).toEqual({
    what,
    status: 400,
    code: 'validation',
    named: true,
  });
}

describe('malformed path parameters answer problem+json naming the parameter', () => {
  it('covers every route with a path parameter', () => {
    const all = targets();
    expect(all.length).toBeGreaterThan(40);
    for (const target of all)
      expect({ key: target.key, segments: target.segments.length }).toEqual({
        key: target.key,
        segments: target.pattern.length,
      });
  });

  it('on every route, for each of its parameters', async () => {
    for (const target of targets()) {
      for (const [index, segment] of target.pattern.entries()) {
        if (!segment.startsWith(':')) continue;
        const param = segment.slice(1);
        for (const value of MALFORMED) {
          const segments = [...target.segments];
          segments[index] = encodeURIComponent(value);
          expectFieldProblem(
            `${target.key} ${param}=${value.slice(0, 20)}`,
            await send(target, segments),
            param,
          );
        }
      }
    }
  });

  it('a path that does not percent-decode names the path; one past the router’s limit is a problem too', async () => {
    for (const target of targets()) {
      const index = target.pattern.findIndex((segment) => segment.startsWith(':'));
      for (const value of ['%ZZ', '%C0%AF']) {
        const segments = [...target.segments];
        segments[index] = value;
        const response = await send(target, segments);
        expectFieldProblem(`${target.key} ${value}`, response, 'path');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
      // Past the router's limit a GET may fall through to the web app's catch-all (a 404 problem).
      const segments = [...target.segments];
      segments[index] = 'x'.repeat(5000);
      const long = await send(target, segments);
      expect({ key: target.key, status: long.statusCode, type: long.headers['content-type'] }).toEqual({
        key: target.key,
        status: expect.toSatisfy((s: number) => s === 400 || s === 404),
        type: expect.stringContaining('application/problem+json'),
      });
    }
  });
});
