import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorldApp } from '../support/worldApp.js';

/**
 * No silent arrivals after an upgrade: arrivals that matched no protocol before the CDC review list
 * existed get its deadline from migration 0069, and those already on the list keep theirs.
 */
const MIGRATION = readFileSync(
  'src/modules/arrivals/migrations/0069_review_arrivals_without_protocol.sql',
  'utf8',
);
let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

const openReviews = () =>
  env.db.query<{ subject: string; owner: string; rule: string }>(
    `SELECT subject_id AS subject, owner_role AS owner, rule_id AS rule FROM deadlines
     WHERE kind = 'review:no_protocol' AND done_at IS NULL AND cancelled_at IS NULL ORDER BY subject_id`,
  );

describe('ARR-11 arrivals planned by nothing before the review list', () => {
  it('get the CDC’s review deadline once, and nothing overdue', async () => {
    const before = await openReviews();
    expect(before.length).toBeGreaterThan(0); // the test world holds one such arrival
    // As an older database holds them: no review obligation at all.
    await env.db.query("DELETE FROM deadlines WHERE kind = 'review:no_protocol'");
    await env.db.exec(MIGRATION);
    const after = await openReviews();
    expect(after).toEqual(before.map((row) => ({ ...row, owner: 'cdc_epidemiologist', rule: 'ARR-11' })));
    const [late] = await env.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deadlines WHERE kind = 'review:no_protocol' AND due_at <= opened_at",
    );
    expect(late!.n).toBe(0);
    await env.db.exec(MIGRATION);
    expect(await openReviews()).toEqual(after);
  });
});
