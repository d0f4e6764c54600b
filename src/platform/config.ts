import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CHECK_IN_RETENTION } from '../rules/venues.js';
import type { UploadLimits } from './bulk/limits.js';

/** Configuration is read here once, validated, and frozen; nothing else reads process.env. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** A PostgreSQL server URL; absent means embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly secret: string;
  /** LOG_LEVEL as given; unset, the server logs at info and one-off commands at warn. */
  readonly logLevel: string | undefined;
  readonly sessionHours: number;
  readonly lockoutAttempts: number;
  readonly lockoutMinutes: number;
  readonly defaultTimeZone: string;
  /**
   * Trust X-Forwarded-For from this proxy (addresses or CIDRs, comma-separated); unset,
   * the client address is the socket's, so public forms' rate limits cannot be dodged by a header.
   */
  readonly trustProxy: string | undefined;
  /** What one uploaded sheet may cost: size, idle time, unpacked size, rejected rows (bulk/limits.ts). */
  readonly uploads: UploadLimits;
  /**
   * The address users reach the platform at (FANGKONG_PUBLIC_URL), e.g. https://fk.example.gov.cn:
   * an origin without a path. QR codes encode it, the CSRF check accepts it as the platform's own
   * origin, and when it is https the session cookie is Secure even behind a TLS-terminating proxy.
   * Unset, the address a request came in on is used.
   */
  readonly publicUrl: string | undefined;
  /**
   * Days venue check-ins are kept (FANGKONG_CHECK_IN_RETENTION_DAYS, HC-2 privacy): 28 by default,
   * twice EPI-2's 14-day look-back (src/rules/venues.ts CHECK_IN_RETENTION); older day partitions are dropped.
   */
  readonly checkInRetentionDays: number;
  /** Tests only (NODE_ENV=test): a file holding milliseconds the clock is shifted by (clock.ts). */
  readonly testClockFile: string | undefined;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** A setting that must be a whole number of at least 1. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = int(env, name, fallback);
  if (value < 1) throw new ConfigError(`${name} must be at least 1, got "${env[name]}"`);
  return value;
}

const MiB = 1024 * 1024;

/** Upload bounds (defaults in src/platform/bulk/limits.ts, documented in the README). */
function uploadLimits(env: NodeJS.ProcessEnv): UploadLimits {
  return Object.freeze({
    maxFileBytes: positive(env, 'FANGKONG_UPLOAD_MAX_MB', 256) * MiB,
    idleSeconds: positive(env, 'FANGKONG_UPLOAD_IDLE_SECONDS', 30),
    xlsxMaxUnzippedBytes: positive(env, 'FANGKONG_XLSX_MAX_UNZIPPED_MB', 1024) * MiB,
    xlsxMaxSharedStringsBytes: positive(env, 'FANGKONG_XLSX_MAX_SHARED_STRINGS_MB', 64) * MiB,
    xlsxMaxSharedStrings: positive(env, 'FANGKONG_XLSX_MAX_SHARED_STRINGS', 2_000_000),
    maxRejectedRows: positive(env, 'FANGKONG_IMPORT_MAX_REJECTED_ROWS', 10_000),
    staleImportSeconds: positive(env, 'FANGKONG_IMPORT_STALE_SECONDS', 60),
  });
}

/** HC-2: how long check-ins are kept; bounds and the default's reason in src/rules/venues.ts. */
function retentionDays(env: NodeJS.ProcessEnv): number {
  const days = positive(env, 'FANGKONG_CHECK_IN_RETENTION_DAYS', CHECK_IN_RETENTION.defaultDays);
  if (days < CHECK_IN_RETENTION.minDays || days > CHECK_IN_RETENTION.maxDays)
    throw new ConfigError(
      `FANGKONG_CHECK_IN_RETENTION_DAYS must be from ${CHECK_IN_RETENTION.minDays} to ${CHECK_IN_RETENTION.maxDays} days (EPI-2 looks back 14), got "${env.FANGKONG_CHECK_IN_RETENTION_DAYS}"`,
    );
  return days;
}

