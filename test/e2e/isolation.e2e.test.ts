import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { launchBrowser } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * A close contact from identification to release in Chromium (EPI-4, ISO-4, ISO-6). The server's
 * clock is moved forward through three days (FANGKONG_TEST_CLOCK_FILE): the contact, exposed twelve
 * days before, is identified on day 12, allocated a single room and brought in point to point,
 * which closes the 12-hour transfer; the floor's sheet takes two readings a day for two days, one
 * of them a fever, whose immediate report shows on the monitoring board and blocks release; an
 * early release is refused with the plan's reasons; on day 14, after a negative NAT, the person is
 * released and the room waits for cleaning.
 */
const PASSWORD = 'Fangkong@2026';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PERSON = { name: '隔离观察甲', idNumber: withCheckDigit('21112219850505905') };
const SITE = '盘山县福源宾馆';

const clockDir = mkdtempSync(join(tmpdir(), 'fangkong-e2e-clock-'));
const clockFile = join(clockDir, 'offset');
writeFileSync(clockFile, '0');

/** Today's date in China (UTC+8), as the server's demo county counts days. */
const chinaToday = () => new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
const TODAY = chinaToday();

/** The instant of a China time `days` after today: the clock only ever moves forward from the demo's load. */
const chinaAt = (days: number, hhmm: string) =>
  new Date(Date.parse(`${TODAY}T${hhmm}:00+08:00`) + days * DAY);

/** "YYYY-MM-DD HH:mm:ss" in China time, as the pages' date pickers read it. */
const chinaText = (at: Date) =>
  new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');

/** Moves the server's clock to `at` (it keeps running from there). */
function setServerTime(at: Date) {
  writeFileSync(clockFile, String(at.getTime() - Date.now()));
}

let server: RunningServer;
let browser: Browser;

/** A fresh browser context signed in as `username`: a sign-in lasts 12 hours of the server's clock. */
async function signedIn(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** An API call as the signed-in page, with the Origin the CSRF check asks for; the problem on failure. */
async function call<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const response = await page.request.fetch(`${server.url}${path}`, {
    method,
    headers: { origin: server.url },
    ...(data === undefined ? {} : { data }),
  });
  return { status: response.status(), body: (await response.json()) as T };
}

