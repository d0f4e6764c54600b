import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { DEMO_CAMPAIGN_NAME, loadCampaignDemo } from '../campaigns/index.js';
import { loadLabResultsDemo } from '../labResults/index.js';
import { loadLabsDemo } from '../labs/index.js';
import { loadSamplingDemo, registerSample } from '../sampling/index.js';
import { contextAt } from './clock.js';

/** Residents of 太平街道 sampled in the demo campaign, in pools of 10 at the street's site. */
const CAMPAIGN_SAMPLES = 300;
const TABLES = 4;
const SECONDS_APART = 40;

async function demoActor(ctx: AppContext, username: string): Promise<Actor | undefined> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    'SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = $1',
    [username],
  );
  if (!row) return undefined;
  return { userId: row.id, username, ...row, permissions: permissionsOf(row.roles) };
}

/**
 * The demo campaign's first hours (TST-6): residents of the first street sampled at its site's
 * tables through the real registration, one person every 40 s from the campaign's start, in
 * tubes of 10 that seal when full. Safe to run again: a campaign with samples is left alone.
 */
async function sampleDemoCampaign(ctx: AppContext, actor: Actor): Promise<number> {
  return withScope(ctx.db, actor, async (tx) => {
    const [campaign] = await tx.query<{ id: string; startsAt: Date; samples: number }>(
      `SELECT c.id, c.starts_at AS "startsAt",
         (SELECT count(*)::int FROM samples s WHERE s.campaign_id = c.id) AS samples
       FROM campaigns c WHERE c.name = $1`,
      [DEMO_CAMPAIGN_NAME],
    );
    const [site] = await tx.query<{ id: string; code: string }>(
      `SELECT id, jurisdiction_code AS code FROM sampling_sites
       WHERE jurisdiction_code = '211122001' ORDER BY name LIMIT 1`,
    );
    if (!campaign || !site || campaign.samples > 0) return 0;
    const people = await tx.query<{ id: string }>(
      `SELECT p.id FROM persons p WHERE p.jurisdiction_code >= $1 AND p.jurisdiction_code < $1 || ':'
         AND NOT EXISTS (SELECT 1 FROM samples s WHERE s.person_id = p.id)
       ORDER BY p.jurisdiction_code, p.id LIMIT $2`,
      [site.code, CAMPAIGN_SAMPLES],
    );
    const now = ctx.now().getTime();
    const start = new Date(campaign.startsAt).getTime();
    for (const [i, person] of people.entries()) {
      const tube = Math.floor(i / 10);
      const at = new Date(Math.min(now, start + i * SECONDS_APART * 1000));
      await registerSample(contextAt(ctx, at), tx, actor, {
        siteId: site.id,
        tableNo: (tube % TABLES) + 1,
        tubeBarcode: `DEMO-QY-${String(tube + 1).padStart(6, '0')}`,
        personId: person.id,
        purpose: 'campaign',
        campaignId: campaign.id,
        poolSize: 10,
      });
    }
    return people.length;
  });
}

/**
 * NAT testing in the demo county: labs with capacity targets and QC records, sampling sites, the
 * full-population campaign with its first samples, and the county lab's results (one positive
 * pool, whose ten members are under control with re-sampling tasks).
 */
export async function loadDemoTesting(ctx: AppContext): Promise<number> {
  const cdc = await demoActor(ctx, 'cdc_epidemiologist');
  const lab = await demoActor(ctx, 'lab');
  if (!cdc || !lab) return 0;
  await loadLabsDemo(ctx, cdc);
  await loadCampaignDemo(ctx, cdc);
  await loadSamplingDemo(ctx, cdc);
  const sampled = await sampleDemoCampaign(ctx, cdc);
  await loadLabResultsDemo(ctx, lab);
  return sampled;
}
