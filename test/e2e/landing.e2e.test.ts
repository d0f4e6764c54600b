import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/modules/landing/index.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * ARR-11 in Chromium, as the "Done when" says: a traveller scans the county's QR code on a
 * phone, reports and sees their obligations; the designated staff see the report in the queue with
 * its 30-minute deadline, look and push it; the community worker verifies it; the daily-clear board
 * turns green.
 */
const PASSWORD = 'Fangkong@2026';
const COUNTY = '211122';
const ZONE = 'Asia/Shanghai';
const TRAVELLER = { name: '扫码旅客', idNumber: withCheckDigit('21112219920612004'), phone: '13987654321' };

let server: RunningServer;
let browser: Browser;
let community = '';
const contexts: BrowserContext[] = [];

/** "YYYY-MM-DDTHH:mm" of an instant in Beijing: what a datetime-local input holds. */
function localMinute(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

async function newPage(viewport: { width: number; height: number }, mobile = false): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: ZONE,
    ...(mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  // Each role lands on its own home (issue 13): anywhere but the sign-in page.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

beforeAll(async () => {
  server = await startServer();
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'community_worker', password: PASSWORD }),
  });
  community = ((await login.json()) as { scopes: string[] }).scopes[0]!;
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('ARR-11 landing code in Chromium', () => {
  let staff: Page;
  let landingUrl = '';
  let receipt = '';

  it('shows the county’s QR code, which encodes the landing URL', async () => {
    staff = await newPage({ width: 1280, height: 900 });
    await signIn(staff, 'working_group');
    await staff.getByTestId('nav-landing-code').click();
    const qr = staff.getByTestId('landing-qr');
    await qr.waitFor();
    landingUrl = (await qr.getAttribute('data-url')) ?? '';
    expect(landingUrl).toBe(`${server.url}/landing/${COUNTY}`);
    expect(await staff.getByTestId('landing-url').innerText()).toContain(landingUrl);
    const src = (await qr.getAttribute('src')) ?? '';
    const svg = decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toBe(await qrSvg(landingUrl));
  });

  it('lets a traveller report on a phone and read their obligations', async () => {
    const phone = await newPage({ width: 390, height: 844 }, true);
    await phone.goto(landingUrl);
    await expect.poll(() => phone.getByTestId('landing-area').innerText()).toContain('盘山县');
    await phone.getByTestId('landing-name').fill(TRAVELLER.name);
    await phone.getByTestId('landing-id-number').fill('211122199206120041');
    await phone.getByTestId('landing-phone').fill(TRAVELLER.phone);
    await phone.getByTestId('landing-submit').click();
    // Checked on the phone as on the server (GB 11643), before anything is sent.
    await expect
      .poll(() => phone.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('证件号码校验位错误')]));
    await phone.getByTestId('landing-id-number').fill(TRAVELLER.idNumber);

    await phone.getByTestId('landing-origin-division').click();
    // Each column opens the next: wait for it before choosing in it (a click on a column still being
    // drawn can be lost on a busy machine).
    for (const [column, name] of ['北京市', '市辖区', '朝阳区'].entries()) {
      const menu = phone.locator('.ant-cascader-menu').nth(column);
      await menu.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
      if (column < 2)
        await phone
          .locator('.ant-cascader-menu')
          .nth(column + 1)
          .waitFor();
    }
    const now = Date.now();
    await phone.getByTestId('landing-left-at').fill(localMinute(new Date(now - 5 * 3_600_000)));
    await phone.getByTestId('landing-arrived-at').fill(localMinute(new Date(now - 10 * 60_000)));
    await phone.getByTestId('landing-destination').click();
    await phone.keyboard.type(community);
    await phone.locator('.ant-select-item-option').first().click();
    await phone.getByTestId('landing-address').fill('兴盛路18号');
    await phone.getByTestId('landing-home-isolation').getByText('是').click();
    await phone.getByTestId('landing-submit').click();

    await phone.getByTestId('landing-result').waitFor();
    receipt = await phone.getByTestId('landing-receipt').innerText();
    expect(receipt).toMatch(/^LD\d{6}-[2-9A-Z]{6}$/);
    const lines = await phone.getByTestId('landing-obligation').allInnerTexts();
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('\n')).toContain('社区');
    const person = await phone.getByTestId('landing-person').innerText();
    expect(person).toContain(`211122********${TRAVELLER.idNumber.slice(-4)}`);
    const text = await phone.locator('body').innerText();
    expect(text).not.toContain(TRAVELLER.idNumber);
    expect(text).not.toContain(TRAVELLER.phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390 + 1);
  });

  it('puts the report in the staff queue with its 30-minute deadline; staff look and push it', async () => {
    await staff.getByTestId('nav-landing-queue').click();
    const row = staff.getByTestId('landing-row').filter({ hasText: receipt });
    await row.waitFor();
    const countdown = row.getByTestId('landing-look-countdown');
    expect(await countdown.innerText()).toMatch(/剩余 (29|30):\d\d/);
    const due = new Date((await countdown.getAttribute('data-due')) ?? '').getTime();
    expect(Math.abs(due - Date.now() - 30 * 60_000)).toBeLessThan(5 * 60_000);
    await row.getByTestId('landing-look').click();
    await expect.poll(() => row.count()).toBe(0);
    // Looked at: it waits under "looked" for the push, its look deadline met.
    await staff.getByTestId('landing-tab-looked').click();
    const looked = staff.getByTestId('landing-row').filter({ hasText: receipt });
    await expect.poll(() => looked.getByTestId('landing-look-countdown').innerText()).toBe('已完成');
    await looked.getByTestId('landing-push').click();
    await expect.poll(() => looked.count()).toBe(0);
    await staff.getByTestId('landing-tab-pushed').click();
    await staff.getByTestId('landing-row').filter({ hasText: receipt }).waitFor();

    await staff.getByTestId('nav-landing-board').click();
    await expect.poll(() => staff.getByTestId('board-status').getAttribute('data-clear')).toBe('false');
  });

  it('lets the community worker verify the person and feed back; the daily-clear board turns green', async () => {
    const worker = await newPage({ width: 390, height: 844 }, true);
    await signIn(worker, 'community_worker');
    await worker.goto(`${server.url}/landing-verify`);
    const card = worker.getByTestId('verify-card').filter({ hasText: receipt });
    await card.waitFor();
    await card.getByText('已找到本人').click();
    // The report is a claim: found, the traveller is registered from it (nobody has their number yet).
    await card.getByTestId('verify-register-new').click();
    await card.getByTestId('verify-note').fill('已入户核实');
    await card.getByText('已核酸').click();
    await card.getByText('已居家隔离').click();
    await card.getByTestId('verify-submit').click();
    await expect.poll(() => worker.getByTestId('verify-card').filter({ hasText: receipt }).count()).toBe(0);
    await worker.getByTestId('verify-tab-done').click();
    await worker.getByTestId('verify-card').filter({ hasText: receipt }).waitFor();

    await staff.reload();
    await expect.poll(() => staff.getByTestId('board-status').getAttribute('data-clear')).toBe('true');
    expect(await staff.getByTestId('board-status').innerText()).toContain('已清零');
  });
});
