import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/types.js';
import type { PiiCipher } from './pii/cipher.js';

/** What every service function may need, passed explicitly: no hidden singletons. */
export interface AppContext {
  readonly db: Database;
  readonly config: Config;
  readonly cipher: PiiCipher;
  readonly log: Logger;
  /** The clock, a parameter so tests can fix time. */
  readonly now: () => Date;
}
