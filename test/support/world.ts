import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { registerArrival } from '../../src/modules/arrivals/index.js';
import { importDivisions } from '../../src/modules/jurisdictions/index.js';
import { createPerson } from '../../src/modules/persons/index.js';
import { assignShippedPack } from '../../src/modules/policy/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { permissionsOf, type Role } from '../../src/rules/roles.js';
import { seedAlerts } from './worldAlerts.js';
import { seedCases } from './worldCases.js';
import { seedChains } from './worldChains.js';
import { seedClaims } from './worldClaims.js';
import { seedCoExposure } from './worldCoExposure.js';
import { seedContacts } from './worldContacts.js';
import { openWorldCall, openWorldDeadline } from './worldDeadlines.js';
import { seedHospitals } from './worldHospitals.js';
import { seedInvestigations } from './worldInvestigations.js';
import { seedIsolationRelease } from './worldIsolationRelease.js';
import { seedIsolationStays } from './worldIsolationStays.js';
import { seedMonitoringRoutesWorld } from './worldMonitoring.js';
import { seedTestingWorld } from './worldTesting.js';

/** Two real counties far apart: 盘山县 (Panjin, Liaoning) and 红山区 (Chifeng, Inner Mongolia). */
export const COUNTY_A = '211122';
export const COUNTY_B = '150402';
export const VILLAGE_A = '211122001001';
export const PASSWORD = 'Test-password-1';
/** County A's privacy alert, seeded below. */
export const PRIVACY_ALERT_A = '0d0d0d0d-0000-4000-8000-00000000000a';
/** A hand-over request for county A's PERSON_A, seeded below. */
export const HANDOVER_A = '0d0d0d0d-0000-4000-8000-0000000000a2';
/** An API token of county A's administrator, known by its id only (its secret is never used). */
export const API_TOKEN_A = '7a0c0000-0000-4000-8000-0000000000a7';
/** County A's pending leave application for PERSON_A (ARR-14), for the routes that end one. */
export const PENDING_LEAVE_A = '7a0c0000-0000-4000-8000-0000000000a8';

/** Valid GB 11643 numbers (check digits computed) and phones used across tests. */
export const PERSON_A = {
  name: '欧阳明远',
  idNumber: '211122198001010017',
  phone: '13800138000',
  jurisdictionCode: VILLAGE_A,
};
export const PERSON_B = {
  name: '李四',
  idNumber: '150402199002020020',
  phone: '13900139000',
  jurisdictionCode: '150402001001',
};

export function actorFor(userId: string, username: string, roles: Role[], scopes: string[]): Actor {
  return { userId, username, displayName: username, roles, permissions: permissionsOf(roles), scopes };
}

/** What a test may leave out of the world. */
export interface WorldOptions {
  /**
   * The tracing modules' cases (contacts, investigations, chains: seven confirmed cases of county A
   * reported in October and one of county B), seeded unless false. A test that counts a county's
   * cases from the beginning (the bulletin's cumulative figures and first local case, the cases
   * awaiting transfer, another county's empty case list) leaves them out, so that its figures count
   * its own cases and the world's case (worldCases.ts), never another module's fixtures.
   */
  tracingCases?: boolean;
}

