import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * An arrival's plan through a browser: the county's own pack [003] plans a low-risk arrival
 * (ARR-8); an area published after the person left it is acted on (ARR-7), and the plan becomes
 * 14 days of centralised isolation (ARR-5) whose work shows on the deadlines list.
 */
const PASSWORD = 'Fangkong@2026';
const VILLAGE = '211122001001';

let server: RunningServer;
let browser: Browser;
let page: Page;
let arrivalId = '';

beforeAll(async () => {
  server = await startServer();
  const session = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${server.url}/api/arrivals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      person: { name: '端到端来返人员', idNumber: withCheckDigit('11010119880808001') },
      jurisdictionCode: VILLAGE,
      origin: 'domestic',
      originDivisionCode: '110101',
      arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      greenHealthCode: true,
    }),
  });
  const body = await created.json();
  expect(created.status, JSON.stringify(body)).toBe(201);
  arrivalId = body.id;
  browser = await launchBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })
  ).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  // The administrator's home is their work (issue 13).
  await page.waitForURL(/\/my-work/);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('arrivals in Chromium', () => {
  it('lists the demo county’s arrivals with their rules', async () => {
    await page.goto(`${server.url}/arrivals`);
    await expect.poll(() => page.getByText('ARR-5').count()).toBeGreaterThan(0);
  });

  it('shows the plan of the county’s pack, then re-plans it against a newly published area', async () => {
    await page.goto(`${server.url}/arrivals/${arrivalId}`);
    await expect.poll(() => page.getByTestId('plan-rule').innerText()).toContain('ARR-8');
    await page.getByTestId('reclassify-open').click();
    await page.getByTestId('reclassify-reason').fill('北京市东城区某小区公布为高风险区');
    await page.getByRole('button', { name: '重新制定管控方案' }).click();
    await expect.poll(() => page.getByTestId('plan-rule').innerText()).toContain('ARR-5');
    await expect.poll(() => page.getByTestId('plan-phase').count()).toBeGreaterThan(0);
  });

  it('puts the plan’s work on the deadlines list, linked to the arrival', async () => {
    await page.goto(`${server.url}/deadlines?ruleId=ARR-5&pageSize=200`);
    const link = page.locator(`[data-testid="deadline-record-on-arrival"][href="/arrivals/${arrivalId}"]`);
    await expect.poll(() => link.count()).toBeGreaterThan(0);
    await link.first().click();
    await page.waitForURL(new RegExp(`/arrivals/${arrivalId}$`));
  });
});
