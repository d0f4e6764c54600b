import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCitations, sourcesOf as sources } from './citations.js';
import { shippedPack, shippedPackFiles } from './testkit.js';

const packs = shippedPackFiles().map(shippedPack);
const DOCUMENTS = new URL('../../../documents/', import.meta.url);

describe('the shipped packs (issue 4 Deliver 1)', () => {
  it('cover every protocol rule ARR-1 … ARR-10', () => {
    const rules = new Set(packs.flatMap((p) => p.protocols.map((q) => q.rule)));
    for (let n = 1; n <= 10; n++) expect(rules).toContain(`ARR-${n}`);
  });

  it('are one per seed authority', () => {
    const seedsOf = packs.map((p) => p.source?.document);
    expect(seedsOf.sort()).toEqual(['000', '001', '002', '003', '004']);
    expect(new Set(packs.map((p) => p.authority.zh)).size).toBe(packs.length);
  });

  it('cite only the seed each pack transcribes', () => {
    for (const pack of packs) {
      for (const [path, source] of sources(pack))
        expect(`${pack.id} ${path} ${source.document}`).toBe(`${pack.id} ${path} ${pack.source?.document}`);
    }
  });

  it('quote words their registered document holds (documents/, as loaded at start-up)', () => {
    const index = parse(readFileSync(new URL('index.yaml', DOCUMENTS), 'utf8')) as {
      id: string;
      title: string;
    }[];
    const documents = new Map(
      index.map((d) => [
        d.id,
        { title: d.title, text: readFileSync(new URL(`${d.id}.txt`, DOCUMENTS), 'utf8') },
      ]),
    );
    expect([...documents.keys()]).toEqual(['000', '001', '002', '003', '004']);
    const quotes = packs.flatMap((pack) => sources(pack).filter(([, s]) => s.quote !== undefined));
    expect(quotes.length).toBeGreaterThan(100);
    const problems = packs.flatMap((pack) =>
      checkCitations(pack, documents).map((e) => `${pack.id} ${e.path}: ${e.message.en}`),
    );
    expect(problems).toEqual([]);
  });
});