/** Loads both counties, one admin and one community worker each, and one person each. */
export async function seedWorld(ctx: AppContext, options: WorldOptions = {}) {
  await importDivisions(ctx.db, COUNTY_A);
  await importDivisions(ctx.db, COUNTY_B);
  // Each county is governed by its own region's plan: 盘山县 by [003], 红山区 (Chifeng) by [004].
  await assignShippedPack(ctx.db, COUNTY_A, 'panshan-2021');
  await assignShippedPack(ctx.db, COUNTY_B, 'chifeng-2022');
  const users: Record<string, Actor> = {};
  const specs: Array<[string, Role, string]> = [
    ['a_admin', 'admin', COUNTY_A],
    ['a_community', 'community_worker', VILLAGE_A],
    ['b_admin', 'admin', COUNTY_B],
  ];
  for (const [username, role, scope] of specs) {
    const user = await ctx.db.transaction((tx) =>
      createUser(tx, undefined, {
        username,
        displayName: username,
        password: PASSWORD,
        roles: [role],
        scopes: [scope],
      }),
    );
    users[username] = actorFor(user.id, username, [role], [scope]);
  }
  await ctx.db.query(
    `INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at)
     VALUES ($1, $2, 'world', $3, $4, $4::timestamptz + interval '90 days')`,
    [API_TOKEN_A, users.a_admin!.userId, randomBytes(32), ctx.now()],
  );
  // A privacy alert (an exact-search burst of county A's community worker) for the alert routes.
  await ctx.db.query(
    `INSERT INTO person_privacy_alerts (id, jurisdiction_code, kind, user_id, user_name, hits, window_seconds, raised_at)
     VALUES ($1, $2, 'exact_search_burst', $3, 'a_community', 21, 60, now())`,
    [PRIVACY_ALERT_A, VILLAGE_A, users.a_community!.userId],
  );
  const personA = await withScope(ctx.db, users.a_admin!, (tx) =>
    createPerson(ctx, tx, users.a_admin!, PERSON_A),
  );
  const personB = await withScope(ctx.db, users.b_admin!, (tx) =>
    createPerson(ctx, tx, users.b_admin!, PERSON_B),
  );
  await ctx.db.query(
    `INSERT INTO cadre_leaves (id, jurisdiction_code, person_id, destination_name, destination_division_code, reason,
       leave_date, planned_return_date, applied_by, applied_by_name, applicant_scope, applied_at)
     VALUES ($1, $2, $3, '沈阳市和平区', '210102', '培训', '2026-11-26', '2026-11-27', $4, 'a_admin (a_admin)', $5, $6)`,
    [PENDING_LEAVE_A, VILLAGE_A, personA.id, users.a_admin!.userId, COUNTY_A, ctx.now()],
  );
  // County B registered PERSON_B's record as PERSON_A's number once: a hand-over request for county A.
  await ctx.db.query(
    `INSERT INTO person_handovers (id, person_id, owner_code, requested_person_id, requested_code, requested_by_name, requested_at)
     VALUES ($1, $2, $3, $4, $5, 'b_admin', now())`,
    [HANDOVER_A, personA.id, personA.jurisdictionCode, personB.id, personB.jurisdictionCode],
  );
  // PERSON_A came back from overseas after 14 days at the first port of entry (ARR-4).
  const arrivalA = await withScope(ctx.db, users.a_admin!, (tx) =>
    registerArrival(ctx, tx, users.a_admin!, {
      person: { personId: personA.id },
      jurisdictionCode: VILLAGE_A,
      channel: 'manual',
      origin: 'overseas',
      originCountry: '日本',
      arrivedAt: new Date('2026-11-23T02:00:00Z'),
      enteredAt: new Date('2026-11-08T02:00:00Z'),
      portIsolationDays: 14,
    }),
  );
  // PERSON_A's earlier trip matched no protocol of Panshan's plan (3 days at the port): it waits for
  // the CDC (issue 12, no silent arrivals), so the review routes have an arrival to settle.
  const reviewA = await withScope(ctx.db, users.a_admin!, (tx) =>
    registerArrival(ctx, tx, users.a_admin!, {
      person: { personId: personA.id },
      jurisdictionCode: VILLAGE_A,
      channel: 'manual',
      origin: 'overseas',
      originCountry: '韩国',
      arrivedAt: new Date('2026-11-20T02:00:00Z'),
      enteredAt: new Date('2026-11-17T02:00:00Z'),
      portIsolationDays: 3,
    }),
  );
  const deadlineA = await openWorldDeadline(ctx, users.a_admin!, personA);
  const deadlineB = await openWorldDeadline(ctx, users.b_admin!, personB);
  const callA = await openWorldCall(ctx, users.a_admin!, personA);
  const testingA = await seedTestingWorld(ctx, users.a_admin!, COUNTY_A);
  const testingB = await seedTestingWorld(ctx, users.b_admin!, COUNTY_B);
  await seedClaims(ctx, users.a_admin!, COUNTY_A, VILLAGE_A);
  const casesA = await seedCases(ctx, users.a_admin!, testingA);
  await seedCoExposure(ctx, casesA.personId);
  await seedHospitals(ctx, users.a_admin!);
  await seedMonitoringRoutesWorld(ctx, users.a_admin!, VILLAGE_A);
  if (options.tracingCases !== false) {
    await seedContacts(ctx, users.a_admin!);
    await seedInvestigations(ctx, users.a_admin!);
    await seedChains(ctx, users.a_admin!, users.b_admin!, '150402001001');
    await seedIsolationStays(ctx, users.a_admin!);
    await seedIsolationRelease(ctx, users.a_admin!);
  }
  await seedAlerts(ctx);
  return {
    users,
    personA,
    personB,
    arrivalA,
    reviewA,
    deadlineA,
    deadlineB,
    callA,
    testingA,
    testingB,
    casesA,
  };
}

/** Signs in through the API and returns the Cookie header for later requests. */
export async function signInAs(app: FastifyInstance, username: string, password = PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'fk_session');
  return `fk_session=${cookie!.value}`;
}
