import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
  /**
   * The address users reach the platform at (FANGKONG_PUBLIC_URL), e.g. https://fk.example.gov.cn:
   * an origin without a path. QR codes encode it, the CSRF check accepts it as the platform's own
   * origin, and when it is https the session cookie is Secure even behind a TLS-terminating proxy.
   * Unset, the address a request came in on is used.
   */
  readonly publicUrl: string | undefined;
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

/**
 * The secret keys personal-data encryption. On a server deployment it must be given; on the
 * embedded database it is generated once into the data folder (mode 0600) so a laptop install
 * needs no setup, and the data folder stays readable only together with its key.
 */
function loadSecret(env: NodeJS.ProcessEnv, dataDir: string, embedded: boolean): string {
  const given = env.FANGKONG_SECRET;
  if (given) {
    if (given.length < 32) throw new ConfigError('FANGKONG_SECRET must be at least 32 characters');
    return given;
  }
  if (!embedded) throw new ConfigError('FANGKONG_SECRET is required when DATABASE_URL is set');
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
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
    publicUrl: publicUrl(env),
  });
}
