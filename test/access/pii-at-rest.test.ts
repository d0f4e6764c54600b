import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/platform/context.js';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { createLogger } from '../../src/platform/logger.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { PERSON_A, PERSON_B, seedWorld, signInAs } from '../support/world.js';

/** No plaintext ID number or phone in a database dump or in the logs. */
let db: Database;
let drop: () => Promise<void>;
let logText = '';
const SECRETS = [PERSON_A.idNumber, PERSON_A.phone, PERSON_B.idNumber, PERSON_B.phone];

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logText += chunk.toString();
      done();
    },
  });
  const base = testContext(db).ctx;
  const ctx: AppContext = { ...base, log: createLogger('debug', sink) };
  await seedWorld(ctx);
  const { app } = await buildApp(ctx);
  const cookie = await signInAs(app, 'a_admin');
  // Searches carry identifiers in the query string; bad input echoes them in bodies.
  await app.inject({
    method: 'GET',
    url: `/api/persons?idNumber=${PERSON_A.idNumber}&phone=${PERSON_A.phone}`,
    headers: { cookie },
  });
  await app.inject({ method: 'POST', url: '/api/persons', headers: { cookie }, payload: { ...PERSON_A } });
  await app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: { cookie },
    payload: { ...PERSON_A, idNumber: `${PERSON_A.idNumber}9` },
  });
  await app.close();
});
afterAll(() => drop());

function pgDumpBinary(): string | undefined {
  if (!existsSync('/usr/lib/postgresql')) return undefined;
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`).find((path) => existsSync(path));
}

describe('personal data protection', () => {
  it('the logs were written and hold no ID number or phone', () => {
    expect(logText).toContain('/api/persons');
    for (const secret of SECRETS) expect(logText.includes(secret), secret).toBe(false);
  });

  it('no table holds an ID number or phone in clear (every row as text)', async () => {
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    let text = '';
    for (const { table_name } of tables) {
      const rows = await db.query<{ t: string }>(`SELECT t::text AS t FROM ${table_name} t`);
      text += rows.map((r) => r.t).join('\n');
    }
    expect(text).toContain(PERSON_A.name);
    for (const secret of SECRETS) expect(text.includes(secret), secret).toBe(false);
  });

  it('the raw database dump holds no ID number or phone', async () => {
    let dump: Buffer;
    if (db.dump) {
      dump = Buffer.from(await (await db.dump()).arrayBuffer());
    } else {
      const binary = pgDumpBinary();
      const url = process.env.TEST_DATABASE_URL;
      if (!binary || !url) return expect.fail('pg_dump is needed to check a PostgreSQL dump');
      const [{ name }] = (await db.query<{ name: string }>('SELECT current_database() AS name')) as [
        { name: string },
      ];
      const target = new URL(url);
      target.pathname = `/${name}`;
      const result = spawnSync(binary, ['--data-only', target.toString()], { maxBuffer: 512 * 1024 * 1024 });
      expect(result.status, result.stderr.toString()).toBe(0);
      dump = result.stdout;
    }
    expect(dump.includes(Buffer.from(PERSON_A.name))).toBe(true);
    for (const secret of SECRETS) expect(dump.includes(Buffer.from(secret)), secret).toBe(false);
  });
});
