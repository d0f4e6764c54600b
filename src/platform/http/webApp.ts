import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError, toProblem } from '../errors.js';

/** Built files named by their content's hash: a changed file gets a new name, so one never goes stale. */
const HASHED = `assets${sep}`;
const ONE_YEAR = 365 * 24 * 60 * 60;
const ONE_DAY = 24 * 60 * 60;

/**
 * The pages a QR code opens (the landing report, ARR-11; the truck pre-report, ARR-12): the public
 * forms' own bundle (web/public.html), not the staff app. web/src/public/PublicApp.tsx reads the
 * same paths.
 */
const PUBLIC_FORMS = [
  /^\/landing\/[^/]+\/?$/,
  /^\/truck-report\/?$/,
  /^\/check-in\/[^/]+\/?$/,
  /^\/self-report\/[^/]+\/?$/,
];

/**
 * How long a browser or proxy may keep a web file: a hashed one for a year, unasked (immutable);
 * a page (index.html, public.html) is asked about every time (no-cache, answered 304 while its ETag
 * holds), so a new release reaches users at their next visit; the icons for a day. Each may be sent
 * compressed or not, as asked: caches keep them apart by Accept-Encoding.
 */
function cacheHeaders(webDist: string) {
  return (response: SetHeadersResponse, path: string) => {
    const file = relative(webDist, path);
    const cacheControl = file.startsWith(HASHED)
      ? `public, max-age=${ONE_YEAR}, immutable`
      : /\.html(\.br|\.gz)?$/.test(file)
        ? 'no-cache'
        : `public, max-age=${ONE_DAY}`;
    response.setHeader('cache-control', cacheControl);
    response.setHeader('vary', 'accept-encoding');
  };
}

/**
 * Serves the built web app (web/dist) when there is one: its files as the build compressed them
 * (brotli or gzip, written beside each file), its pages for the paths the apps route on the client,
 * and a problem for an unknown API path or file. Without a build, only the API answers.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string) {
  const built = (file: string) => existsSync(join(webDist, file));
  if (built('index.html')) {
    await app.register(fastifyStatic, {
      root: webDist,
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      preCompressed: true,
      cacheControl: false,
      setHeaders: cacheHeaders(webDist),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isFile = /\.[a-z0-9]+$/i.test(path);
    if (path.startsWith('/api/') || isFile || !built('index.html')) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send(toProblem(new AppError('not_found')));
    }
    // The apps route on the client, so every other page path gets its shell.
    const page =
      PUBLIC_FORMS.some((form) => form.test(path)) && built('public.html') ? 'public.html' : 'index.html';
    return reply.type('text/html').sendFile(page);
  });
}
