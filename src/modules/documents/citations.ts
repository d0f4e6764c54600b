import type { Citation } from '../../api/documents.js';
import type { Queryable } from '../../platform/db/types.js';
import { checkCitations, fold, locateQuote, sourcesOf } from '../../rules/policy/citations.js';
import type { PackError } from '../../rules/policy/packCheck.js';
import type { Text } from '../../rules/policy/types.js';
import { citedDocuments } from './store.js';

/**
 * The citations of a pack that name no registered document or quote words their document does not
 * hold (issue 12, Deliver 2); the pack is refused when there is any. Lines are the caller's to add.
 */
export async function packCitationErrors(tx: Queryable, pack: unknown): Promise<PackError[]> {
  const ids = sourcesOf(pack).map(([, source]) => source.document);
  return checkCitations(pack, await citedDocuments(tx, ids));
}

interface LoadedPack {
  id: string;
  version: string;
  title: Text;
  content: unknown;
}

/**
 * The loaded pack versions, read (never written) from the policy module's table: the policy module
 * depends on this one to check its packs, so calling back through its index would be a cycle.
 */
function loadedPacks(tx: Queryable): Promise<LoadedPack[]> {
  return tx.query<LoadedPack>(
    `SELECT id, version, jsonb_build_object('zh', title_zh, 'en', title_en) AS title, content
     FROM policy_packs ORDER BY id, loaded_at, version`,
  );
}

/** How many citations of the loaded pack versions name each document. */
export async function citationCounts(tx: Queryable): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const pack of await loadedPacks(tx)) {
    for (const [, source] of sourcesOf(pack.content)) {
      counts.set(source.document, (counts.get(source.document) ?? 0) + 1);
    }
  }
  return counts;
}

/** `protocols[2].tests[0].source` → the protocol's index and what the citation is for (`tests`). */
function placeOf(path: string): { protocol: number | null; item: string } {
  const protocol = /^protocols\[(\d+)\]\.(\w+)/.exec(path);
  if (protocol) return { protocol: Number(protocol[1]), item: protocol[2] ?? 'source' };
  return { protocol: null, item: /^\w+/.exec(path)?.[0] ?? 'source' };
}

function protocolTitle(content: unknown, index: number | null): Text | null {
  if (index === null) return null;
  const protocols = (content as { protocols?: { title?: Text }[] }).protocols;
  return protocols?.[index]?.title ?? null;
}

/** Every citation of the loaded pack versions into one document, with where its quote lies in the text. */
export async function documentCitations(tx: Queryable, id: string, text: string): Promise<Citation[]> {
  const folded = fold(text);
  const citations: Citation[] = [];
  for (const pack of await loadedPacks(tx)) {
    for (const [path, source] of sourcesOf(pack.content)) {
      if (source.document !== id) continue;
      const place = placeOf(path);
      const located = source.quote === undefined ? { spans: [] } : locateQuote(folded, source.quote);
      citations.push({
        packId: pack.id,
        packVersion: pack.version,
        packTitle: pack.title,
        path,
        protocolTitle: protocolTitle(pack.content, place.protocol),
        item: place.item,
        section: source.section,
        quote: source.quote ?? null,
        found: 'spans' in located,
        spans: 'spans' in located ? located.spans : [],
      });
    }
  }
  return citations;
}
