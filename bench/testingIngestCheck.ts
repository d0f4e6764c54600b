import type { AppContext } from '../src/platform/context.js';
import type { TestingFixture } from './lib/testingData.js';

/** What a campaign's results left behind, against what they should have (TST-1, TST-6). */
export interface IngestCheck {
  label: string;
  ok: boolean;
  expected: Record<string, number>;
  found: Record<string, number>;
}

/**
 * After posting every tube of `fixture` (1 in 1,000 positive, pools of 10): every tube resulted, the
 * members of the positive pools under control, one open re-sampling deadline each (TST-1), and the
 * campaign's progress counters equal to its samples, all resulted (TST-6).
 */
export async function checkIngest(
  ctx: AppContext,
  fixture: TestingFixture,
  label: string,
  offset: number,
): Promise<IngestCheck> {
  const [found] = await ctx.db.query<Record<string, number>>(
    `SELECT
       (SELECT count(*) FROM tubes WHERE campaign_id = $1 AND result IS NOT NULL)::int AS "tubesResulted",
       (SELECT count(*) FROM tubes WHERE campaign_id = $1 AND result = 'positive')::int AS "positiveTubes",
       (SELECT count(*) FROM person_controls pc JOIN tubes t ON t.id = pc.tube_id
         WHERE t.campaign_id = $1 AND pc.cleared_at IS NULL)::int AS "underControl",
       (SELECT count(*) FROM deadlines d JOIN tubes t ON d.kind = 'resample:' || t.id::text
         WHERE t.campaign_id = $1 AND d.rule_id = 'TST-1' AND d.done_at IS NULL AND d.cancelled_at IS NULL)::int
         AS "resampleDeadlines",
       (SELECT coalesce(sum(sampled), 0) FROM campaign_progress WHERE campaign_id = $1)::int AS "progressSampled",
       (SELECT coalesce(sum(resulted), 0) FROM campaign_progress WHERE campaign_id = $1)::int AS "progressResulted",
       (SELECT coalesce(sum(positives), 0) FROM campaign_progress WHERE campaign_id = $1)::int AS "progressPositives"`,
    [fixture.campaignId],
  );
  // Tube i is positive when i % 1,000 = offset; those tubes are full pools of ten.
  const positiveTubes = offset < fixture.tubes ? Math.floor((fixture.tubes - 1 - offset) / 1_000) + 1 : 0;
  const positivePeople = fixture.members
    .filter((_, i) => i % 1_000 === offset)
    .reduce((n, members) => n + members.length, 0);
  const expected = {
    tubesResulted: fixture.tubes,
    positiveTubes,
    underControl: positivePeople,
    resampleDeadlines: positivePeople,
    progressSampled: fixture.samples,
    progressResulted: fixture.samples,
    progressPositives: positivePeople,
  };
  const ok = Object.entries(expected).every(([key, value]) => found?.[key] === value);
  return { label: `campaign ${label}`, ok, expected, found: found ?? {} };
}
