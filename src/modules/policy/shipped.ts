import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../platform/db/types.js';
import { parsePack } from '../../rules/policy/loadPack.js';
import { storePack } from './store.js';

const PACKS_DIR = new URL('../../../packs/', import.meta.url);

/**
 * Loads the packs shipped in packs/ (one per seed authority). Like migrations, they are part of the
 * release: a broken shipped pack stops start-up with its errors rather than running without rules.
 */
export async function loadShippedPacks(db: Database): Promise<string[]> {
  const dir = PACKS_DIR.pathname;
  const files = (await readdir(dir)).filter((file) => /\.ya?ml$/.test(file)).sort();
  const stored: string[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    const parsed = parsePack(text);
    if ('errors' in parsed) {
      const lines = parsed.errors.map((error) => `  ${error.path}: ${error.message.en}`).join('\n');
      throw new Error(`Policy pack ${file} is invalid:\n${lines}`);
    }
    const outcome = await db.transaction((tx) => storePack(tx, parsed.pack, text, null));
    if (outcome === 'stored') stored.push(`${parsed.pack.id}@${parsed.pack.version}`);
  }
  return stored;
}
