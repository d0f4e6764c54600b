import { existsSync, readdirSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { type Build, routeRequests } from '../support/routeRequests.js';
import { COUNTY_A, seedWorld, signInAs } from '../support/world.js';

/**
 * Every response (every route of the app, the web app's files, the API docs, and refusals and
 * errors alike) carries the security headers, and every API response is `no-store`, so lists,
 * records and exports of personal data stay in no browser or proxy cache.
 */
let db: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let routes: RouteOptions[];
let cookie: string;
let requests: Record<string, Build>;

const WEB_DIST = 'web/dist';

beforeAll(async () => {
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

/** A request for a route routeRequests does not list (public, docs, static): its parameters filled. */
function fill(url: string): string {
  return url
    .replace(':code', COUNTY_A)
    .replace(/:id\b/g, '00000000-0000-4000-8000-000000000000')
    .replace(/:[a-zA-Z]+/g, 'x')
    .replace(/\*$/, 'index.html');
}

function expectSecurityHeaders(what: string, response: LightMyRequestResponse) {
  const h = response.headers;
  const csp = String(h['content-security-policy'] ?? '');
  const directives = Object.fromEntries(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
  expect({
    what,
    defaultSrc: directives['default-src'],
    scriptSrc: directives['script-src'],
    objectSrc: directives['object-src'],
    frameAncestors: directives['frame-ancestors'],
    nosniff: h['x-content-type-options'],
    frameOptions: h['x-frame-options'],
    referrer: h['referrer-policy'],
    // Plain http out of the box: HSTS and upgrading requests would break an intranet address.
    hsts: h['strict-transport-security'],
    upgrade: 'upgrade-insecure-requests' in directives,
  }).toEqual({
    what,
    defaultSrc: "'self'",
    scriptSrc: "'self'",
    objectSrc: "'none'",
    frameAncestors: "'none'",
    nosniff: 'nosniff',
    frameOptions: 'DENY',
    referrer: 'same-origin',
    hsts: undefined,
    upgrade: false,
  });
}

function expectNoStore(what: string, response: LightMyRequestResponse) {
  expect({ what, cacheControl: response.headers['cache-control'] }).toEqual({
    what,
    cacheControl: 'no-store',
  });
}

describe('security headers on every response', () => {
  it('on every route of the app, with no-store on every API response', async () => {
    let checked = 0;
    for (const route of routes) {
      const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
        (m) => m !== 'OPTIONS',
      );
      for (const method of methods) {
        const key = `${method} ${route.url}`;
        const built = requests[key]?.() ?? { url: fill(route.url) };
        const response = await app.inject({
          ...built,
          method: method as InjectOptions['method'],
          headers: { ...built.headers, cookie, origin: 'http://localhost' },
        });
        expect({ key, status: response.statusCode }).toEqual({
          key,
          status: expect.toSatisfy((s: number) => s < 500),
        });
        expectSecurityHeaders(key, response);
        if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs/static'))
          expectNoStore(key, response);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('on refusals and errors: no session, another site, bad input, unknown path', async () => {
    const cases: [string, InjectOptions][] = [
      ['401', { method: 'GET', url: `/api/persons?jurisdiction=${COUNTY_A}` }],
      [
        '403 cross-origin',
        {
          method: 'POST',
          url: '/api/persons',
          payload: {},
          headers: { cookie, origin: 'https://evil.example' },
        },
      ],
      ['400', { method: 'POST', url: '/api/persons', payload: { name: 1 }, headers: { cookie } }],
      ['404 api', { method: 'GET', url: '/api/no-such-thing', headers: { cookie } }],
      ['404 file', { method: 'GET', url: '/no-such-file.js' }],
      ['400 from the router', { method: 'GET', url: '/api/persons/%ZZ', headers: { cookie } }],
      [
        '415',
        {
          method: 'POST',
          url: '/api/persons',
          payload: 'x',
          headers: { cookie, 'content-type': 'text/plain' },
        },
      ],
    ];
    for (const [what, request] of cases) {
      const response = await app.inject(request);
      expect({ what, status: response.statusCode }).toEqual({
        what,
        status: expect.toSatisfy((s: number) => s >= 400 && s < 500),
      });
      expectSecurityHeaders(what, response);
      expectNoStore(what, response);
    }
  });

  it('keeps the API docs working under the policy: their page loads scripts only from files', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expectSecurityHeaders('/api/docs/', page);
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
  });

  it.skipIf(!existsSync(`${WEB_DIST}/index.html`))(
    'keeps the web app working under the policy: no inline script, assets served with the headers',
    async () => {
      const shell = await app.inject({ method: 'GET', url: '/persons' });
      expect(shell.statusCode).toBe(200);
      expectSecurityHeaders('/persons', shell);
      for (const [, attributes, body] of shell.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(attributes).toMatch(/\bsrc="\/assets\//);
        expect(body!.trim()).toBe('');
      }
      expect(shell.body).not.toMatch(/\son[a-z]+=/i);
      const asset = readdirSync(`${WEB_DIST}/assets`).find((file) => file.endsWith('.js'));
      const file = await app.inject({ method: 'GET', url: `/assets/${asset}` });
      expect(file.statusCode).toBe(200);
      expectSecurityHeaders(asset!, file);
    },
  );
});
