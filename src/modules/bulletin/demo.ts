import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { openOwedConferences, recordConference } from './conferences.js';

/**
 * The demo county's information release (CAS-5): the conference owed after its first local case (if
 * the demo's cases hold one) is opened as the sweep would; and a regular release held the day before,
 * recorded by the working group, so the page shows both kinds. Safe to run again.
 */
export async function loadBulletinDemo(
  ctx: AppContext,
  county: string,
  workingGroup: Actor | undefined,
  heldAt: Date,
): Promise<void> {
  await ctx.db.transaction((tx) => openOwedConferences(tx, ctx, county));
  if (!workingGroup) return;
  const [held] = await ctx.db.query(
    'SELECT 1 FROM press_conferences WHERE jurisdiction_code = $1 AND held_at IS NOT NULL',
    [county],
  );
  const [owed] = await ctx.db.query(
    'SELECT 1 FROM press_conferences WHERE jurisdiction_code = $1 AND held_at IS NULL',
    [county],
  );
  // A regular release only where nothing is owed: recording one answers the conference owed first.
  if (held || owed) return;
  await withScope(ctx.db, workingGroup, (tx) =>
    recordConference(ctx, tx, workingGroup, {
      jurisdictionCode: county,
      heldAt: heldAt.toISOString(),
      place: '县人民政府新闻发布厅',
      spokesperson: '县疫情防控指挥部副指挥长',
      note: '例行发布全县疫情防控工作进展',
    }),
  );
}
