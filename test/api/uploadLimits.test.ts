import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../src/platform/bulk/limits.js';
import { buildApp } from '../../src/platform/http/app.js';
import { signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { csvText, multipart, residentId } from './ledgerFiles.js';

/**
 * Uploads that cannot take the server down (issue 11, E16–E18): a workbook is refused past the
 * bounds on what it unpacks to, on every import path; an import stops after a bounded number of
 * rejected rows and is marked failed; a stalled or refused upload does not hold its request; an
 * import is filed and audited before its first batch and can be followed by its id.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
}, 60_000);
afterAll(() => env.close());

/** The same app on the same database with other upload limits. */
async function appWith(limits: Partial<UploadLimits>) {
  const ctx = { ...env.ctx, config: { ...env.ctx.config, uploads: { ...DEFAULT_UPLOAD_LIMITS, ...limits } } };
  const { app } = await buildApp(ctx);
  return { app, cookie: await signInAs(app, 'a_admin') };
}

function post(app: FastifyInstance, cookie: string, url: string, fileName: string, content: Buffer | string) {
  const body = multipart(fileName, content);
  return app.inject({ method: 'POST', url, headers: { ...body.headers, cookie }, payload: body.payload });
}

/** A workbook written the way Excel does, shared strings and all. */
async function workbook(rows: readonly string[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = book.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

const LEDGER_HEADER = ['姓名', '证件号码', '现住址区划代码'];
const personRow = (n: number) => [`人员${n}`, residentId(700_000 + n), VILLAGE_A];
const badRow = (n: number) => [`错行${n}`, 'not-an-id', VILLAGE_A];

const problemCodes = (response: { json: () => { errors?: { code: string }[] } }) =>
  (response.json().errors ?? []).map((e) => e.code);

describe('hostile workbooks (E16)', () => {
  let paths: Array<[string, string]>;
  beforeAll(() => {
    paths = [
      ['persons', '/api/persons/import'],
      ['push lists', '/api/push-lists'],
      ['risk areas', '/api/risk-areas/import'],
      ['lab results', `/api/lab-results/import?labId=${env.world.testingA.labId}`],
    ];
  });

  it('refuses a cell longer than Excel allows on every import path, naming the limit', async () => {
    // One shared string of 1 MiB: the 300 MB case of the issue, smaller; it compresses to about 1 KiB.
    const hostile = await workbook([LEDGER_HEADER, ['x'.repeat(1024 * 1024), residentId(1), VILLAGE_A]]);
    expect(hostile.length).toBeLessThan(16 * 1024);
    for (const [name, url] of paths) {
      const response = await post(env.app, admin, url, 'hostile.xlsx', hostile);
      expect({ name, status: response.statusCode, codes: problemCodes(response) }).toEqual({
        name,
        status: 400,
        codes: ['xlsx_text_too_long'],
      });
      const [error] = response.json().errors;
      expect(error.message).toContain('(limit: 128 KiB)');
      expect(error.message_zh).toContain('（上限：128 KiB）');
    }
  });

  it('refuses a shared-strings table past its size or count, and a workbook past its unpacked size', async () => {
    const rows = [LEDGER_HEADER, ...Array.from({ length: 400 }, (_, i) => personRow(i))];
    const file = await workbook(rows);
    const cases: Array<[Partial<UploadLimits>, string, Record<string, unknown>]> = [
      [{ xlsxMaxSharedStrings: 500 }, 'xlsx_too_many_shared_strings', { maxSharedStrings: 500 }],
      [
        { xlsxMaxSharedStringsBytes: 8 * 1024 },
        'xlsx_shared_strings_too_large',
        { maxSharedStringsBytes: 8192 },
      ],
      [{ xlsxMaxUnzippedBytes: 16 * 1024 }, 'xlsx_unzipped_too_large', { maxUnzippedBytes: 16384 }],
    ];
    for (const [limits, code, extra] of cases) {
      const { app, cookie } = await appWith(limits);
      try {
        const response = await post(app, cookie, '/api/persons/import', 'many.xlsx', file);
        expect({ code, status: response.statusCode, codes: problemCodes(response) }).toEqual({
          code,
          status: 400,
          codes: [code],
        });
        expect(response.json()).toMatchObject(extra);
      } finally {
        await app.close();
      }
    }
    // Under the default limits the same file imports.
    const accepted = await post(env.app, admin, '/api/persons/import', 'many.xlsx', file);
    expect(accepted.json()).toMatchObject({ total: 400, rejected: 0 });
  });
});

describe('rejected rows and refused uploads (E17)', () => {
  it('stops a ledger import after the configured number of rejected rows and marks it failed with the count', async () => {
    const { app, cookie } = await appWith({ maxRejectedRows: 5 });
    try {
      const rows = [LEDGER_HEADER, personRow(1000), ...Array.from({ length: 50 }, (_, i) => badRow(i))];
      const id = randomUUID();
      const response = await post(app, cookie, `/api/persons/import?id=${id}`, 'bad.csv', csvText(rows));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'bad_file',
        maxRejectedRows: 5,
        jobId: id,
        created: 1,
        rejected: 6,
      });
      expect(problemCodes(response)).toEqual(['too_many_rejected']);
      const job = await app.inject({ method: 'GET', url: `/api/persons/imports/${id}`, headers: { cookie } });
      expect(job.json()).toMatchObject({
        status: 'failed',
        failure: 'too_many_rejected',
        created: 1,
        rejected: 6,
      });
      const [stored] = await env.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM person_import_errors WHERE import_id = $1',
        [id],
      );
      expect(stored?.n).toBe(6);
    } finally {
      await app.close();
    }
  });

  it('stops a push list, a risk-area list and a lab sheet after too many rejected rows', async () => {
    const { app, cookie } = await appWith({ maxRejectedRows: 3 });
    try {
      const lines = (header: string, row: string, n: number) =>
        `${header}\n${Array.from({ length: n }, () => row).join('\n')}\n`;
      const cases: Array<[string, string, string]> = [
        [
          '/api/push-lists',
          'push.csv',
          lines('姓名,身份证号,目的地区划代码,抵达时间', '张三,bad,bad,bad', 20),
        ],
        [
          '/api/risk-areas/import',
          'areas.csv',
          lines('风险等级,区划代码,地区名称,发布时间,发布机构', '极高,bad,某地,bad,某机构', 20),
        ],
        [
          `/api/lab-results/import?labId=${env.world.testingA.labId}`,
          'lab.csv',
          lines('条码,结果', 'X,bad', 20),
        ],
      ];
      for (const [url, name, content] of cases) {
        const response = await post(app, cookie, url, name, content);
        expect({ url, status: response.statusCode, codes: problemCodes(response) }).toEqual({
          url,
          status: 400,
          codes: ['too_many_rejected'],
        });
        expect(response.json()).toMatchObject({ maxRejectedRows: 3, rejected: 4 });
      }
      const [push] = await env.db.query<{ status: string; failure: string; rejected: number }>(
        "SELECT status, failure, rejected FROM push_imports WHERE file_name = 'push.csv'",
      );
      expect(push).toEqual({ status: 'failed', failure: 'too_many_rejected', rejected: 4 });
    } finally {
      await app.close();
    }
  });

  it('refuses a file over the upload size setting with 413, naming the limit', async () => {
    const { app, cookie } = await appWith({ maxFileBytes: 64 * 1024 });
    try {
      const rows = [LEDGER_HEADER, ...Array.from({ length: 2000 }, (_, i) => personRow(i))];
      const response = await post(app, cookie, '/api/persons/import', 'big.csv', csvText(rows));
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload_too_large', maxBytes: 65536 });
      expect(response.json().errors[0].message_zh).toContain('（上限：64 KiB）');
    } finally {
      await app.close();
    }
  });

  describe('over a real connection', () => {
    let server: { app: FastifyInstance; cookie: string; port: number };
    beforeAll(async () => {
      const { app, cookie } = await appWith({ idleSeconds: 1 });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      server = { app, cookie, port: typeof address === 'object' && address ? address.port : 0 };
    });
    afterAll(() => server.app.close());

    /**
     * Sends the head of a multipart upload announcing `declared` bytes, then `sent`, then nothing
     * more; resolves with what the server answered once it closes the connection.
     */
    function stalledUpload(sent: Buffer, declared: number): Promise<string> {
      const boundary = '----stalled';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n` +
          'Content-Type: text/csv\r\n\r\n',
      );
      return new Promise((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1');
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
        socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
        socket.on('close', () => resolve(answer));
        socket.write(
          `POST /api/persons/import HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${server.cookie}\r\n` +
            `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
            `Content-Length: ${head.length + declared}\r\n\r\n`,
        );
        socket.write(head);
        socket.write(sent);
      });
    }

    it('answers a stalled upload after the idle setting, naming it, and closes the connection', async () => {
      const answer = await stalledUpload(Buffer.from('姓名,证件号码,现住址区划代码\n人员,'), 10_000_000);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer.toLowerCase()).toContain('connection: close');
      expect(answer).toContain('"code":"upload_idle"');
      expect(answer).toContain('(limit: 1 s)');
    });

    it('refuses a one-line csv without waiting for the rest of it', async () => {
      // 1 MiB of a line that never ends, of a body announced as 500 MiB that will never come.
      const answer = await stalledUpload(Buffer.alloc(1024 * 1024, 'a'), 500 * 1024 * 1024);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer).toContain('"code":"csv_syntax"');
      expect(answer.toLowerCase()).toContain('connection: close');
    });
  });
});

