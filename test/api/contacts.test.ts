import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idHash } from '../../src/platform/pii/seal.js';
import { COUNTY_A, COUNTY_B, PERSON_B, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { CASE_VISIT_AT, NEAR_A, NEAR_B, VENUE_A } from '../support/worldCoExposure.js';
import { CONTACT_A, CONTACT_CASE_A } from '../support/worldContacts.js';

/**
 * EPI-4, 002 §25: "对密切接触者、次密切接触者等…严格实施单人单间隔离…做到隔离人员 12 小时内转运到集中隔离
 * 点"; "一般接触者由所在社区实施居家隔离观察 14 天". Contacts listed from co-exposure results (contract 3),
 * pushed to control with deadlines, handed to the county where they live, reclassified and discarded
 * without leaving a stale deadline. 盘山县 (county A) is governed by the Panshan pack.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let a: string;
let b: string;
const NOW = new Date('2026-11-24T02:00:00Z');
const HOUR = 3_600_000;

beforeAll(async () => {
  env = await openWorldApp();
  a = await signInAs(env.app, 'a_admin');
  b = await signInAs(env.app, 'b_admin');
});
afterAll(() => env.close());

const post = (url: string, cookie: string, payload?: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload && { payload }) });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const hex = (idNumber: string) => idHash(env.ctx.cipher, idNumber).toString('hex');

async function openDeadlines(contactId: string) {
  return env.db.query<{
    kind: string;
    owner_role: string;
    jurisdiction_code: string;
    due_at: Date;
    opened_at: Date;
  }>(
    `SELECT kind, owner_role, jurisdiction_code, due_at, opened_at FROM deadlines
     WHERE subject_type = 'contact' AND subject_id = $1 AND done_at IS NULL AND cancelled_at IS NULL ORDER BY due_at, kind`,
    [contactId],
  );
}

const batch = (cls: string, candidates: object[]) => ({
  caseId: CONTACT_CASE_A,
  class: cls,
  reason: '与病例同一时段在同一超市',
  candidates,
});
const atVenue = (minutes: number) => ({
  kind: 'venue',
  venueId: VENUE_A,
  at: new Date(Date.parse(CASE_VISIT_AT) + minutes * 60_000).toISOString(),
  overlapMinutes: 25,
});

describe('EPI-4 contacts from co-exposure results, pushed to control', () => {
  let nearA: string;

  it('lists a co-exposed person as a close contact: a 12-hour transfer to a single room for the county working group, never overdue when opened', async () => {
    const response = await post(
      '/api/contacts/batch',
      a,
      batch('close', [{ idHash: hex(NEAR_A.idNumber), exposure: atVenue(5) }]),
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.rejected).toEqual([]);
    expect(body.existing).toEqual([]);
    expect(body.created).toEqual([{ contactId: expect.any(String), name: NEAR_A.name }]);
    nearA = body.created[0].contactId;
    const deadlines = await openDeadlines(nearA);
    const transfer = deadlines.find((d) => d.kind === 'transfer');
    expect(transfer).toMatchObject({ owner_role: 'working_group', jurisdiction_code: COUNTY_A });
    expect(new Date(transfer!.due_at).getTime()).toBe(NOW.getTime() + 12 * HOUR);
    for (const d of deadlines) expect(new Date(d.due_at).getTime()).toBeGreaterThan(NOW.getTime());
    const view = (await get(`/api/contacts/${nearA}`, a)).json();
    expect(view).toMatchObject({
      class: 'close',
      status: 'under_control',
      personName: NEAR_A.name,
      // Not registered before: filed where the check-in was made, its residence to be verified.
      jurisdictionCode: '211122001001',
      addressUnverified: true,
      mine: true,
      nextDeadline: {
        kind: 'transfer',
        state: 'open',
        dueAt: new Date(NOW.getTime() + 12 * HOUR).toISOString(),
      },
      plan: { packId: 'panshan-2021', day0: '2026-11-22' },
    });
    expect(view.plan.steps[0]).toMatchObject({ kind: 'transfer', withinHours: 12, singleRoom: true });
    expect(view.plan.steps.every((s: { documentTitle: string | null }) => s.documentTitle)).toBe(true);
  });

  it('is idempotent: the same person for the same case comes back as existing, never doubled', async () => {
    const again = await post(
      '/api/contacts/batch',
      a,
      batch('close', [
        { idHash: hex(NEAR_A.idNumber), exposure: atVenue(5) },
        { idHash: hex(NEAR_B.idNumber), exposure: atVenue(20) },
        { idHash: 'ab'.repeat(32), exposure: atVenue(1) },
      ]),
    );
    expect(again.statusCode).toBe(200);
    const body = again.json();
    expect(body.existing).toEqual([{ contactId: nearA, name: NEAR_A.name }]);
    expect(body.created).toHaveLength(1);
    expect(body.rejected).toEqual([
      { index: 2, code: 'person_unknown', message: expect.objectContaining({ zh: expect.any(String) }) },
    ]);
    const [count] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deadlines WHERE subject_id = $1 AND kind = 'transfer'`,
      [nearA],
    );
    expect(count?.n).toBe(1);
  });

  it('reclassified to general: the transfer is cancelled, 14 days of home isolation go to the community', async () => {
    const response = await post(`/api/contacts/${nearA}/reclassify`, a, {
      class: 'general',
      reason: '核实为一般接触',
    });
    expect(response.statusCode).toBe(200);
    const deadlines = await openDeadlines(nearA);
    expect(deadlines.map((d) => [d.kind, d.owner_role, d.jurisdiction_code])).toEqual([
      ['home_isolation', 'community_worker', '211122001001'],
    ]);
    // Day 0 is the exposure's local date (2026-11-22): 14 days end with 2026-12-06 in Beijing.
    expect(new Date(deadlines[0]!.due_at).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(response.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'identified',
      'reclassified',
    ]);
  });

  it('discarded with a reason: no deadline is left open, and the person may be listed again', async () => {
    const response = await post(`/api/contacts/${nearA}/discard`, a, { reason: '核实未在场' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'discarded',
      closeReason: '核实未在场',
      nextDeadline: null,
    });
    expect(await openDeadlines(nearA)).toEqual([]);
    expect((await post(`/api/contacts/${nearA}/release`, a, { reason: 'x' })).statusCode).toBe(409);
  });
});

describe('EPI-4 regional collaboration: a contact living in another county is handed to it', () => {
  let handed: string;

  it('files the contact in the receiving county with its own hand-over deadline and the 12-hour transfer', async () => {
    const response = await post('/api/contacts', a, {
      caseId: CONTACT_CASE_A,
      class: 'close',
      reason: '同车出行',
      name: PERSON_B.name,
      idNumber: PERSON_B.idNumber,
      phone: PERSON_B.phone,
      jurisdictionCode: PERSON_B.jurisdictionCode,
      exposure: { kind: 'transport', place: '盘锦至赤峰长途客车', at: '2026-11-23T01:00:00Z' },
    });
    expect(response.statusCode).toBe(201);
    const view = response.json();
    handed = view.id;
    // The sender sees the status, not the person (their record is county B's).
    expect(view).toMatchObject({
      jurisdictionCode: PERSON_B.jurisdictionCode,
      handoverState: 'pending',
      status: 'identified',
      mine: false,
      personName: null,
      personIdMasked: null,
    });
    const deadlines = await openDeadlines(handed);
    // Planned by EPI-4's own words until county B accepts (its pack lies outside the sender's scope).
    const county = (kind: string, role = 'isolation_manager') => [kind, role, COUNTY_B];
    expect(deadlines.map((d) => [d.kind, d.owner_role, d.jurisdiction_code])).toEqual([
      county('handover', 'working_group'),
      county('transfer', 'working_group'),
      county('centralised_isolation'),
    ]);
    expect(deadlines.find((d) => d.kind === 'handover')?.due_at).toEqual(new Date(NOW.getTime() + 2 * HOUR));
    expect(deadlines.find((d) => d.kind === 'transfer')?.due_at).toEqual(new Date(NOW.getTime() + 12 * HOUR));
    // The sender may not act on a contact it handed over.
    expect((await post(`/api/contacts/${handed}/discard`, a, { reason: '误报' })).statusCode).toBe(404);
  });

  it('the receiving county sees the person and accepts; the sender follows the status', async () => {
    const list = (await get(`/api/contacts?jurisdiction=${COUNTY_B}`, b)).json();
    expect(list.items).toContainEqual(
      expect.objectContaining({
        id: handed,
        personName: PERSON_B.name,
        mine: true,
        handoverState: 'pending',
      }),
    );
    const accepted = await post(`/api/contacts/${handed}/accept`, b);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ handoverState: 'accepted', status: 'under_control' });
    expect((await post(`/api/contacts/${handed}/accept`, b)).statusCode).toBe(409);
    // Re-planned by county B's pack (Chifeng): its tests join, the transfer still due 12 h after identification.
    const after = await openDeadlines(handed);
    expect(after.map((d) => d.kind)).toEqual([
      'transfer',
      'test:01',
      'test:04',
      'test:07',
      'centralised_isolation',
      'test:14',
    ]);
    expect(after[0]?.due_at).toEqual(new Date(NOW.getTime() + 12 * HOUR));
    expect(accepted.json().plan).toMatchObject({ packId: 'chifeng-2022' });
    const sender = (await get(`/api/contacts/${handed}`, a)).json();
    expect(sender).toMatchObject({ handoverState: 'accepted', status: 'under_control', personName: null });
  });
});

describe('EPI-4 scope and contacts of contacts', () => {
  it("answers 404 for another county's contact", async () => {
    expect((await get(`/api/contacts/${CONTACT_A}`, b)).statusCode).toBe(404);
    expect((await post(`/api/contacts/${CONTACT_A}/release`, b, { reason: '期满' })).statusCode).toBe(404);
    // County B sees only the contact handed to it, none of county A's own.
    const list = (await get(`/api/contacts?caseId=${CONTACT_CASE_A}`, b)).json();
    for (const item of list.items)
      expect(item).toMatchObject({ mine: true, jurisdictionCode: expect.stringMatching(/^150402/) });
  });

  it('derives secondary close contact candidates from the household of a close contact, confirmed in one action', async () => {
    const household = await env.db.query<{ id: string }>(
      `INSERT INTO persons (jurisdiction_code, name, id_type, id_cipher, id_hash, id_masked, household_code)
       VALUES ('211122001001', '邓小军', 'resident_id', '\\x00', '\\x0101', '2111**********0013', 'HH-A-0001') RETURNING id`,
    );
    const response = await get(`/api/contacts/${CONTACT_A}/secondary-candidates`, a);
    expect(response.statusCode).toBe(200);
    const candidate = response
      .json()
      .items.find((i: { personId: string }) => i.personId === household[0]!.id);
    expect(candidate).toMatchObject({ via: 'household', name: '邓小军', alreadyContact: false });
    const made = await post('/api/contacts/batch', a, {
      ...batch('secondary_close', [
        { personId: candidate.personId, exposure: { kind: 'household', at: '2026-11-23T12:00:00Z' } },
      ]),
      sourceContactId: CONTACT_A,
    });
    expect(made.json().created).toHaveLength(1);
    const view = (await get(`/api/contacts/${made.json().created[0].contactId}`, a)).json();
    expect(view).toMatchObject({
      class: 'secondary_close',
      sourceContactId: CONTACT_A,
      nextDeadline: { kind: 'transfer' },
    });
  });
});
