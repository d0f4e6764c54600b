import { releaseCheckOf } from '../../src/modules/isolation/index.js';
import type { AppContext } from '../../src/platform/context.js';
import type { Database } from '../../src/platform/db/types.js';
import { localDate } from '../../src/rules/time.js';

/**
 * The release tile's figures (ISO-6): the open stays (in a room or at home) of `root` whose planned
 * end is today or earlier, counted from the stays table, and of them those the release check allows
 * (read stay by stay through the check, as GET /isolation/stays/:id/release-check answers it). None
 * when the tile is hidden (nobody's isolation ends today).
 */
export async function expectedReleaseFigures(
  db: Database,
  root: string,
  now: Date,
  zone: string,
): Promise<Map<string, number>> {
  const stays = await db.query<{ id: string }>(
    `SELECT id FROM isolation_stays WHERE jurisdiction_code LIKE $1 AND status IN ('in_room', 'home')
       AND planned_end_date <= $2::date`,
    [`${root}%`, localDate(now, zone)],
  );
  if (stays.length === 0) return new Map();
  const ctx = { now: () => now, config: { defaultTimeZone: zone } } as unknown as AppContext;
  let allowed = 0;
  await db.transaction(async (tx) => {
    for (const stay of stays) if ((await releaseCheckOf(ctx, tx, stay.id)).allowed) allowed += 1;
  });
  return new Map([
    ['isolation.release.due', stays.length],
    ['isolation.release.allowed', allowed],
    ['isolation.release.blocked', stays.length - allowed],
  ]);
}
