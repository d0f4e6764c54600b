import type { Logger } from 'pino';
import { loadShippedDocuments } from '../modules/documents/index.js';
import { loadShippedPacks } from '../modules/policy/index.js';
import { platformClock } from './clock.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { createPiiCipher } from './pii/cipher.js';

/** Opens the database, applies pending migrations, registers the shipped source documents, loads the shipped policy packs and returns the context every service gets. */
export async function openContext(config: Config, log: Logger): Promise<AppContext> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  // Documents first: the shipped packs' citations are checked against them.
  const documents = await loadShippedDocuments(db);
  if (documents.length > 0) log.info({ documents }, 'source documents registered');
  const packs = await loadShippedPacks(db);
  if (packs.length > 0) log.info({ packs }, 'policy packs loaded');
  return {
    db,
    config,
    cipher: createPiiCipher(config.secret),
    log,
    now: platformClock(config.testClockFile),
  };
}
