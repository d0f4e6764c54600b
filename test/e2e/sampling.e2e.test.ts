import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * TST-1 at a sampling table on a phone, driven only by the keyboard as a wedge scanner would: tube
 * barcode + Enter, ID number + Enter (and a name for someone not yet registered), ten people fill a
 * 10-in-1 tube which seals itself and the tube field asks for the next; a partial tube is sealed
 * with the button.
 */
const PASSWORD = 'Fangkong@2026';
const SITE = '端到端测试采样点';
let server: RunningServer;
let browser: Browser;
let page: Page;

const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const site = await fetch(`${server.url}/api/sampling-sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ jurisdictionCode: '211122001', name: SITE, tables: 3 }),
  });
  expect(site.status).toBe(201);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  // The administrator's home is their work (issue 13).
  await page.waitForURL('**/my-work');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function samplePerson(i: number) {
  await expect.poll(focused).toBe('sampling-id-number');
  await page.keyboard.type(withCheckDigit(`21112219910101${100 + i}`));
  await page.keyboard.press('Enter');
  await expect.poll(focused).toBe('sampling-name');
  await page.keyboard.type(`端到端${i}`);
  await page.keyboard.press('Enter');
}

describe('TST-1 sampling table in Chromium', () => {
  it('fills a 10-in-1 tube from the keyboard; the full tube seals itself and asks for the next', async () => {
    await page.goto(`${server.url}/sampling`);
    await page.getByTestId('sampling-site').click();
    await page.getByText(SITE).last().click();
    await page.getByTestId('sampling-tube').fill('e2e-pool-0001');
    await page.getByTestId('sampling-tube').press('Enter');
    for (let i = 0; i < 9; i += 1) {
      await samplePerson(i);
      await expect.poll(() => page.getByTestId('sampling-count').textContent()).toBe(`${i + 1}/10`);
    }
    await expect.poll(() => page.getByTestId('sampling-member').count()).toBe(9);
    await samplePerson(9);
    await expect.poll(() => page.getByTestId('sampling-tube').inputValue()).toBe('');
    await expect.poll(focused).toBe('sampling-tube');
    await expect.poll(() => page.getByTestId('sampling-today').textContent()).toContain('10');
  });

  it('keeps the table after a reload and seals a partial tube with the button', async () => {
    await page.keyboard.type('E2E-LAST-0001');
    await page.keyboard.press('Enter');
    await samplePerson(20);
    await expect.poll(() => page.getByTestId('sampling-count').textContent()).toBe('1/10');
    await page.reload();
    await expect.poll(() => page.getByTestId('sampling-tube').inputValue()).toBe('E2E-LAST-0001');
    await expect.poll(() => page.getByTestId('sampling-count').textContent()).toBe('1/10');
    await page.getByTestId('sampling-seal').click();
    await expect.poll(() => page.getByTestId('sampling-tube').inputValue()).toBe('');
    await expect.poll(focused).toBe('sampling-tube');
  });

  it('refuses a person twice in a tube with a clear message', async () => {
    await page.keyboard.type('E2E-TWICE-0001');
    await page.keyboard.press('Enter');
    await samplePerson(30);
    await expect.poll(focused).toBe('sampling-id-number');
    await page.keyboard.type(withCheckDigit('21112219910101130'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('problem-alert').textContent()).toContain('已采入该采样管');
  });
});

/**
 * The Done-when of issue 5: a positive pool of 10 leads, end to end, to 10 individual re-sampling
 * tasks with deadlines and the 10 people shown under control (TST-1). The pool is the tube filled
 * from the keyboard above; the county lab posts its result on the lab page.
 */
describe('TST-1 positive pool in Chromium', () => {
  it('posts the pool positive and shows its 10 members under control with re-sampling tasks', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/lab-work`);
    await expect.poll(() => page.getByTestId('lab-select').textContent()).not.toBe('');
    await page.getByRole('tab', { name: '录入结果' }).click();
    await page.getByTestId('result-barcode').fill('E2E-POOL-0001');
    await page.getByTestId('result-value').click();
    await page.getByTitle('阳性').click();
    await page.getByTestId('result-submit').click();
    // A positive is confirmed by its barcode before it is posted (TST-1, TST-3).
    await expect.poll(() => page.getByTestId('confirm-positive').textContent()).toContain('E2E-POOL-0001');
    await page.getByRole('button', { name: '确认阳性并提交' }).click();
    await expect.poll(() => page.getByTestId('result-report').textContent()).toMatch(/阳性\D*1/);

    await page.getByRole('tab', { name: '阳性管' }).click();
    const pool = page.getByTestId('positive-tube').filter({ hasText: 'E2E-POOL-0001' });
    await expect.poll(() => pool.getByTestId('positive-member').count()).toBe(10);
    await expect.poll(() => pool.getByTestId('control-task').count()).toBe(10);
    expect(await pool.getByTestId('control-task').first().textContent()).toContain('TST-1');

    await page.goto(`${server.url}/deadlines?ruleId=TST-1&pageSize=50`);
    await expect
      .poll(() => page.getByTestId('deadline-title').filter({ hasText: 'E2E-POOL-0001' }).count(), {
        timeout: 15_000,
      })
      .toBe(10);

    await page.goto(`${server.url}/person-controls`);
    await expect
      .poll(() => page.getByTestId('control-row').filter({ hasText: 'E2E-POOL-0001' }).count(), {
        timeout: 15_000,
      })
      .toBe(10);
  });
});
