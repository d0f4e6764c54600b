import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/types.js';
import { peekHits, takeHit } from '../../src/platform/limits/index.js';
import { freshDatabase } from '../support/database.js';

const rule = { name: 'test.limit', max: 3, windowSeconds: 60 };
const at = (iso: string) => new Date(iso);

describe('persisted rate limits', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
  });
  afterAll(async () => {
    await drop();
  });

  it('allows up to the limit in a window, then refuses with the seconds left', async () => {
    const now = at('2026-12-07T10:00:15Z');
    const verdicts = [];
    for (let i = 0; i < 4; i += 1) verdicts.push(await takeHit(db, rule, 'user-1', now));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[3]?.retryAfterSeconds).toBe(45);
    expect(await peekHits(db, rule, 'user-1', now)).toBe(4);
    expect(await peekHits(db, rule, 'user-2', now)).toBe(0);
  });

  it('counts parallel hits atomically: never more allowed than the limit', async () => {
    const now = at('2026-12-07T11:00:00Z');
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => takeHit(db, rule, 'burst', now)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
  });

  it('starts a new window and clears finished ones', async () => {
    await takeHit(db, rule, 'old', at('2026-12-07T12:00:00Z'));
    const next = await takeHit(db, rule, 'old', at('2026-12-07T12:01:00Z'));
    expect(next).toMatchObject({ allowed: true, count: 1 });
    const rows = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM rate_limit_hits WHERE rule = 'test.limit' AND expires_at <= '2026-12-07T12:01:00Z'",
    );
    expect(rows[0]?.n).toBe(0);
  });
});