async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const { status, body } = await call<T>(page, method, path, data);
  if (status >= 400) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(body)}`);
  return body;
}

interface Stay {
  id: string;
  status: string;
  siteId: string | null;
  roomId: string | null;
  roomNumber: string | null;
  floor: number | null;
  startedAt: string | null;
  plannedEndDate: string;
  endKind: string | null;
  transfer: { dueAt: string; doneAt: string | null; overdue: boolean } | null;
}

/** Records the current slot's reading of the room on its floor's sheet, as site staff do. */
async function recordOnFloor(page: Page, stay: Stay, slot: 'am' | 'pm', temperature: string) {
  await page.goto(`${server.url}/monitoring/floor?siteId=${stay.siteId}&floor=${stay.floor}`);
  const room = stay.roomNumber as string;
  await page.getByTestId(`room-row-${room}`).waitFor();
  await page.getByTestId('reading-slot').locator(`input[value="${slot}"]`).check();
  await page.getByTestId(`reading-temp-${room}`).fill(temperature);
  await page.getByTestId(`reading-save-${room}`).click();
}

beforeAll(async () => {
  server = await startServer({ clockFile });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(clockDir, { recursive: true, force: true });
});

describe('a close contact from identification to release (EPI-4, ISO-4, ISO-6)', () => {
  let contactId = '';
  let stay: Stay;

  it('the CDC lists a close contact, due in centralised isolation within 12 hours (EPI-4)', async () => {
    setServerTime(chinaAt(1, '08:30'));
    const cdc = await signedIn('cdc_epidemiologist');
    const cases = await api<{ items: Array<{ id: string; jurisdictionCode: string; status: string }> }>(
      cdc,
      'GET',
      '/api/cases?jurisdiction=211122',
    );
    const reported = cases.items.find((c) => c.status !== 'discarded')!;
    // Exposed at home 12 days before: day 14 of the plan is two days after the identification.
    const contact = await api<{
      id: string;
      identifiedAt: string;
      nextDeadline: { kind: string; dueAt: string } | null;
    }>(cdc, 'POST', '/api/contacts', {
      caseId: reported.id,
      class: 'close',
      reason: '与病例同住',
      name: PERSON.name,
      idNumber: PERSON.idNumber,
      phone: null,
      jurisdictionCode: reported.jurisdictionCode,
      exposure: {
        kind: 'household',
        place: '家中',
        at: new Date(chinaAt(1, '08:00').getTime() - 12 * DAY).toISOString(),
      },
    });
    contactId = contact.id;
    expect(contact.nextDeadline?.kind).toBe('transfer');
    expect(Date.parse(contact.nextDeadline!.dueAt) - Date.parse(contact.identifiedAt)).toBe(12 * HOUR);
    await cdc.context().close();
  });

  it('the isolation manager allocates a single room and records the arrival: the transfer closes (ISO-4)', async () => {
    setServerTime(chinaAt(1, '09:00'));
    const manager = await signedIn('isolation_manager');
    await manager.goto(`${server.url}/isolation/stays`);
    const row = manager.getByTestId(`queue-row-${PERSON.name}`);
    await row.waitFor();
    await row.getByTestId('allocate-button').click();
    await manager.getByTestId('allocation-site').click();
    await manager.locator('.ant-select-item-option').filter({ hasText: SITE }).first().click();
    await manager.getByTestId('allocation-submit').click();
    // A room is held for them: the queue no longer lists them (ISO-4, one person per room).
    const heldRoom = async () =>
      (
        await api<{ items: Array<Stay & { sourceId: string }> }>(
          manager,
          'GET',
          '/api/isolation/stays?status=allocated&pageSize=100',
        )
      ).items.find((s) => s.sourceId === contactId);
    await expect.poll(heldRoom, { timeout: 20_000 }).toBeTruthy();
    const held = (await heldRoom()) as Stay;
    await manager.reload();
    await manager.getByTestId('queue-table-centralised').waitFor();
    expect(await manager.getByTestId(`queue-row-${PERSON.name}`).count()).toBe(0);
    await manager.goto(`${server.url}/isolation/stays/${held.id}`);
    await manager.getByTestId('arrive-button').click();
    await manager.getByTestId('arrive-from').fill('盘山县家中，专车点对点转运');
    await manager.getByTestId('arrive-vehicle').fill('辽L·D1234');
    await manager.getByTestId('arrive-submit').click();
    await expect
      .poll(async () => (await api<Stay>(manager, 'GET', `/api/isolation/stays/${held.id}`)).status)
      .toBe('in_room');
    stay = await api<Stay>(manager, 'GET', `/api/isolation/stays/${held.id}`);
    expect(stay.roomNumber).toBeTruthy();
    // The 12-hour transfer (EPI-4) closed when the person reached the room, on time.
    expect(stay.transfer?.doneAt).toBeTruthy();
    expect(stay.transfer?.overdue).toBe(false);
    expect(Date.parse(stay.transfer!.dueAt) - Date.parse(stay.startedAt!)).toBeGreaterThan(11 * HOUR);
    await manager.context().close();
  });

  it('day 13: two normal readings on the floor sheet (ISO-4)', async () => {
    setServerTime(chinaAt(1, '09:30'));
    const manager = await signedIn('isolation_manager');
    await recordOnFloor(manager, stay, 'am', '36.5');
    setServerTime(chinaAt(1, '15:00'));
    await recordOnFloor(manager, stay, 'pm', '36.6');
    const readings = await api<{
      days: Array<{ date: string; am: unknown; pm: unknown }>;
      alerts: unknown[];
    }>(manager, 'GET', `/api/monitoring/stays/${stay.id}`);
    const today = readings.days.find((d) => d.date === chinaText(chinaAt(1, '12:00')).slice(0, 10))!;
    expect(today.am).toBeTruthy();
    expect(today.pm).toBeTruthy();
    expect(readings.alerts).toHaveLength(0);
    await manager.context().close();
  });

  it('day 14 morning: a fever raises the immediate report, shown on the board; release is refused (ISO-4, ISO-6)', async () => {
    setServerTime(chinaAt(2, '09:00'));
    const manager = await signedIn('isolation_manager');
    await recordOnFloor(manager, stay, 'am', '38.2');
    await manager.goto(`${server.url}/monitoring`);
    const alert = manager.getByTestId('monitoring-alert').filter({ hasText: stay.roomNumber! });
    await alert.first().waitFor();
    expect(await alert.first().innerText()).toContain('38.2');

    // Too early, and the report is open: refused with the plan's reasons (ISO-6).
    const early = await call<{ code: string; reasons: Array<{ code: string; zh: string }> }>(
      manager,
      'POST',
      `/api/isolation/stays/${stay.id}/release`,
      { reason: '提前解除' },
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('release_not_allowed');
    expect(early.body.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['period_not_over', 'test_missing', 'abnormal_report_open']),
    );

    // The site reports the fever and rechecks it (一报告): the report closes.
    await alert.first().getByTestId('alert-handle').click();
    await manager.getByTestId('alert-outcome').locator('input[type="radio"]').first().check();
    await manager.getByTestId('alert-submit').click();
    await expect
      .poll(() => manager.getByTestId('monitoring-alert').filter({ hasText: stay.roomNumber! }).count())
      .toBe(0);
    setServerTime(chinaAt(2, '15:00'));
    await recordOnFloor(manager, stay, 'pm', '36.8');
    await manager.context().close();
  });

  it('the last day: a negative NAT, then release; the room waits for cleaning (ISO-6)', async () => {
    setServerTime(chinaAt(3, '09:00'));
    const manager = await signedIn('isolation_manager');
    await manager.goto(`${server.url}/isolation/stays/${stay.id}`);
    const panel = manager.getByTestId('release-panel');
    await panel.waitFor();
    await manager.getByTestId('test-result').click();
    await manager.locator('.ant-select-item-option').filter({ hasText: '阴性' }).first().click();
    await manager
      .getByTestId('test-sampled-at')
      .fill(chinaText(chinaAt(3, '08:00')).slice(0, 16).replace(' ', 'T'));
    await manager.getByTestId('test-submit').click();
    await manager.getByTestId('release-allowed').waitFor();
    await manager.getByTestId('release-reason').fill('隔离期满，核酸检测阴性');
    await manager.getByTestId('release-submit').click();
    await expect
      .poll(async () => (await api<Stay>(manager, 'GET', `/api/isolation/stays/${stay.id}`)).status)
      .toBe('ended');
    const ended = await api<Stay>(manager, 'GET', `/api/isolation/stays/${stay.id}`);
    expect(ended.endKind).toBe('released');
    const grid = await api<{ items: Array<{ id: string; state: string }> }>(
      manager,
      'GET',
      `/api/isolation/sites/${stay.siteId}/rooms`,
    );
    expect(grid.items.find((room) => room.id === stay.roomId)?.state).toBe('cleaning');
    const contact = await api<{ status: string }>(manager, 'GET', `/api/contacts/${contactId}`);
    expect(contact.status).toBe('released');
    await manager.context().close();
  });
});
