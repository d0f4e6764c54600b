import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/modules/landing/index.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { TEST_SECRET, testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { COUNTY_A, PASSWORD, seedWorld, signInAs, VILLAGE_A } from '../support/world.js';

/**
 * FANGKONG_PUBLIC_URL, the address users reach the platform at: printed QR codes encode it, the
 * cross-origin check accepts it behind a proxy that rewrites Host, and when it is https the
 * session cookie is Secure and browsers are told to stay on https. Unset, the landing QR page
 * warns when the code would name a loopback address no phone reaches.
 */
const PUBLIC = 'https://fk.example.gov.cn';

let db: Database;
let drop: () => Promise<void>;
let plain: FastifyInstance;
let behindProxy: FastifyInstance;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const { ctx } = testContext(db);
  await seedWorld(ctx);
  ({ app: plain } = await buildApp(ctx));
  ({ app: behindProxy } = await buildApp({ ...ctx, config: { ...ctx.config, publicUrl: PUBLIC } }));
});
afterAll(async () => {
  await plain.close();
  await behindProxy.close();
  await drop();
});

async function landingCode(app: FastifyInstance, host?: string) {
  const cookie = await signInAs(app, 'a_admin');
  const response = await app.inject({
    method: 'GET',
    url: `/api/landing/codes/${COUNTY_A}`,
    headers: { cookie, ...(host ? { host } : {}) },
  });
  expect(response.statusCode).toBe(200);
  return response.json() as { url: string; svg: string; loopback: boolean };
}

describe('the public base URL', () => {
  it('without it, a QR code of a loopback address is flagged, one of a LAN address is not', async () => {
    const local = await landingCode(plain);
    expect(local).toMatchObject({ url: `http://localhost:80/landing/${COUNTY_A}`, loopback: true });
    expect(await landingCode(plain, '127.0.0.1:3000')).toMatchObject({ loopback: true });
    const lan = await landingCode(plain, '192.168.1.20:3000');
    expect(lan).toMatchObject({ url: `http://192.168.1.20:3000/landing/${COUNTY_A}`, loopback: false });
  });

  it('is what the QR code encodes, whatever address the request came in on', async () => {
    const code = await landingCode(behindProxy, '127.0.0.1:3000');
    expect(code).toMatchObject({ url: `${PUBLIC}/landing/${COUNTY_A}`, loopback: false });
    expect(code.svg).toBe(await qrSvg(code.url));
  });

  it('when https, makes the session cookie Secure though the proxy speaks plain http', async () => {
    const signIn = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'a_admin', password: PASSWORD },
      });
    const secure = (await signIn(behindProxy)).cookies.find((c) => c.name === 'fk_session');
    expect(secure).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    const local = (await signIn(plain)).cookies.find((c) => c.name === 'fk_session');
    expect(local?.secure).toBeFalsy();
  });

  it('when https, tells browsers to stay on https (HSTS, upgrade-insecure-requests)', async () => {
    const response = await behindProxy.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('is the platform’s own origin for writes when the proxy rewrites Host', async () => {
    const cookie = await signInAs(behindProxy, 'a_admin');
    const patch = (origin: string) =>
      behindProxy.inject({
        method: 'PATCH',
        url: `/api/jurisdictions/${VILLAGE_A}`,
        payload: { timeZone: 'Asia/Shanghai' },
        headers: { cookie, origin, host: '10.0.0.5:3000' },
      });
    expect((await patch(PUBLIC)).statusCode).toBe(200);
    const foreign = await patch('https://evil.example');
    expect({ status: foreign.statusCode, code: foreign.json().code }).toEqual({
      status: 403,
      code: 'cross_origin',
    });
  });
});

describe('FANGKONG_PUBLIC_URL is checked when the server starts', () => {
  const env = (value: string) => ({
    FANGKONG_PUBLIC_URL: value,
    FANGKONG_SECRET: TEST_SECRET,
    DATABASE_URL: 'postgres://unused',
  });

  it.each([
    ['https://fk.example.gov.cn', 'https://fk.example.gov.cn'],
    ['https://fk.example.gov.cn/', 'https://fk.example.gov.cn'],
    ['  http://192.168.1.20:3000  ', 'http://192.168.1.20:3000'],
    ['HTTPS://FK.Example.gov.cn:443/', 'https://fk.example.gov.cn'],
    ['', undefined],
  ])('%j → %j', (value, expected) => {
    expect(loadConfig(env(value)).publicUrl).toBe(expected);
  });

  it.each([
    'fk.example.gov.cn',
    'ftp://fk.example.gov.cn',
    'https://fk.example.gov.cn/fangkong',
    'https://fk.example.gov.cn/?a=1',
    'https://user:pw@fk.example.gov.cn',
    'javascript:alert(1)',
  ])('refuses %j, naming the setting', (value) => {
    expect(() => loadConfig(env(value))).toThrow(ConfigError);
    expect(() => loadConfig(env(value))).toThrow(/FANGKONG_PUBLIC_URL/);
  });
});
