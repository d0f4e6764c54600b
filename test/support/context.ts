import { DEFAULT_UPLOAD_LIMITS } from '../../src/platform/bulk/limits.js';
import type { Config } from '../../src/platform/config.js';
import type { AppContext } from '../../src/platform/context.js';
import type { Database } from '../../src/platform/db/types.js';
import { createLogger } from '../../src/platform/logger.js';
import { createPiiCipher } from '../../src/platform/pii/cipher.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export const testConfig: Config = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  databaseUrl: undefined,
  secret: TEST_SECRET,
  logLevel: 'silent',
  sessionHours: 12,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  defaultTimeZone: 'Asia/Shanghai',
  trustProxy: undefined,
  uploads: DEFAULT_UPLOAD_LIMITS,
  publicUrl: undefined,
  checkInRetentionDays: 28,
  testClockFile: undefined,
});

/** A context on `db` with a clock the test can move. */
export function testContext(db: Database, start = new Date('2026-11-24T02:00:00Z')) {
  let now = start;
  const ctx: AppContext = {
    db,
    config: testConfig,
    cipher: createPiiCipher(TEST_SECRET),
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    now: () => now,
  };
  return { ctx, setNow: (value: Date) => (now = value) };
}
