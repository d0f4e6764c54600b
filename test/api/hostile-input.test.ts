import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_CHARACTERS } from '../../src/api/documents.js';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { type Build, guarded, routeRequests } from '../support/routeRequests.js';
import { seedWorld, signInAs } from '../support/world.js';

/**
 * Bad input to every JSON write route — wrong types, oversized values and bodies, markup, unknown
 * fields, malformed ID numbers, broken JSON — gets a 4xx problem+json naming the field, never a
 * 5xx, and writes nothing.
 */
let db: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let routes: RouteOptions[];
let cookie: string;
let requests: Record<string, Build>;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const { ctx } = testContext(db);
  const world = await seedWorld(ctx);
  ({ app, routes } = await buildApp(ctx));
  cookie = await signInAs(app, 'a_admin');
  requests = {
    ...routeRequests(world, () => '00000000-0000-4000-8000-000000000000'),
    'POST /api/session': () => ({ url: '/api/session', payload: { username: 'a_admin', password: 'wrong' } }),
  };
});
afterAll(async () => {
  await app.close();
  await drop();
});

/** Row counts and a digest of every table: equal before and after means nothing was written. */
async function snapshot(): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await db.query<{ digest: string | null }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table_name} t`,
    );
    parts.push(`${table_name}:${row?.digest}`);
  }
  return parts.join('\n');
}

function jsonWriteRoutes(): string[] {
  return [...routes.flatMap(guarded), 'POST /api/session'].filter((key) => {
    if (!/^(POST|PUT|PATCH) /.test(key)) return false;
    const payload = requests[key]?.().payload;
    return payload !== undefined && !Buffer.isBuffer(payload);
  });
}

const WRONG_TYPES: unknown[] = [12345, true, { nested: 'object' }, ['array']];
const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'a\u0000b',
  'x'.repeat(100_000),
];
const MALFORMED_IDS = [
  '211122198001010018',
  '21112219800101001',
  '2111221980013200171',
  '211122198002300017',
  'ABCDEFGHIJKLMNOPQR',
  "1' OR '1'='1",
];

async function send(key: string, payload: unknown, extra: Partial<InjectOptions> = {}) {
  const [method, url] = key.split(' ') as [InjectOptions['method'], string];
  const built = requests[key]!();
  return app.inject({
    method,
    url: built.url ?? url,
    payload: payload as InjectOptions['payload'],
    headers: { cookie },
    ...extra,
  });
}

function expectProblem(
  key: string,
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  field?: string,
) {
  expect({ key, status: response.statusCode }).toEqual({
    key,
    status: expect.toSatisfy((s: number) => s >= 400 && s < 500),
  });
  expect(response.headers['content-type']).toContain('application/problem+json');
  if (field) {
    const fields: string[] = (JSON.parse(response.body).errors ?? []).map((e: { field: string }) => e.field);
    const named = fields.some((f) => f === field || f.startsWith(`${field}.`));
    expect({ key, fields, named }).toEqual({ key, fields, named: true });
  }
}

describe('hostile input to every JSON write route', () => {
  it('covers the write routes', () => {
    expect(jsonWriteRoutes()).toEqual(
      expect.arrayContaining([
        'POST /api/persons',
        'PUT /api/persons/:id',
        'POST /api/users',
        'POST /api/session',
      ]),
    );
  });

  it('refuses wrong types, markup and oversized values field by field, writing nothing', async () => {
    const before = await snapshot();
    for (const key of jsonWriteRoutes()) {
      const valid = requests[key]!().payload as Record<string, unknown>;
      for (const [field, value] of Object.entries(valid)) {
        for (const wrong of WRONG_TYPES) {
          if (typeof wrong === typeof value && !Array.isArray(wrong)) continue;
          expectProblem(
            `${key} ${field}=${JSON.stringify(wrong)}`,
            await send(key, { ...valid, [field]: wrong }),
            field,
          );
        }
        // Passwords may hold any character: markup in one is no attack, and is not refused.
        if (typeof value === 'string' && !/password/i.test(field)) {
          for (const hostile of HOSTILE_STRINGS) {
            // A source document's full text is long by nature: its own bound is tested below.
            if (key === 'POST /api/documents' && field === 'fullText' && hostile.length > 1000) continue;
            expectProblem(
              `${key} ${field}=${hostile.slice(0, 20)}`,
              await send(key, { ...valid, [field]: hostile }),
              field,
            );
          }
        }
      }
      expectProblem(`${key} unknown field`, await send(key, { ...valid, isAdmin: true }), 'isAdmin');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses malformed ID numbers (GB 11643) on every route that takes one', async () => {
    const before = await snapshot();
    for (const key of jsonWriteRoutes()) {
      const valid = requests[key]!().payload as Record<string, unknown>;
      if (!('idNumber' in valid)) continue;
      for (const idNumber of MALFORMED_IDS)
        expectProblem(`${key} ${idNumber}`, await send(key, { ...valid, idNumber }), 'idNumber');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a source document longer than its bound', async () => {
    const key = 'POST /api/documents';
    const valid = requests[key]!().payload as Record<string, unknown>;
    expectProblem(
      `${key} fullText=x×${MAX_DOCUMENT_CHARACTERS + 1}`,
      await send(key, { ...valid, fullText: 'x'.repeat(MAX_DOCUMENT_CHARACTERS + 1) }),
      'fullText',
    );
  });

  it('refuses broken, oversized and mistyped bodies', async () => {
    const before = await snapshot();
    for (const key of jsonWriteRoutes()) {
      const json = { 'content-type': 'application/json', cookie };
      expectProblem(`${key} broken json`, await send(key, '{"name": "x",', { headers: json }), 'body');
      expectProblem(`${key} empty body`, await send(key, '', { headers: json }));
      expectProblem(`${key} array body`, await send(key, '[1,2,3]', { headers: json }));
      const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
      const response = await send(key, huge, { headers: json });
      expectProblem(`${key} 2 MiB`, response);
      expect(response.statusCode).toBe(413);
      expectProblem(
        `${key} xml`,
        await send(key, '<a/>', { headers: { 'content-type': 'application/xml', cookie } }),
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it('treats SQL in strings as text: no 5xx, no effect', async () => {
    const injection = "x'); DROP TABLE persons; --";
    for (const key of jsonWriteRoutes()) {
      const valid = requests[key]!().payload as Record<string, unknown>;
      for (const [field, value] of Object.entries(valid)) {
        if (typeof value !== 'string') continue;
        const response = await send(key, { ...valid, [field]: injection });
        expect({ key, field, status: response.statusCode }).toEqual({
          key,
          field,
          status: expect.toSatisfy((s: number) => s < 500),
        });
      }
    }
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
    expect(row!.n).toBeGreaterThan(0);
  });

  it('refuses malformed path parameters with 4xx', async () => {
    for (const url of [
      '/api/persons/not-a-uuid',
      "/api/persons/1'%20OR%201=1",
      '/api/jurisdictions/abc',
      '/api/jurisdictions/%3Cscript%3E',
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      expectProblem(url, response);
    }
  });
});
