import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Issue 12, clear errors: each refusal says what it is, at the top of the problem where the pages
 * show it, in both languages. "The record was changed by someone else" is for concurrent edits only.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const post = (url: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload });

const GENERIC = {
  en: 'The record was changed by someone else; reload it',
  zh: '记录已被他人修改，请刷新后重试',
};

describe('a conflict names itself', () => {
  it('ISO-6 a result recorded twice: "this result is already recorded", not an edit conflict', async () => {
    const url = `/api/arrivals/${env.world.arrivalA.arrivalId}/events`;
    expect((await post(url, { item: 'test:nat:d7', result: 'negative' })).statusCode).toBe(200);
    const twice = await post(url, { item: 'test:nat:d7', result: 'negative' });
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(twice.json()).toMatchObject({
      code: 'plan_item_recorded',
      title: 'This result is already recorded and is not recorded twice; reload to see it',
      detail: 'This result is already recorded and is not recorded twice; reload to see it',
      detail_zh: '此项结果已记录，不能重复记录，请刷新查看',
      errors: [{ field: 'item', code: 'plan_item_recorded' }],
    });
    expect([twice.json().detail, twice.json().detail_zh]).not.toContain(GENERIC.en);
  });

  it('a pack version loaded already with other content is named, and another number asked for (plans cite versions)', async () => {
    const panshan = readFileSync('packs/panshan-2021.yaml', 'utf8');
    const version = /^version: "(\d+)"$/m.exec(panshan)?.[1];
    const changed = await post('/api/policy/packs', { yaml: `${panshan}\n# edited\n` });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({
      code: 'pack_version_exists',
      version,
      detail: `Version ${version} is already used by other content; give the changed pack another version number`,
      detail_zh: `版本号 ${version} 已被另一内容使用，请换一个版本号`,
      errors: [{ field: 'version', code: 'pack_version_exists' }],
    });
    // The same text again is no conflict at all.
    expect((await post('/api/policy/packs', { yaml: panshan })).statusCode).toBe(200);
  });

  it('a phase ended too early says which rule holds it, not that someone else changed it', async () => {
    const early = await post(`/api/arrivals/${env.world.arrivalA.arrivalId}/events`, {
      item: 'phase:0:end',
      result: 'done',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'release_tests_pending',
      detail_zh: '解除所需的检测结果均为阴性前，不能结束此阶段',
    });
  });
});
