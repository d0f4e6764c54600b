import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { allocate } from './allocation.js';
import { createHomeStay } from './homeStays.js';
import { readQueue } from './queue.js';
import { arrive } from './stayArrival.js';

/** Where the demo's people were picked up from (point-to-point transfer, 点对点闭环转运). */
const PICKUPS = [
  '太平街道兴盛社区家中',
  '太平街道双盛社区家中',
  '古城子镇古城子村家中',
  '坝墙子镇坝墙子村家中',
];
const VEHICLES = ['辽L·Z0261', '辽L·Z0318', '辽L·Z0472'];
const ESCORTS = ['刘志强', '孙晓梅', '郭丽娜'];

/** The isolation manager of the demo (their work is audited under their name), or the county's system actor. */
async function managerOf(ctx: AppContext, county: string): Promise<Actor> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    `SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = 'isolation_manager'`,
  );
  if (row?.scopes.some((s) => county.startsWith(s)))
    return { userId: row.id, username: 'isolation_manager', ...row, permissions: permissionsOf(row.roles) };
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'demo',
    displayName: '演示数据',
    roles: ['admin'],
    permissions: permissionsOf(['admin']),
    scopes: [county],
  };
}

/**
 * The demo county's people in isolation (ISO-4, ISO-5), loaded after its sites and contacts: the
 * close and secondary close contacts owed a room are allocated, one each, to the rooms of the sites
 * in use for close contacts, and all but the last have arrived (point to point, the 12-hour transfer
 * closed at the arrival); the last awaits its transfer. General contacts owed home isolation are
 * isolated at home under their community. Nothing when the county has no site in use; loaded once
 * (a reload finds the stays and adds nothing).
 */
export async function loadIsolationStaysDemo(ctx: AppContext, county: string): Promise<void> {
  const actor = await managerOf(ctx, county);
  await withScope(ctx.db, actor, async (tx) => {
    const [loaded] = await tx.query(
      `SELECT 1 FROM isolation_stays WHERE jurisdiction_code ^@ $1 AND source_type = 'contact' LIMIT 1`,
      [county],
    );
    if (loaded) return;
    const sites = await tx.query<{ id: string }>(
      `SELECT id FROM isolation_sites WHERE jurisdiction_code ^@ $1 AND active AND status = 'in_use'
         AND 'close_contacts' = ANY (purposes)
       ORDER BY name`,
      [county],
    );
    const site = sites[0];
    if (!site) return;
    const queue = await readQueue(ctx, tx, actor, { jurisdiction: county, kind: 'centralised' });
    const contacts = queue.items.filter(
      (item) => item.sourceType === 'contact' && item.purpose === 'close_contacts',
    );
    for (const [i, person] of contacts.entries()) {
      const [stay] = await allocate(ctx, tx, actor, {
        people: [{ sourceType: 'contact', sourceId: person.sourceId }],
        siteId: site.id,
      });
      if (!stay || (i === contacts.length - 1 && contacts.length > 1)) continue;
      // Arrived now: after the allocation just made (an arrival never precedes it).
      await arrive(ctx, tx, actor, stay.stayId, {
        arrivedAt: ctx.now().toISOString(),
        fromPlace: PICKUPS[i % PICKUPS.length] as string,
        vehicle: VEHICLES[i % VEHICLES.length] as string,
        escortName: ESCORTS[i % ESCORTS.length] as string,
      });
    }
    const home = await readQueue(ctx, tx, actor, { jurisdiction: county, kind: 'home' });
    for (const person of home.items.filter((item) => item.sourceType === 'contact').slice(0, 3))
      await createHomeStay(ctx, tx, actor, { sourceType: 'contact', sourceId: person.sourceId });
  });
}
