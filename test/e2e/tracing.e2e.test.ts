import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * A case from report to contacts in Chromium (EPI-1 … EPI-4): the CDC reports a case through the
 * card; the venue feed brings the case's visits and the people there at the same time; the case's
 * investigation shows its 8-hour and 24-hour deadlines and takes the first investigation; the
 * co-exposure search finds the people who shared the venue, and one action lists them as close
 * contacts, whose transfers to centralised isolation are due 12 hours after they were listed.
 */
const PASSWORD = 'Fangkong@2026';
const HOUR = 3_600_000;

let server: RunningServer;
let browser: Browser;
let cdc: Page;

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** An API call as the signed-in page (its session cookie), with the Origin the CSRF check asks for. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`${server.url}${path}`, {
    method,
    headers: { origin: server.url },
    ...(data === undefined ? {} : { data }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** "YYYY-MM-DD HH:mm" in China time, as a venue feed writes it. */
function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

/** The case's person and the three people who were at the venue with them (ID numbers valid, unused by the demo). */
const CASE_PERSON = { name: '流调甲', idNumber: withCheckDigit('21112219800101901') };
const OTHERS = [
  { name: '同场乙', idNumber: withCheckDigit('21112219810202902') },
  { name: '同场丙', idNumber: withCheckDigit('21112219820303903') },
  { name: '同场丁', idNumber: withCheckDigit('21112219830404904') },
];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  cdc = await (
    await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
  ).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a case from report to contacts in Chromium (EPI-1, EPI-3, EPI-4)', () => {
  let caseId = '';

  it('the CDC reports a case through the report card', async () => {
    await signIn(cdc, 'cdc_epidemiologist');
    const venues = await api<{ items: Array<{ id: string; jurisdictionCode: string }> }>(
      cdc,
      'GET',
      '/api/venues?jurisdiction=211122',
    );
    const venue = venues.items[0]!;
    await api(cdc, 'POST', '/api/persons', { ...CASE_PERSON, jurisdictionCode: venue.jurisdictionCode });
    // Two days ago the case and three others checked in at the venue within half an hour (EPI-3).
    const visit = new Date(Date.now() - 2 * 24 * HOUR);
    const rows = [CASE_PERSON, ...OTHERS].map((person, i) => ({
      venueId: venue.id,
      at: chinaTime(new Date(visit.getTime() + i * 10 * 60_000)),
      name: person.name,
      idNumber: person.idNumber,
    }));
    await api(cdc, 'POST', '/api/venues/check-ins/feed', { rows });

    await cdc.goto(`${server.url}/cases/new`);
    const picker = cdc.getByTestId('leave-person');
    await picker.click();
    await cdc.keyboard.type(CASE_PERSON.name);
    await cdc.locator('.ant-select-item-option').filter({ hasText: CASE_PERSON.name }).first().click();
    const found = cdc.locator('input[data-testid="case-found"], [data-testid="case-found"] input').first();
    await found.click();
    await found.fill(chinaTime(new Date(Date.now() - HOUR)).concat(':00'));
    await found.press('Enter');
    await cdc.getByTestId('case-institution').fill('盘山县人民医院');
    await cdc.getByTestId('case-doctor').fill('钱医生');
    await cdc.getByTestId('case-submit').click();
    await cdc.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = /\/cases\/([0-9a-f-]{36})$/.exec(cdc.url())![1]!;
  });

  it('the investigation has its 8-hour and 24-hour deadlines and takes the first investigation (EPI-1)', async () => {
    await cdc.getByTestId('case-open-investigation').click();
    await cdc.waitForURL(new RegExp(`/investigations/${caseId}$`));
    const workspace = cdc.getByTestId('investigation-workspace');
    await workspace.waitFor();
    type Brief = { dueAt: string; state: string; doneAt: string | null };
    const read = () =>
      api<{ reportedAt: string; first: Brief; complete: Brief }>(cdc, 'GET', `/api/investigations/${caseId}`);
    const opened = await read();
    const reported = Date.parse(opened.reportedAt);
    // reportedAt is shown to the second; the deadlines keep the instant of the report.
    const hoursAfter = (dueAt: string) => Math.floor((Date.parse(dueAt) - reported) / 1000) * 1000;
    expect(hoursAfter(opened.first.dueAt)).toBe(8 * HOUR);
    expect(hoursAfter(opened.complete.dueAt)).toBe(24 * HOUR);
    expect([opened.first.state, opened.complete.state]).not.toContain('overdue');
    await cdc.getByTestId('investigation-first-summary').fill('已电话询问本人，两天前到过该场所约半小时。');
    await cdc.getByTestId('investigation-record-first').click();
    await expect.poll(() => cdc.getByTestId('investigation-record-first').count()).toBe(0);
    // Recording the first investigation closes the 8-hour deadline; the 24-hour one stays open.
    const recorded = await read();
    expect(recorded.first.state).toBe('done');
    expect(recorded.complete.state).not.toBe('done');
  });

  it('the co-exposure search finds the three people at the venue, and lists them as close contacts (EPI-3)', async () => {
    const panel = cdc.getByTestId('co-exposure-panel');
    await panel.waitFor();
    // The three who checked in beside the case are found (the demo's own visitors may be there too).
    const ours = cdc.getByTestId('co-exposure-row').filter({ hasText: /同场[乙丙丁]/ });
    await expect.poll(() => ours.count()).toBe(3);
    for (const row of await ours.all()) await row.getByTestId('co-exposure-select').check();
    await cdc.getByTestId('co-exposure-reason').fill('同一时段在同一场所停留');
    await cdc.getByTestId('co-exposure-list-close').click();
    const result = cdc.getByTestId('co-exposure-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('新增 3 人');
  });

  it('each contact is due in centralised isolation 12 hours after it was listed (EPI-4)', async () => {
    const contacts = await api<{ items: Array<{ id: string; class: string; identifiedAt: string }> }>(
      cdc,
      'GET',
      `/api/contacts?caseId=${caseId}`,
    );
    const close = contacts.items.filter((c) => c.class === 'close');
    expect(close).toHaveLength(3);
    await cdc.goto(`${server.url}/contacts?caseId=${caseId}`);
    const rows = cdc.getByTestId('contact-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    for (const row of await rows.all()) {
      expect(await row.innerText()).toContain('密切接触者');
      const deadline = row.getByTestId('contact-deadline');
      expect(await deadline.innerText()).toContain('集中隔离');
      const due = Date.parse((await deadline.getAttribute('data-due')) ?? '');
      const identified = Math.min(...close.map((c) => Date.parse(c.identifiedAt)));
      // EPI-4: 12 hours from identification, and not overdue when listed.
      expect(due - identified).toBeGreaterThanOrEqual(12 * HOUR - 60_000);
      expect(due - identified).toBeLessThanOrEqual(12 * HOUR + 60_000);
      expect(await deadline.innerText()).not.toContain('已超时');
    }
  });
});
