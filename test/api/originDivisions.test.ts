import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorldApp } from '../support/worldApp.js';

/**
 * B7: a traveller who can name only the district of a high-risk street is read cautiously, so the
 * public landing form offers the street: province → city → district → town or street.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

const divisions = async (parent?: string) => {
  const response = await env.app.inject({
    method: 'GET',
    url: `/api/public/divisions${parent ? `?parent=${parent}` : ''}`,
  });
  return { status: response.statusCode, body: response.json() };
};

describe('B7 the landing form chooses the origin down to the town or street', () => {
  it('offers a district’s towns and streets, the district itself no longer the last level', async () => {
    const districts = await divisions('1101');
    expect(districts.body).toContainEqual({ code: '110105', name: '朝阳区', leaf: false });
    const streets = await divisions('110105');
    expect(streets.status).toBe(200);
    expect(streets.body).toContainEqual({ code: '110105001', name: '建外街道', leaf: true });
    expect(streets.body.every((s: { code: string }) => /^110105\d{3}$/.test(s.code))).toBe(true);
  });

  it('refuses a parent that is no province, city or district code', async () => {
    expect((await divisions('110105001')).status).toBe(400);
    expect((await divisions('11x')).status).toBe(400);
  });
});
