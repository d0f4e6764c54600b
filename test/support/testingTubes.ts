import { randomUUID } from 'node:crypto';
import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';

/**
 * Tubes and samples written straight with SQL (as the database owner), so lab-result tests do not
 * depend on the sampling module: what sampling would have stored, nothing more.
 */
export interface TubeSpec {
  barcode: string;
  jurisdictionCode: string;
  siteId?: string | null;
  campaignId?: string | null;
  category?: 'general' | 'risk_group' | 'hospital' | 'rural';
  capacity?: number;
  members?: readonly string[];
  openedAt: Date;
  sealed?: boolean;
  labId?: string | null;
  /** An arrival plan test each member's sample answers. */
  arrival?: { arrivalId: string; planItem: string };
  purpose?: 'campaign' | 'resample' | 'arrival' | 'other';
}

const HOURS: Record<string, number> = { general: 12, risk_group: 6, hospital: 6, rural: 12 };

export async function insertTube(ctx: AppContext, spec: TubeSpec): Promise<string> {
  const id = randomUUID();
  const members = spec.members ?? [];
  const category = spec.category ?? 'general';
  const at = spec.openedAt.toISOString();
  const due = new Date(spec.openedAt.getTime() + HOURS[category]! * 3_600_000).toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO tubes (id, barcode, jurisdiction_code, site_id, campaign_id, category, capacity, member_count,
         opened_at, sealed_at, due_at, lab_id, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id,
        spec.barcode,
        spec.jurisdictionCode,
        spec.siteId ?? null,
        spec.campaignId ?? null,
        category,
        spec.capacity ?? Math.max(members.length, 1),
        members.length,
        at,
        spec.sealed === false ? null : at,
        due,
        spec.labId ?? null,
        spec.labId ? at : null,
      ],
    );
    if (members.length > 0)
      await tx.query(
        `INSERT INTO samples (tube_id, person_id, jurisdiction_code, campaign_id, purpose, arrival_id, plan_item, sampled_at)
         SELECT $1, p, $2, $3, $4, $5, $6, $7 FROM unnest($8::uuid[]) AS p`,
        [
          id,
          spec.jurisdictionCode,
          spec.campaignId ?? null,
          spec.purpose ?? (spec.arrival ? 'arrival' : 'campaign'),
          spec.arrival?.arrivalId ?? null,
          spec.arrival?.planItem ?? null,
          at,
          members,
        ],
      );
  });
  return id;
}

/** `count` new persons of `village` (ID numbers born in 1950 + `seed`: a seed from 1 to 49, unique per test file). */
export async function createPersons(
  ctx: AppContext,
  actor: Actor,
  village: string,
  count: number,
  seed: number,
): Promise<string[]> {
  const ids: string[] = [];
  await withScope(ctx.db, actor, async (tx) => {
    for (let i = 0; i < count; i++) {
      const idNumber = withCheckDigit(
        `${village.slice(0, 6)}${1950 + seed}0101${String(i).padStart(3, '0')}`,
      );
      const person = await createPerson(ctx, tx, actor, {
        name: `检测人员${seed}${i}`,
        idNumber,
        jurisdictionCode: village,
      });
      ids.push(person.id);
    }
  });
  return ids;
}
