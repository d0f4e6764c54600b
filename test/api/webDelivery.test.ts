import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';

/**
 * Fast pages (issue 13): API answers compressed when the client accepts it, the web app's files
 * sent as the build compressed them, hashed files cached for a year and pages revalidated, a
 * favicon, and the public landing form's first render within 150 KB as a browser receives it.
 * The web checks need the built app (`npm run build:web`; `npm install` builds it).
 */
const WEB_DIST = 'web/dist';
const BUILT = existsSync(join(WEB_DIST, 'public.html'));
const LANDING_BUDGET = 150 * 1000;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * What Chromium asks for over https or from localhost; over plain http to another address it asks
 * for gzip and deflate only, and then the landing form's first render is about 175 KB.
 */
const BROWSER = 'gzip, deflate, br, zstd';

let app: FastifyInstance;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  ({ app } = await buildApp(testContext(fresh.db).ctx));
});
afterAll(async () => {
  await app.close();
  await drop();
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

/** The body as the client reads it once it has undone the content encoding. */
function decoded(response: LightMyRequestResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload);
  if (encoding === 'gzip') return gunzipSync(response.rawPayload);
  return response.rawPayload;
}

function expectSecurityHeaders(response: LightMyRequestResponse) {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toContain("script-src 'self'");
}

describe('API answers', () => {
  it('are compressed over 1 KB when accepted, and stay no-store and unchanged', async () => {
    const plain = await get('/api/public/divisions');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    for (const encoding of ['br', 'gzip']) {
      const response = await get('/api/public/divisions', `${encoding}, identity`);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toContain('accept-encoding');
      expect(response.headers['cache-control']).toBe('no-store');
      expectSecurityHeaders(response);
      expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(decoded(response).toString()).toBe(plain.body);
    }
  });

  it('are sent plain when small, such as a problem', async () => {
    const response = await get('/api/public/landing/999999', BROWSER);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

/** The files public.html loads before its first render: its scripts, styles and their static imports. */
function firstRenderFiles(): string[] {
  const page = readFileSync(join(WEB_DIST, 'public.html'), 'utf8');
  const files = new Set<string>();
  const tags = page.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g);
  for (const [, file] of tags) files.add(file!);
  const queue = [...files];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(WEB_DIST, file), 'utf8');
    // Static imports only (`from"./x.js"`, `import"./x.js"`); `import("./x.js")` loads later.
    for (const [, name] of code.matchAll(/\b(?:from|import)\s*"\.\/([^"]+\.(?:js|css))"/g)) {
      const imported = `assets/${name}`;
      if (!files.has(imported)) queue.push(imported);
      files.add(imported);
    }
  }
  return [...files];
}

describe.skipIf(!BUILT)(
  BUILT ? 'the web app' : 'the web app: skipped, web/dist is absent (npm run build:web)',
  () => {
    it('sends hashed files compressed as accepted and cached for a year, with the security headers', async () => {
      const [script] = firstRenderFiles().filter((file) => file.endsWith('.js'));
      const url = `/${script}`;
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const [accept, encoding] of [
        [BROWSER, 'br'],
        ['gzip', 'gzip'],
      ] as const) {
        const response = await get(url, accept);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-encoding']).toBe(encoding);
        expect(response.headers['content-type']).toContain('javascript');
        expect(response.headers['cache-control']).toBe(IMMUTABLE);
        expect(response.headers.vary).toContain('accept-encoding');
        expectSecurityHeaders(response);
        expect(decoded(response).equals(plain.rawPayload)).toBe(true);
      }
    });

    it('has pages revalidated: index.html, the staff app’s paths and the public forms’ paths', async () => {
      const pages: Array<[string, string]> = [
        ['/', 'index.html'],
        ['/persons', 'index.html'],
        ['/landing/211122', 'public.html'],
        ['/truck-report', 'public.html'],
      ];
      for (const [url, file] of pages) {
        const response = await get(url, BROWSER);
        expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
        expect(response.headers['content-type']).toContain('text/html');
        expect({ url, cache: response.headers['cache-control'] }).toEqual({ url, cache: 'no-cache' });
        expectSecurityHeaders(response);
        expect(decoded(response).toString()).toBe(readFileSync(join(WEB_DIST, file), 'utf8'));
      }
      const unknownFile = await get('/assets/no-such-file-0000.js', BROWSER);
      expect(unknownFile.statusCode).toBe(404);
      expect(unknownFile.headers['cache-control']).toBe('no-store');
    });

    it('serves the favicon, as an SVG and at /favicon.ico', async () => {
      const svg = await get('/favicon.svg', BROWSER);
      expect(svg.statusCode).toBe(200);
      expect(svg.headers['content-type']).toContain('image/svg+xml');
      expect(decoded(svg).toString()).toContain('<svg');
      const ico = await get('/favicon.ico');
      expect(ico.statusCode).toBe(200);
      expect(ico.headers['content-type']).toMatch(/icon/);
      // An ICO file: reserved 0, type 1.
      expect([...ico.rawPayload.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
      for (const page of ['index.html', 'public.html'])
        expect(readFileSync(join(WEB_DIST, page), 'utf8')).toMatch(/<link rel="icon" href="\/favicon\.svg"/);
    });

    it('loads the landing form’s first render in at most 150 KB as a browser receives it over https', async () => {
      const files = firstRenderFiles();
      expect(files.some((file) => file.endsWith('.js'))).toBe(true);
      let received = 0;
      for (const file of files) {
        const response = await get(`/${file}`, BROWSER);
        expect({ file, status: response.statusCode }).toEqual({ file, status: 200 });
        received += response.rawPayload.length;
      }
      // Nothing of the staff app: its entry, its router, its menus.
      const staffEntry = readFileSync(join(WEB_DIST, 'index.html'), 'utf8').match(
        /src="\/(assets\/[^"]+)"/,
      )?.[1];
      expect(files).not.toContain(staffEntry);
      expect(files.filter((file) => /\/(router|AppShell)-/.test(file))).toEqual([]);
      expect({ files: files.length, received }).toEqual({
        files: files.length,
        received: expect.toSatisfy((bytes: number) => bytes <= LANDING_BUDGET),
      });
    });
  },
);
