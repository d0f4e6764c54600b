import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedDocuments } from '../../src/modules/documents/index.js';
import { loadShippedPacks } from '../../src/modules/policy/index.js';
import { fold } from '../../src/rules/policy/citations.js';
import { freshDatabase } from '../support/database.js';
import { signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

const lineOf = (text: string, words: string) =>
  text.split('\n').findIndex((line) => line.includes(words)) + 1;

/** Panshan's pack as a new version, so that an upload is a new pack version and not a changed one. */
const panshan = readFileSync('packs/panshan-2021.yaml', 'utf8').replace(/^version: ".*"$/m, 'version: "90"');
const PHASE_QUOTE = 'source: { document: "003", section: §3.3.1, quote: 须在指定集中隔离场所观察7天 }';

const newDocument = {
  id: 'panshan-supplement',
  title: '盘山县入境人员集中隔离补充通知',
  issuer: '盘山县新冠肺炎疫情防控指挥部',
  issuedOn: '2021-10-01',
  assumed: ['issuedOn'],
  assumptionReason: '通知未写日期，推定为国庆节当天。',
  fullText: '一、对入境人员，\n须在指定集中隔离\n场所观察7天。',
};

describe('source documents are registered in the platform (issue 12, Deliver 2)', () => {
  it('preloads the five documents the shipped packs cite, with their metadata and citation counts', async () => {
    const response = await get('/api/documents', community);
    expect(response.statusCode).toBe(200);
    const list = response.json();
    expect(list.map((d: { id: string }) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(list[2]).toMatchObject({
      title: '福建省冬春季新冠肺炎疫情防控工作方案',
      issuer: '福建省应对新冠肺炎疫情工作领导小组（指挥部）',
      number: '闽应对疫情领导小组〔2021〕1号',
      issuedOn: '2021-01-21',
      assumed: [],
      assumptionReason: null,
    });
    expect(list[4]).toMatchObject({ number: '赤防指字〔2022〕63号', assumed: ['issuedOn'] });
    expect(list[4].assumptionReason).toContain('五一');
    for (const document of list) expect(document.citationCount).toBeGreaterThan(0);
    expect((await get('/api/documents', '')).statusCode).toBe(401);
  });

  it('gives the full text and where every loaded pack cites it, quote by quote', async () => {
    const detail = (await get('/api/documents/002', community)).json();
    expect(detail.fullText).toBe(readFileSync('documents/002.txt', 'utf8'));
    expect(detail.citations.length).toBe(detail.citationCount);
    const arr1 = detail.citations.find(
      (c: { path: string; packId: string }) => c.packId === 'fujian-2021' && c.path === 'protocols[0].source',
    );
    expect(arr1).toMatchObject({
      packTitle: { zh: '福建省冬春季新冠肺炎疫情防控工作方案' },
      protocolTitle: { zh: '入境人员“14+7”' },
      item: 'source',
      section: '§3',
      found: true,
    });
    for (const citation of detail.citations) {
      expect(citation.found, `${citation.packId} ${citation.path}`).toBe(true);
      // Each span is the quoted words in the text as written (line breaks, spaces, widths aside).
      const parts = (citation.quote ?? '').split(/\s+…\s+/).filter(Boolean);
      const quoted = citation.spans.map(
        (s: { start: number; end: number }) => fold(detail.fullText.slice(s.start, s.end)).flat,
      );
      expect(quoted).toEqual(parts.map((part: string) => fold(part).flat));
    }
    expect((await get('/api/documents/999', community)).statusCode).toBe(404);
    expect((await get('/api/documents/..%2Fetc', community)).statusCode).toBe(400);
  });

  it('registers a new document for policy admins only, audited; the same again changes nothing', async () => {
    expect((await post('/api/documents', community, newDocument)).statusCode).toBe(403);
    const created = await post('/api/documents', admin, newDocument);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'panshan-supplement', citationCount: 0, number: null });
    expect((await post('/api/documents', admin, newDocument)).statusCode).toBe(200);
    const audit = (await get('/api/audit?action=register_document', admin)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ entity: 'source_document', entityId: 'panshan-supplement' });
  });

  it('refuses a different text under a registered id, as pack versions are', async () => {
    const changed = await post('/api/documents', admin, {
      ...newDocument,
      fullText: `${newDocument.fullText}补充。`,
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('document_exists');
    expect(changed.json().errors[0]).toMatchObject({ field: 'id', code: 'document_exists' });
    const shipped = await post('/api/documents', admin, { ...newDocument, id: '002' });
    expect(shipped.statusCode).toBe(409);
    // Start-up registers the shipped documents again: nothing changes.
    expect(await loadShippedDocuments(env.db)).toEqual([]);
  });

  it.each([
    [
      'an assumption without its reason',
      { assumptionReason: null },
      'assumptionReason',
      'assumption_reason_required',
    ],
    ['an assumed date that is not given', { issuedOn: null }, 'issuedOn', 'required'],
    ['control characters in the text', { fullText: '第一条\u0000' }, 'fullText', 'document_text_control'],
    ['a text of white space only', { fullText: ' \n\t ' }, 'fullText', 'required'],
    ['an id with a path in it', { id: '../002' }, 'id', 'format'],
    ['an impossible date', { issuedOn: '2021-02-30' }, 'issuedOn', 'format'],
    ['markup in the title', { title: '<b>通知</b>' }, 'title', 'unsafe_text'],
    ['a text over the limit', { fullText: '字'.repeat(200_001) }, 'fullText', 'too_long'],
  ])('refuses %s with a clear message', async (_what, change, field, code) => {
    const response = await post('/api/documents', admin, { ...newDocument, id: 'another', ...change });
    expect(response.statusCode).toBe(400);
    const error = response.json().errors.find((e: { field: string }) => e.field === field);
    expect(error).toMatchObject({ code });
    expect(error.message_zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('an uploaded pack is checked against the registered documents (issue 12, Done when)', () => {
  it('refuses a pack citing an unregistered document, with the path and line', async () => {
    const yaml = panshan.replace(PHASE_QUOTE, PHASE_QUOTE.replace('"003"', '"099"'));
    const response = await post('/api/policy/packs', admin, { yaml });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'yaml', code: 'pack_invalid' });
    expect(response.json().packErrors).toEqual([
      {
        path: expect.stringMatching(/^protocols\[\d+\]\.phases\[\d+\]\.source\.document$/),
        line: lineOf(yaml, 'document: "099"'),
        message: { zh: '“099”不是已登记的依据文件，请先登记该文件', en: expect.stringContaining('"099"') },
      },
    ]);
  });

  it('refuses a pack quoting words its document does not contain, with the path and line', async () => {
    const yaml = panshan.replace(PHASE_QUOTE, PHASE_QUOTE.replace('观察7天', '观察14天'));
    const response = await post('/api/policy/packs', admin, { yaml });
    expect(response.statusCode).toBe(400);
    expect(response.json().packErrors).toEqual([
      {
        path: expect.stringMatching(/^protocols\[\d+\]\.phases\[\d+\]\.source\.quote$/),
        line: lineOf(yaml, '观察14天 }'),
        message: {
          zh: '《盘山县应对可能发生的新冠肺炎疫情防控工作方案》中没有引文“须在指定集中隔离场所观察14天”（已忽略空格、换行和全角半角差异）',
          en: expect.stringContaining('"须在指定集中隔离场所观察14天"'),
        },
      },
    ]);
    expect((await get('/api/policy/packs/panshan-2021/90', admin)).statusCode).toBe(404);
  });

  it('refuses a quote stitched from words found anywhere ("的 … 的"), with the path and line', async () => {
    const yaml = panshan.replace(PHASE_QUOTE, PHASE_QUOTE.replace('须在指定集中隔离场所观察7天', '的 … 的'));
    const response = await post('/api/policy/packs', admin, { yaml });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'yaml', code: 'pack_invalid' });
    expect(response.json().packErrors).toEqual([
      {
        path: expect.stringMatching(/^protocols\[\d+\]\.phases\[\d+\]\.source\.quote$/),
        line: lineOf(yaml, 'quote: 的 … 的 }'),
        message: {
          zh: expect.stringContaining('引文“的”太短：每段引文至少4个字'),
          en: expect.stringContaining('the quoted words "的" are too short'),
        },
      },
    ]);
    expect((await get('/api/policy/packs/panshan-2021/90', admin)).statusCode).toBe(404);
  });

  it('accepts the pack once its document is registered, and the shipped packs as they are', async () => {
    const yaml = panshan.replace(PHASE_QUOTE, PHASE_QUOTE.replace('"003"', '"panshan-supplement"'));
    expect((await post('/api/policy/packs', admin, { yaml })).statusCode).toBe(201);
    const detail = (await get('/api/documents/panshan-supplement', community)).json();
    expect(detail.citations).toEqual([
      expect.objectContaining({
        packId: 'panshan-2021',
        packVersion: '90',
        item: 'phases',
        found: true,
        spans: [{ start: 9, end: 24 }],
      }),
    ]);
    expect(detail.fullText.slice(9, 24)).toBe('须在指定集中隔离\n场所观察7天');
    for (const file of ['chifeng-2022', 'fujian-2021', 'panjin-2022', 'panshan-2021', 'shenyang-2020']) {
      const shipped = await post('/api/policy/packs', admin, {
        yaml: readFileSync(`packs/${file}.yaml`, 'utf8'),
      });
      expect(`${file} ${shipped.statusCode}`).toBe(`${file} 200`);
    }
  });

  it('stops start-up when a shipped pack cites a document that is not registered', async () => {
    const { db, drop } = await freshDatabase();
    try {
      await db.query("DELETE FROM source_documents WHERE id = '003'");
      await expect(loadShippedPacks(db)).rejects.toThrow(
        /Policy pack panshan-2021\.yaml is invalid:\n {2}line \d+, source\.document: "003" is not a registered source document/,
      );
    } finally {
      await drop();
    }
  });
});
