import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { DEMO_PASSWORD } from '../src/modules/demo/index.js';
import { withCheckDigit } from '../src/rules/idNumber.js';
import { exited, spawnServer } from '../test/support/serverProcess.js';

/**
 * Issue 11, E16 and E17, against the real server (`fangkong serve --demo`, PGlite):
 * - a workbook of about 300 KiB whose one shared string is 300 MiB, sent to every import path; the
 *   server's peak resident memory (VmHWM) is read before and after, and must stay under 1 GiB;
 * - health checks timed while a 20,000-row ledger imports, and while a ledger wrong on every line
 *   is refused past the rejected-row limit.
 * Run: `node --import tsx bench/hostileUpload.ts` (about two minutes). Not part of `npm run bench`.
 */

const SHARED_STRING_BYTES = 300 * 1024 * 1024;
const MiB = 1024 * 1024;

/** A minimal .zip (deflated entries, no data descriptors) of the given parts. */
function zip(parts: ReadonlyArray<[string, Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const packed = deflateRawSync(data, { level: 9 });
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    locals.push(header, fileName, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += header.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A workbook whose sheet's second row holds one shared string of `bytes` characters. */
function hostileWorkbook(bytes: number): Buffer {
  const xml = (text: string) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
  const ns = 'http://schemas.openxmlformats.org';
  const shared = Buffer.concat([
    xml(
      `<sst xmlns="${ns}/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>姓名</t></si><si><t>证件号码</t></si><si><t>现住址区划代码</t></si><si><t>`,
    ),
    Buffer.alloc(bytes, 'A'),
    Buffer.from('</t></si></sst>'),
  ]);
  return zip([
    [
      '[Content_Types].xml',
      xml(
        `<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    ],
    [
      '_rels/.rels',
      xml(
        `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ],
    [
      'xl/workbook.xml',
      xml(
        `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      xml(
        `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    ],
    ['xl/sharedStrings.xml', shared],
    [
      'xl/worksheets/sheet1.xml',
      xml(
        `<worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c></row></sheetData></worksheet>`,
      ),
    ],
  ]);
}

/** A village (12-digit code) of the demo county, where the ledger's persons live. */
async function firstVillage(url: string, cookie: string): Promise<string> {
  const response = await fetch(`${url}/api/persons?pageSize=1`, { headers: { cookie } });
  const code = (await response.json()).items?.[0]?.jurisdictionCode as string | undefined;
  if (!code) throw new Error('the demo has no persons to take a village from');
  return code;
}

/** Resident memory now and at its peak, of a Linux process. */
function memory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) };
}

/** The node process that serves (the spawned one runs tsx inside the same process). */
const serverPid = (pid: number | undefined) => {
  if (pid === undefined) throw new Error('no server process');
  return pid;
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'fangkong-hostile-'));
  // The demo county is loaded by a first start; the measured server starts on the loaded folder,
  // so its peak memory is the upload's, not the demo loader's.
  const loader = await spawnServer(
    ['serve', '--demo', '--demo-persons', '100'],
    { FANGKONG_DATA_DIR: dataDir },
    300_000,
  );
  loader.child.kill('SIGTERM');
  await exited(loader.child);
  const server = await spawnServer(['serve'], { FANGKONG_DATA_DIR: dataDir }, 300_000);
  const pid = serverPid(server.child.pid);
  try {
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const send = (path: string, name: string, body: Buffer | string) => {
      const form = new FormData();
      form.append('file', new Blob([typeof body === 'string' ? body : new Uint8Array(body)]), name);
      return fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie, origin: server.url },
        body: form,
      });
    };
    const labs = await (await fetch(`${server.url}/api/labs`, { headers: { cookie } })).json();
    const labId = (labs.items ?? labs)[0]?.id as string | undefined;

    const before = memory(pid);
    console.log(`server ready: RSS ${before.rssMiB} MiB, peak so far ${before.peakMiB} MiB`);
    const hostile = hostileWorkbook(SHARED_STRING_BYTES);
    console.log(
      `hostile workbook: ${(hostile.length / 1024).toFixed(0)} KiB, one shared string of ${SHARED_STRING_BYTES / MiB} MiB`,
    );
    const paths = [
      ['persons', '/api/persons/import'],
      ['push lists', '/api/push-lists'],
      ['risk areas', '/api/risk-areas/import'],
      ...(labId ? [['lab results', `/api/lab-results/import?labId=${labId}`]] : []),
    ];
    for (const [name, path] of paths) {
      const started = performance.now();
      const response = await send(path ?? '', 'hostile.xlsx', hostile);
      const body = await response.json();
      const after = memory(pid);
      console.log(
        `  ${name}: ${response.status} ${body.errors?.[0]?.code ?? body.code} in ${Math.round(performance.now() - started)} ms; RSS ${after.rssMiB} MiB, peak ${after.peakMiB} MiB`,
      );
    }

    // Health while a big ledger imports.
    const health = async () => {
      const started = performance.now();
      await (await fetch(`${server.url}/api/health`)).json();
      return performance.now() - started;
    };
    // Valid numbers born on distinct days of 1960–2014, 211122 (the demo county); the village of the demo.
    const idNumber = (i: number) => {
      const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 500) * 86_400_000);
      const date = born.toISOString().slice(0, 10).replaceAll('-', '');
      return withCheckDigit(`211122${date}${String(i % 500).padStart(3, '0')}`);
    };
    const village = await firstVillage(server.url, cookie);
    const ledger = (wrong: boolean) =>
      `姓名,证件号码,现住址区划代码\n${Array.from({ length: 20_000 }, (_, i) => `压测${i},${wrong ? 'not-an-id' : idNumber(i)},${village}`).join('\n')}\n`;
    for (const [label, csv] of [
      ['20,000-row ledger', ledger(false)],
      ['20,000-row ledger wrong on every line', ledger(true)],
    ] as const) {
      const id = randomUUID();
      const importing = send(`/api/persons/import?id=${id}`, 'ledger.csv', csv).then((r) => r.json());
      let done = false;
      void importing.finally(() => {
        done = true;
      });
      const times: number[] = [];
      while (!done) {
        times.push(await health());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const result = await importing;
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `${label}: ${result.errors?.[0]?.code ?? 'done'} (rejected ${result.rejected}); ${times.length} health checks during it, median ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`,
      );
    }
    const end = memory(pid);
    console.log(`end: RSS ${end.rssMiB} MiB, peak ${end.peakMiB} MiB (limit 1024 MiB)`);
    if (end.peakMiB >= 1024) process.exitCode = 1;
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
