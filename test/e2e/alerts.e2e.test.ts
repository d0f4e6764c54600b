import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * Issue 14, done when: "A simulated rise of four-class drug sales in one town raises an alert for
 * that town and nowhere else; an e2e test in Chromium acknowledges, assesses and closes it" (MON-4).
 * The demo's drug sales rise in its first town over the last two days; loading the demo evaluates
 * the pack's trigger rules, as the server's hourly run would. The CDC opens the alert from the list,
 * reads its evidence, acknowledges, assesses and closes it; the list then shows it closed.
 */
const PASSWORD = 'Fangkong@2026';

let server: RunningServer;
let browser: Browser;
let cdc: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  cdc = await (
    await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
  ).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const rows = () => cdc.getByTestId('alert-row');

describe('multi-point alerts in Chromium (issue 14, MON-4)', () => {
  let unit = '';

  it('MON-4 the CDC finds one raised four-class drug-sales alert, for one town', async () => {
    await cdc.goto(`${server.url}/login`);
    await cdc.getByTestId('login-username').fill('cdc_epidemiologist');
    await cdc.getByTestId('login-password').fill(PASSWORD);
    await cdc.getByTestId('login-submit').click();
    await cdc.waitForURL((url) => !url.pathname.startsWith('/login'));
    await cdc.goto(`${server.url}/alerts?feed=drug_sales&state=raised`);
    await rows().first().waitFor();
    const texts = await rows().allInnerTexts();
    const sales = texts.filter((text) => text.includes('乡镇四类药品销售异常升高'));
    expect(sales).toHaveLength(1);
    unit = (
      await rows().filter({ hasText: '乡镇四类药品销售异常升高' }).locator('td').nth(1).innerText()
    ).trim();
    expect(unit.length).toBeGreaterThan(1);
  });

  it('MON-4 its page shows the evidence: the window value above the baseline, and the daily chart', async () => {
    await rows().filter({ hasText: '乡镇四类药品销售异常升高' }).getByRole('link').click();
    await cdc.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);
    await expect.poll(() => cdc.getByTestId('alert-title').innerText()).toContain(unit);
    expect(Number(await cdc.getByTestId('alert-window-value').innerText())).toBeGreaterThanOrEqual(20);
    expect(await cdc.getByTestId('alert-evidence').innerText()).toContain('前4周同日均值');
    await cdc.getByTestId('alert-evidence-chart').locator('canvas').waitFor();
    expect(await cdc.getByTestId('alert-state').getAttribute('data-state')).toBe('raised');
  });

  it('MON-4 the CDC acknowledges, assesses and closes it', async () => {
    const state = () => cdc.getByTestId('alert-state').first().getAttribute('data-state');

    await cdc.getByTestId('alert-acknowledge').click();
    await cdc.getByTestId('alert-acknowledge-confirm').click();
    await expect.poll(state).toBe('acknowledged');

    await cdc.getByTestId('alert-assess').click();
    await cdc.getByTestId('alert-risk-level').click();
    await cdc.locator('.ant-select-item-option[title="中风险"]').click();
    await cdc
      .getByTestId('alert-summary')
      .fill('购药人员集中于镇区两个小区，近期无病例报告，存在社区传播风险');
    await cdc.getByTestId('alert-measures').fill('购药人员24小时内完成核酸检测；辖区药店加强购药实名登记');
    await cdc.getByTestId('alert-assess-form-submit').click();
    await expect.poll(state).toBe('assessed');
    expect(await cdc.getByTestId('alert-handling').innerText()).toContain('中风险');

    await cdc.getByTestId('alert-close').click();
    await cdc.getByTestId('alert-close-note').fill('购药人员核酸检测均为阴性，解除预警');
    await cdc.getByTestId('alert-close-form-submit').click();
    await expect.poll(state).toBe('closed');
    expect(await cdc.getByTestId('alert-handling').innerText()).toContain('已处置');
  });

  it('MON-4 the list shows it closed and no raised drug-sales alert remains', async () => {
    await cdc.goto(`${server.url}/alerts?feed=drug_sales&state=closed`);
    await rows().first().waitFor();
    expect(await rows().filter({ hasText: unit }).count()).toBe(1);
    await cdc.goto(`${server.url}/alerts?feed=drug_sales&state=raised`);
    await cdc.getByTestId('alerts-table').waitFor();
    await expect.poll(() => rows().filter({ hasText: '乡镇四类药品销售异常升高' }).count()).toBe(0);
  });
});
