import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../platform/db/types.js';
import { parsePack, withLines } from '../../rules/policy/loadPack.js';
import type { PackError } from '../../rules/policy/packCheck.js';
import { packCitationErrors } from '../documents/index.js';
import { storePack } from './store.js';

const PACKS_DIR = new URL('../../../packs/', import.meta.url);

/**
 * Loads the packs shipped in packs/ (one per seed authority). Like migrations, they are part of the
 * release: a broken shipped pack stops start-up with its errors rather than running without rules.
 * Its citations are checked against the registered source documents, so load those first.
 */
export async function loadShippedPacks(db: Database): Promise<string[]> {
  const dir = PACKS_DIR.pathname;
  const files = (await readdir(dir)).filter((file) => /\.ya?ml$/.test(file)).sort();
  const stored: string[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    const parsed = parsePack(text);
    const invalid = (errors: PackError[]) => {
      const lines = errors.map((e) => `  ${e.line ? `line ${e.line}, ` : ''}${e.path}: ${e.message.en}`);
      return new Error(`Policy pack ${file} is invalid:\n${lines.join('\n')}`);
    };
    if ('errors' in parsed) throw invalid(parsed.errors);
    const outcome = await db.transaction(async (tx) => {
      // Issue 12: its citations name the documents registered before it (documents/) and quote them.
      const citations = await packCitationErrors(tx, parsed.pack);
      if (citations.length > 0) throw invalid(withLines(text, citations));
      return storePack(tx, parsed.pack, text, null);
    });
    if (outcome === 'stored') stored.push(`${parsed.pack.id}@${parsed.pack.version}`);
  }
  return stored;
}
