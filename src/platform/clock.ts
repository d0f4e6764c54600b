import { readFileSync } from 'node:fs';

/**
 * The platform's clock, handed to every service as `ctx.now`. It is the real time, except in tests
 * that run the platform as a process (FANGKONG_TEST_CLOCK_FILE, accepted with NODE_ENV=test only):
 * there the real time is shifted by the milliseconds the file holds, read on every call, so a test
 * can let days pass against a running server (twice-daily readings on day 2, a release on day 14).
 */
export function platformClock(testClockFile: string | undefined): () => Date {
  if (!testClockFile) return () => new Date();
  return () => new Date(Date.now() + offsetIn(testClockFile));
}

function offsetIn(file: string): number {
  try {
    const offset = Number(readFileSync(file, 'utf8').trim());
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}
