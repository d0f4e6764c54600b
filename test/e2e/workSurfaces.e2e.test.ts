import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * Issue 13, done when: the commander lands on the situation dashboard, sees the overdue work and
 * drills down to the item; the community worker, on a phone, lands on their work, sees that item
 * with the person's name, calls and closes it; the commander's figure goes down by one. The item is
 * the demo's: an ARR-8 arrival of three days ago with neither a negative NAT nor a green code, whose
 * make-up NAT is the community's task, overdue.
 */
const PASSWORD = 'Fangkong@2026';

let server: RunningServer;
let browser: Browser;
let commander: Page;
let worker: Page;
let personName = '';

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** The dashboard's count of overdue work in the county (the deadlines tile). */
async function overdueFigure(page: Page): Promise<number> {
  const figure = page.locator(
    '[data-tile-id="deadlines.heat"] [data-testid="tile-figure"][data-key="overdue"]',
  );
  await figure.waitFor();
  return Number(await figure.getAttribute('data-value'));
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  commander = await (
    await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
  ).newPage();
  worker = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    })
  ).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('work surfaces in Chromium (issue 13)', () => {
  let before = 0;

  it('the commander lands on the dashboard and drills from the overdue figure to the item', async () => {
    await signIn(commander, 'commander');
    await commander.waitForURL(/\/dashboard/);
    before = await overdueFigure(commander);
    expect(before).toBeGreaterThan(0);
    await commander
      .locator('[data-tile-id="deadlines.heat"] [data-testid="tile-figure"][data-key="overdue"]')
      .click();
    await commander.waitForURL(/\/deadlines\?.*state=overdue/);
    const titles = commander.getByTestId('deadline-title');
    await titles.first().waitFor();
    expect(await commander.getByTestId('deadline-row').count()).toBe(Math.min(before, 20));
    await expect
      .poll(() => titles.allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/补做核酸检测/)]));
  });

  it('the community worker, on a phone, lands on their work and sees the item with the person’s name', async () => {
    await signIn(worker, 'community_worker');
    await worker.waitForURL(/\/my-work/);
    const item = worker
      .locator('[data-testid="my-work-item"][data-state="overdue"]')
      .filter({ hasText: '补做核酸检测' });
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    personName = (await item.getByTestId('my-work-person-name').innerText()).trim();
    expect(personName.length).toBeGreaterThan(1);
    // Cards on a phone: nothing wider than the screen.
    const width = await worker.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    // The job is a call: the number is revealed to the assignee on request.
    await item.getByTestId('my-work-call').click();
    await worker.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => item.getByTestId('my-work-phone').innerText()).toMatch(/^1\d{10}$/);
  });

  it('records the make-up NAT negative on the arrival page, which closes the item', async () => {
    const item = worker
      .locator('[data-testid="my-work-item"][data-state="overdue"]')
      .filter({ hasText: '补做核酸检测' });
    await item.getByTestId('my-work-action').click();
    await worker.waitForURL(/\/arrivals\/[0-9a-f-]{36}/);
    const row = worker.locator('[data-testid="plan-item"][data-item="test:nat:shortfall"]');
    await row.getByTestId('record-negative').click();
    await worker.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => row.getAttribute('data-result')).toBe('negative');

    await worker.goto(`${server.url}/my-work`);
    await worker.getByTestId('my-work-item').first().waitFor();
    await expect
      .poll(() => worker.locator('[data-testid="my-work-item"]').filter({ hasText: '补做核酸检测' }).count())
      .toBe(0);
  });

  it('the commander’s overdue figure is one less', async () => {
    await commander.goto(`${server.url}/dashboard`);
    await expect.poll(() => overdueFigure(commander)).toBe(before - 1);
  });
});