/**
 * The secret keys personal-data encryption (README "Where the key lives"). Taken, in order, from
 * FANGKONG_SECRET, from the file FANGKONG_SECRET_FILE names (outside the data folder, created with a
 * fresh key on first start), or — on the embedded database only, so a laptop install needs no
 * setup — from `secret.key` in the data folder. With a key file set, a key left in the data folder
 * stops the start: a copy of that folder alone would then read every ID number and phone.
 */
function loadSecret(env: NodeJS.ProcessEnv, dataDir: string, embedded: boolean): string {
  const given = env.FANGKONG_SECRET;
  if (given) {
    if (given.length < 32) throw new ConfigError('FANGKONG_SECRET must be at least 32 characters');
    return given;
  }
  const inDataDir = join(dataDir, 'secret.key');
  const keyFile = env.FANGKONG_SECRET_FILE?.trim();
  if (keyFile) return loadKeyFile(resolve(keyFile), dataDir, inDataDir);
  if (!embedded)
    throw new ConfigError('FANGKONG_SECRET or FANGKONG_SECRET_FILE is required when DATABASE_URL is set');
  return readOrCreateKey(inDataDir);
}

function loadKeyFile(file: string, dataDir: string, inDataDir: string): string {
  const within = relative(dataDir, file);
  if (within === '' || (!within.startsWith('..') && !isAbsolute(within)))
    throw new ConfigError(
      `FANGKONG_SECRET_FILE must lie outside FANGKONG_DATA_DIR (${dataDir}), or a copy of the data folder carries its key`,
    );
  if (existsSync(inDataDir))
    throw new ConfigError(
      `${inDataDir} still holds a key: move it to FANGKONG_SECRET_FILE (${file}) instead of copying it, or a copy of the data folder reads personal data`,
    );
  const secret = readOrCreateKey(file);
  if (secret.length < 32) throw new ConfigError('FANGKONG_SECRET_FILE must hold at least 32 characters');
  return secret;
}

/** The key in `file`, or a fresh one written there (mode 0600) when it does not exist yet. */
function readOrCreateKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** An http(s) origin; a path, query or credentials would not survive being put in front of routes. */
function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.FANGKONG_PUBLIC_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `FANGKONG_PUBLIC_URL must be a URL such as https://fk.example.gov.cn, got "${raw}"`,
    );
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare)
    throw new ConfigError(
      `FANGKONG_PUBLIC_URL must be an http or https origin without a path, such as https://fk.example.gov.cn, got "${raw}"`,
    );
  return url.origin;
}

/** A shifted clock is for tests that run the platform as a process, never for a deployment. */
function testClockFile(env: NodeJS.ProcessEnv): string | undefined {
  const file = env.FANGKONG_TEST_CLOCK_FILE?.trim();
  if (!file) return undefined;
  if (env.NODE_ENV !== 'test')
    throw new ConfigError(
      'FANGKONG_TEST_CLOCK_FILE shifts the clock and is accepted in tests only (NODE_ENV=test)',
    );
  return resolve(file);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.FANGKONG_DATA_DIR || '.data');
  const databaseUrl = env.DATABASE_URL || undefined;
  return Object.freeze({
    port: int(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl,
    secret: loadSecret(env, dataDir, databaseUrl === undefined),
    logLevel: env.LOG_LEVEL || undefined,
    sessionHours: int(env, 'FANGKONG_SESSION_HOURS', 12),
    lockoutAttempts: int(env, 'FANGKONG_LOCKOUT_ATTEMPTS', 5),
    lockoutMinutes: int(env, 'FANGKONG_LOCKOUT_MINUTES', 15),
    defaultTimeZone: env.FANGKONG_TIME_ZONE || 'Asia/Shanghai',
    trustProxy: env.FANGKONG_TRUST_PROXY || undefined,
    uploads: uploadLimits(env),
    publicUrl: publicUrl(env),
    checkInRetentionDays: retentionDays(env),
    testClockFile: testClockFile(env),
  });
}
