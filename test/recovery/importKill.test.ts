import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importDivisions } from '../../src/modules/jurisdictions/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { csvUpload, exited, type ServerProcess, session, startServer } from './server.js';
import { freshStorage, type Storage } from './storage.js';

/**
 * Issue 11, E18: a ledger import killed mid-way (SIGKILL) leaves a visible interrupted job with
 * exactly the count its committed batches saved, and its audit entry, written before the first
 * batch (before this, 25,996 committed persons had no audit entry). Re-importing the file adds
 * only the rest.
 */
const COUNTY = '211122';
const VILLAGE = '211122001001';
const PASSWORD = 'Kill-test-password-1';
const ROWS = 60_000;
// A heartbeat older than this reads as interrupted; short, so the test need not wait a minute.
const STALE_SECONDS = 3;

const idNumber = (i: number) => {
  const born = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 900) * 86_400_000);
  return withCheckDigit(
    `${COUNTY}${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(i % 900).padStart(3, '0')}`,
  );
};
const ledger = `姓名,证件号码,现住址区划代码\n${Array.from({ length: ROWS }, (_, i) => `人员${i},${idNumber(i)},${VILLAGE}`).join('\n')}\n`;

let storage: Storage;
let server: ServerProcess | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  storage = await freshStorage();
  env = { ...storage.env, FANGKONG_IMPORT_STALE_SECONDS: String(STALE_SECONDS) };
  const db = await storage.open();
  await importDivisions(db, COUNTY);
  await db.transaction((tx) =>
    createUser(tx, undefined, {
      username: 'county_admin',
      displayName: 'county_admin',
      password: PASSWORD,
      roles: ['admin'],
      scopes: [COUNTY],
    }),
  );
  await db.close();
}, 120_000);

afterAll(async () => {
  if (server && server.child.exitCode === null && !server.child.signalCode) {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  await storage?.remove();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('leaves an interrupted job with its committed count and audit entry when killed during a ledger import', async () => {
  server = await startServer(env);
  let call = await session(server.url, 'county_admin', PASSWORD);
  const origin = { origin: server.url };
  const id = randomUUID();
  const job = async () => (await call(`/api/persons/imports/${id}`)).json();
  const pending = call(`/api/persons/import?id=${id}`, {
    method: 'POST',
    headers: origin,
    body: csvUpload('ledger.csv', ledger),
  }).then(
    (response) => `answered ${response.status}`,
    () => 'connection lost',
  );
  // Killed once a few batches have committed, well before the end.
  const deadline = Date.now() + 90_000;
  let seen: { status?: string; created?: number } = {};
  while (!((seen.created ?? 0) >= 3000) && Date.now() < deadline) {
    await pause(50);
    const response = await call(`/api/persons/imports/${id}`);
    if (response.status === 200) seen = await response.json();
  }
  expect(seen).toMatchObject({ status: 'running' });
  server.child.kill('SIGKILL');
  await exited(server.child);
  expect(await pending).toBe('connection lost');

  server = await startServer(env);
  call = await session(server.url, 'county_admin', PASSWORD);
  let after = await job();
  while (after.status === 'running') {
    await pause(500);
    after = await job();
  }
  expect(after).toMatchObject({ jobId: id, status: 'interrupted', fileName: 'ledger.csv', finishedAt: null });
  expect(after.created).toBeGreaterThanOrEqual(3000);
  expect(after.created).toBeLessThan(ROWS);
  const listed = await (await call('/api/persons/imports')).json();
  expect(listed.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ jobId: id, status: 'interrupted' })]),
  );

  // The rest, imported again: only what the killed import had not committed is created.
  const rerun = await (
    await call('/api/persons/import', {
      method: 'POST',
      headers: { origin: server.url },
      body: csvUpload('ledger.csv', ledger),
    })
  ).json();
  expect(rerun).toMatchObject({
    total: ROWS,
    created: ROWS - after.created,
    unchanged: after.created,
    rejected: 0,
  });
  server.child.kill('SIGTERM');
  await exited(server.child);

  const db = await storage.open();
  try {
    const [persons] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
    expect(persons?.n).toBe(ROWS);
    const [record] = await db.query<{ created: number; total: number }>(
      'SELECT created, total FROM person_imports WHERE id = $1',
      [id],
    );
    expect(record?.created).toBe(after.created);
    const audits = await db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'person_import' AND entity_id = $1 ORDER BY id",
      [id],
    );
    // Audited before its first batch; no closing entry, since it never closed.
    expect(audits.map((a) => a.action)).toEqual(['import_started']);
  } finally {
    await db.close();
  }
}, 300_000);
