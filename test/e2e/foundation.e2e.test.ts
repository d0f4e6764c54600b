import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * The foundation through a browser, as a county administrator uses it: sign in, find a person by
 * ID number, edit them, import a ledger with bad rows and read the row errors; then the same pages
 * on a phone-sized screen.
 */
const PASSWORD = 'Fangkong@2026';
const GRID = '211122001001001';
const KNOWN = {
  name: '端到端测试人',
  idNumber: withCheckDigit('21112219900315002'),
  phone: '13912345678',
  jurisdictionCode: GRID,
};

let server: RunningServer;
let browser: Browser;
let page: Page;
let apiCookie = '';

async function api(method: string, path: string, body?: object) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: apiCookie },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (path === '/api/session') apiCookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  server = await startServer();
  await api('POST', '/api/session', { username: 'admin', password: PASSWORD });
  const created = await api('POST', '/api/persons', KNOWN);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  browser = await launchBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })
  ).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation in Chromium', () => {
  it('signs in, lands on their work, and opens the persons ledger', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    // The administrator's home is their work (issue 13); the ledger is a page of the menu.
    await page.waitForURL('**/my-work');
    await page.goto(`${server.url}/persons`);
    await page.getByTestId('person-row').first().waitFor();
    expect(await page.getByTestId('user-display-name').innerText()).toContain('系统管理员');
  });

  it('finds a person by ID number, shown masked', async () => {
    await page.getByTestId('person-search-id').fill(KNOWN.idNumber);
    await page.getByTestId('person-search-submit').click();
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
    const row = await page.getByTestId('person-row').first().innerText();
    expect(row).toContain(KNOWN.name);
    expect(row).toContain(`211122********${KNOWN.idNumber.slice(-4)}`);
    expect(await page.getByTestId('person-table').innerText()).not.toContain(KNOWN.idNumber);
    expect(page.url()).not.toContain(KNOWN.idNumber);
  });

  it('edits the person without retyping their ID number, and the change is saved', async () => {
    await page.getByTestId('person-row').first().click();
    await page.getByTestId('person-detail').waitFor();
    await page.getByTestId('person-edit').click();
    await page.getByTestId('person-form-address').fill('兴盛路88号');
    await page.getByTestId('person-form-employer').fill('<script>');
    await page.getByTestId('person-save').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('包含标记或控制字符')]));
    await page.getByTestId('person-form-employer').fill('盘山县人民医院');
    await page.getByTestId('person-save').click();
    await expect.poll(() => page.getByTestId('person-detail').innerText()).toContain('兴盛路88号');
    const { json } = await api('GET', `/api/persons?idNumber=${KNOWN.idNumber}`);
    expect(json.items[0]).toMatchObject({ address: '兴盛路88号', employer: '盘山县人民医院', version: 2 });
  });

  it('imports a ledger with bad rows and shows each row error with its line', async () => {
    await page.getByTestId('nav-import').click();
    const csv = [
      '姓名,证件类型,证件号码,联系电话,现住址区划代码',
      `导入甲,居民身份证,${withCheckDigit('21112219800101003')},13800000001,${GRID}`,
      `导入乙,居民身份证,211122198001010018,13800000002,${GRID}`,
      `导入丙,居民身份证,${withCheckDigit('21112219810101003')},12345,${GRID}`,
      `导入丁,居民身份证,${withCheckDigit('21112219820101003')},,150402001001`,
    ].join('\n');
    await page
      .getByTestId('import-file-input')
      .setInputFiles({ name: 'ledger.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${csv}\n`) });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-count-created').innerText()).toContain('1');
    expect(await page.getByTestId('import-count-rejected').innerText()).toContain('3');
    const errors = await page.getByTestId('import-error-row').allInnerTexts();
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/3[\s\S]*校验位错误/);
    expect(errors[1]).toMatch(/4[\s\S]*不是有效的电话号码/);
    expect(errors[2]).toMatch(/5[\s\S]*(不在您的管辖范围内|不是已知的行政区划)/);
  });

  it('works on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/persons`);
    await page.getByTestId('person-row').first().waitFor();
    await page.getByTestId('open-menu').click();
    await page.getByTestId('nav-jurisdictions').click();
    await page.getByTestId('jurisdiction-tree').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390 + 1);
  });
});
