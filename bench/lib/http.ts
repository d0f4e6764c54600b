import type { AddressInfo } from 'node:net';
import type { AppContext } from '../../src/platform/context.js';
import { buildApp } from '../../src/platform/http/app.js';
import { onCleanup } from './scratch.js';

export interface Served {
  /** http://127.0.0.1:PORT */
  base: string;
  close: () => Promise<void>;
}

/** The real HTTP app (buildApp + listen on a free port of 127.0.0.1), as `npm start` serves it. */
export async function serveApp(ctx: AppContext): Promise<Served> {
  const { app } = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const close = onCleanup(() => app.close());
  return { base: `http://127.0.0.1:${port}`, close };
}

/** Signs in through POST /api/session and returns the Cookie header for later requests. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const start = performance.now();
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  }).catch((error: unknown) => {
    throw new Error(`sign-in of ${username} failed after ${Math.round(performance.now() - start)} ms`, {
      cause: error,
    });
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('fk_session='));
  if (!cookie) throw new Error(`sign-in of ${username} set no session cookie`);
  return cookie.split(';')[0]!;
}

/** GET a JSON resource; any status but 200 is an error (a benchmark of failures measures nothing). */
export async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${url.split('?')[0]}: ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}
