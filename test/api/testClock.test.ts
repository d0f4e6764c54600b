import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { platformClock } from '../../src/platform/clock.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { TEST_SECRET } from '../support/context.js';

/**
 * The clock a test may shift (FANGKONG_TEST_CLOCK_FILE): the real time plus the milliseconds the file
 * holds, read on every call; refused outside tests, so no deployment runs on a shifted clock.
 */
const dir = mkdtempSync(join(tmpdir(), 'fangkong-clock-'));
const file = join(dir, 'offset');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;

describe('the platform clock', () => {
  it('is the real time without a clock file', () => {
    const now = platformClock(undefined)().getTime();
    expect(Math.abs(now - Date.now())).toBeLessThan(1000);
  });

  it('follows the file as it changes, and reads a missing or unreadable file as no shift', () => {
    const now = platformClock(file);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    writeFileSync(file, String(2 * DAY));
    expect(Math.abs(now().getTime() - (Date.now() + 2 * DAY))).toBeLessThan(1000);
    writeFileSync(file, 'two days');
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('is accepted with NODE_ENV=test only', () => {
    const env = { FANGKONG_SECRET: TEST_SECRET, FANGKONG_DATA_DIR: dir, FANGKONG_TEST_CLOCK_FILE: file };
    expect(() => loadConfig({ ...env, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, NODE_ENV: undefined })).toThrow(/tests only/);
    expect(loadConfig({ ...env, NODE_ENV: 'test' }).testClockFile).toBe(file);
    expect(
      loadConfig({ FANGKONG_SECRET: TEST_SECRET, FANGKONG_DATA_DIR: dir }).testClockFile,
    ).toBeUndefined();
  });
});
