import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config.js';

/** HSTS once the platform is known to be reached over https: half a year, renewed by every response. */
const HSTS_SECONDS = 180 * 24 * 60 * 60;

/** The generated API docs' own files (Swagger UI's scripts and styles) hold no personal data. */
const DOCS_FILES = '/api/docs/static/';

/**
 * The Content-Security-Policy fits what the platform serves, and nothing more:
 * - the web app is a Vite build (module scripts and styles from /assets, no inline script), and
 *   Swagger UI at /api/docs loads its scripts from its own static files: script-src 'self';
 * - antd styles components with CSS-in-JS, inserting <style> elements at run time, and React and
 *   ECharts set style attributes: style-src needs 'unsafe-inline' (a style cannot run code);
 * - the landing QR code is shown as a data: image, and Swagger UI's icons are data: URLs;
 * - every request goes to the platform itself (connect-src 'self'), nothing may frame it
 *   (clickjacking), and forms post only to it.
 * upgrade-insecure-requests is sent only when the public URL is https: on a plain-http
 * intranet address it would send the app's own requests to an https port that does not exist.
 */
function contentSecurityPolicy(https: boolean) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(https ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

/** Sets the headers on a response not yet sent. */
export type SecurityHeaders = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Security headers on every response (helmet: CSP, nosniff, frame denial, referrer policy, …), and
 * `Cache-Control: no-store` on every API response, so no list, record or export of personal data
 * stays in a browser's or a proxy's cache. The web app's own files keep their caching.
 *
 * Referrer-Policy is `same-origin`, not helmet's `no-referrer`: under `no-referrer` a browser sends
 * `Origin: null` even on the app's own POSTs, and the cross-origin check (sameOrigin.ts) relies on
 * the Origin header; `same-origin` still tells no other site which page a user was on.
 *
 * helmet runs in an onRequest hook registered before all others, so a request refused by a later
 * hook (sign-in, cross-origin check) carries the headers too; the router's own refusals, made
 * before any hook runs, set them through the same function (errorHandler.ts).
 */
export function securityHeaders(config: Config): SecurityHeaders {
  const https = config.publicUrl?.startsWith('https:') ?? false;
  const headers = helmet({
    contentSecurityPolicy: contentSecurityPolicy(https),
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: HSTS_SECONDS } : false,
  });
  return (request, response) => headers(request, response, () => {});
}

export function registerSecurityHeaders(app: FastifyInstance, apply: SecurityHeaders) {
  app.addHook('onRequest', async (request, reply) => apply(request.raw, reply.raw));
  app.addHook('onSend', async (request, reply, payload) => {
    const api = request.url.startsWith('/api/') && !request.url.startsWith(DOCS_FILES);
    if (api || !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
