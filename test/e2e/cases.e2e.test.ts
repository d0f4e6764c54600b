import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * CAS-2 in Chromium: the lab, on a phone, opens the board, where the demo's positive result
 * unreported for 3 hours is overdue, opens the report card pre-filled from it and submits it; the
 * result leaves the unreported rows; the CDC finds the case in its review queue and reviews it.
 */
const PASSWORD = 'Fangkong@2026';

let server: RunningServer;
let browser: Browser;
let lab: Page;
let cdc: Page;

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  lab = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    })
  ).newPage();
  cdc = await (
    await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
  ).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('case report and review in Chromium (CAS-2)', () => {
  let personName = '';

  it('the lab opens the card from the overdue positive on the board and reports it', async () => {
    await signIn(lab, 'lab');
    await lab.goto(`${server.url}/cases?tab=board&kind=overdue`);
    const row = lab.getByTestId('case-board-row').first();
    await row.waitFor();
    expect(await lab.getByTestId('case-board-row').count()).toBe(1);
    await row.getByRole('link', { name: '填写报告卡' }).click();
    await lab.waitForURL(/\/cases\/new\?tube=/);
    const prefill = lab.getByTestId('case-prefill');
    await prefill.waitFor();
    expect(await prefill.innerText()).toContain('应于');
    personName = (await prefill.locator('.ant-descriptions-item-content').first().innerText()).trim();
    expect(personName).not.toBe('');
    expect(await lab.getByTestId('case-institution').inputValue()).not.toBe('');
    await lab.getByTestId('case-doctor').fill('赵检验');
    await lab.getByTestId('case-location').fill('居家隔离');
    await lab.getByTestId('case-submit').click();
    await lab.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await lab.getByTestId('case-card').waitFor();
    expect(await lab.locator('h3').first().innerText()).toContain(personName);
    await lab.goto(`${server.url}/cases?tab=board&kind=overdue`);
    await lab.getByTestId('case-board-overdue').waitFor();
    await expect
      .poll(async () => (await lab.getByTestId('case-board-overdue').innerText()).replace(/\D/g, ''))
      .toBe('0');
  });

  it('the CDC reviews it from the review queue', async () => {
    await signIn(cdc, 'cdc_epidemiologist');
    await cdc.goto(`${server.url}/cases/review`);
    const row = cdc.getByTestId('case-review-row').filter({ hasText: personName });
    await row.waitFor();
    // antd spaces a two-character label (审 核): the row's one button.
    await row.locator('button').click();
    await cdc.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await cdc.getByTestId('case-review').click();
    await cdc.getByTestId('case-review-note').fill('信息完整');
    await cdc.getByTestId('case-action-ok').click();
    await expect.poll(() => cdc.getByTestId('case-review').count()).toBe(0);
    expect(await cdc.getByTestId('case-history').innerText()).toContain('已审核');
    await cdc.goto(`${server.url}/cases/review`);
    await cdc.getByTestId('case-review-table').waitFor();
    await expect
      .poll(() => cdc.getByTestId('case-review-row').filter({ hasText: personName }).count())
      .toBe(0);
  });
});