describe('import jobs (E18)', () => {
  it('files and audits an import before its first batch, answers health checks while it runs, and can be followed', async () => {
    const rows = [LEDGER_HEADER, ...Array.from({ length: 6000 }, (_, i) => personRow(10_000 + i))];
    const id = randomUUID();
    let settled = false;
    const running = post(env.app, admin, `/api/persons/import?id=${id}`, 'big.csv', csvText(rows)).finally(
      () => {
        settled = true;
      },
    );
    const follow = () =>
      env.app.inject({ method: 'GET', url: `/api/persons/imports/${id}`, headers: { cookie: admin } });
    // Polls as a page does, letting the upload's stream events run in between.
    const later = () => new Promise((resolve) => setTimeout(resolve, 20));
    // Following it by its id: found running before it ends, its counts growing batch by batch.
    let seen = await follow();
    while (seen.statusCode === 404 && !settled) {
      await later();
      seen = await follow();
    }
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ jobId: id, status: 'running', fileName: 'big.csv' });
    const audits = await env.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'person_import' AND entity_id = $1",
      [id],
    );
    expect(audits.map((a) => a.action)).toEqual(['import_started']);
    while (seen.json().created === 0 && !settled) {
      await later();
      seen = await follow();
    }
    // Between two batches the server answers other requests.
    const health = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(settled).toBe(false);
    const during = (await follow()).json();
    expect(during.status).toBe('running');
    expect(during.created).toBeGreaterThan(0);
    expect(during.created).toBeLessThan(6000);

    const report = (await running).json();
    expect(report).toMatchObject({ jobId: id, total: 6000, created: 6000 });
    expect((await follow()).json()).toMatchObject({ status: 'done', failure: null, created: 6000 });
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/persons/imports',
      headers: { cookie: admin },
    });
    expect(list.json().items.map((j: { jobId: string }) => j.jobId)).toContain(id);
    // The same id again is a conflict, not a second import.
    const again = await post(
      env.app,
      admin,
      `/api/persons/import?id=${id}`,
      'big.csv',
      csvText(rows.slice(0, 2)),
    );
    expect(again.statusCode).toBe(409);
  }, 120_000);

  it('shows an import whose heartbeat stopped as interrupted, with what it committed', async () => {
    const id = randomUUID();
    await env.db.query(
      `INSERT INTO person_imports (id, jurisdiction_code, file_name, format, started_at, status, heartbeat_at, created)
       VALUES ($1, $2, 'cut.csv', 'csv', now() - interval '10 minutes', 'running', now() - interval '5 minutes', 3000)`,
      [id, '211122'],
    );
    const job = await env.app.inject({
      method: 'GET',
      url: `/api/persons/imports/${id}`,
      headers: { cookie: admin },
    });
    expect(job.json()).toMatchObject({ status: 'interrupted', created: 3000, finishedAt: null });
    const other = await signInAs(env.app, 'b_admin');
    const hidden = await env.app.inject({
      method: 'GET',
      url: `/api/persons/imports/${id}`,
      headers: { cookie: other },
    });
    expect(hidden.statusCode).toBe(404);
  });
});
