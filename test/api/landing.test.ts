import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/modules/landing/index.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, COUNTY_B, VILLAGE_A } from '../support/world.js';
import {
  counts,
  type LandingWorld,
  lookDeadline,
  nextIp,
  openLandingWorld,
  report,
  signInAll,
  staff,
  submit,
} from './landingFixtures.js';

/**
 * ARR-11 landing code (落地码), the public side: a self-report is a claim that stores the report alone
 * and brings the county's 30-minute look up to date; malformed and hostile reports get specific
 * field errors and write nothing; the rate limit holds; public look-ups stay inside the landing code.
 */
let ctx: LandingWorld;
let admin: string;
let community: string;
let adminB: string;

beforeAll(async () => {
  ctx = await openLandingWorld();
  ({ admin, community, adminB } = await signInAll());
});
afterAll(() => ctx.close());

describe('ARR-11 public self-report', () => {
  let first: { id: string; receipt: string };

  it('stores the report alone (no person, arrival or plan), puts it on the county’s 30-minute look, echoing only masked data', async () => {
    const before = await counts();
    const response = await submit(report());
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    first = body;
    expect(body.receipt).toMatch(/^LD261124-[2-9A-Z]{6}$/);
    expect(body.person).toEqual({
      nameMasked: '落**',
      idNumberMasked: `211122********${report().idNumber.slice(-4)}`,
      phoneMasked: '136****5678',
    });
    for (const secret of [report().idNumber, report().phone, '落地乙'])
      expect(response.body).not.toContain(secret);
    expect(body.obligations.lines.length).toBeGreaterThan(0);
    expect(body.landing).toEqual({ code: COUNTY_A, name: expect.stringContaining('盘山县') });

    const after = await counts();
    // A claim (B5/B6): the report and one audit row; the county's look deadline is its queue's.
    expect(after).toEqual({
      ...before,
      landing_reports: before.landing_reports! + 1,
      audit_log: before.audit_log! + 1,
      deadlines: before.deadlines! + 1,
    });
    const [row] = await ctx.db.query<{
      jurisdiction_code: string;
      look_due_at: Date;
      person_id: string | null;
      arrival_id: string | null;
    }>('SELECT jurisdiction_code, look_due_at, person_id, arrival_id FROM landing_reports WHERE id = $1', [
      body.id,
    ]);
    expect(row).toMatchObject({ jurisdiction_code: VILLAGE_A, person_id: null, arrival_id: null });
    expect(new Date(row!.look_due_at).toISOString()).toBe('2026-11-24T02:30:00.000Z');
    const look = await lookDeadline(COUNTY_A);
    expect(look).toMatchObject({ ownerRole: 'working_group', done: false, ruleId: 'ARR-11' });
    expect(new Date(look!.dueAt).toISOString()).toBe('2026-11-24T02:30:00.000Z');
    const [audit] = await ctx.db.query<{ actor_id: string | null; detail: { channel: string } }>(
      "SELECT actor_id, detail FROM audit_log WHERE entity = 'landing_report' AND entity_id = $1",
      [body.id],
    );
    expect(audit).toMatchObject({ actor_id: null, detail: { channel: 'landing_code' } });
  });

  it('returns the same receipt for the same report again, writing nothing', async () => {
    const before = await counts();
    const again = await submit(report({ name: '落地乙', address: '另一个地址' }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, receipt: first.receipt, created: false });
    expect(await counts()).toEqual(before);
  });

  it('tells a truck driver with a starred itinerary that the consignee must pre-report (ARR-12)', async () => {
    const response = await submit(
      report({ idNumber: withCheckDigit('21112219700101004'), itineraryStar: true, truckDriver: true }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const lines = response.json().obligations.lines as Array<{ kind: string; text: { zh: string } }>;
    expect(lines.find((line) => line.kind === 'truck')?.text.zh).toContain('24小时前');
  });

  it('plans an overseas arrival after port isolation with dated phases and tests', async () => {
    const response = await submit(
      report({
        idNumber: withCheckDigit('21112219710202005'),
        origin: 'overseas',
        originDivisionCode: null,
        originCountry: '日本',
        enteredAt: '2026-11-09T02:00:00.000Z',
        portIsolationDays: 14,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const { obligations } = response.json();
    expect(obligations.matched).toBe(true);
    const kinds = (obligations.lines as Array<{ kind: string }>).map((line) => line.kind);
    expect(kinds).toContain('phase');
    expect(kinds).toContain('test');
  });
});

describe('ARR-11 malformed and hostile self-reports: specific errors, nothing written', () => {
  const cases: Array<[string, unknown, number, string | null, string | null]> = [
    // [case, body, status, field, code]
    ['wrong check digit', report({ idNumber: '211122198808080030' }), 400, 'idNumber', null],
    ['17 characters', report({ idNumber: '21112219880808003' }), 400, 'idNumber', 'id_length'],
    ['markup in the name', report({ name: '<script>alert(1)</script>' }), 400, 'name', 'unsafe_text'],
    ['control character in the address', report({ address: 'a\u0000b' }), 400, 'address', 'unsafe_text'],
    ['an unknown field', { ...report(), isAdmin: true }, 400, 'isAdmin', 'unknown_field'],
    ['a number for the name', report({ name: 12345 }), 400, 'name', 'type'],
    [
      'a destination in another county',
      report({ destinationCode: '150402001001' }),
      400,
      'destinationCode',
      'outside_landing_area',
    ],
    ['a town, not a community', report({ destinationCode: '211122001' }), 400, 'destinationCode', 'format'],
    [
      'an unknown origin district',
      report({ originDivisionCode: '119999' }),
      400,
      'originDivisionCode',
      'jurisdiction_unknown',
    ],
    [
      'no origin district',
      report({ originDivisionCode: null }),
      400,
      'originDivisionCode',
      'origin_code_required',
    ],
    ['arrival tomorrow', report({ arrivedAt: '2026-11-25T02:00:00.000Z' }), 400, 'arrivedAt', 'in_future'],
    [
      'left after arriving',
      report({ leftOriginAt: '2026-11-24T01:45:00.000Z' }),
      400,
      'leftOriginAt',
      'after_arrival',
    ],
    ['not a time', report({ arrivedAt: 'yesterday' }), 400, 'arrivedAt', 'format'],
    ['a bad phone', report({ phone: '12345' }), 400, 'phone', 'phone_format'],
    [
      'overseas without country and entry',
      report({ origin: 'overseas', originDivisionCode: null }),
      400,
      'originCountry',
      'required',
    ],
    [
      'SQL in the address is only text, but the name is required',
      report({ name: '', address: "x'); DROP TABLE persons; --" }),
      400,
      'name',
      null,
    ],
    ['a body over 8 KiB', report({ address: 'x'.repeat(9000) }), 413, null, null],
  ];

  it.each(cases)('%s', async (_case, body, status, field, code) => {
    const before = await counts();
    const response = await submit(body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    if (field) {
      const errors = response.json().errors as Array<{
        field: string;
        code: string;
        message: string;
        message_zh: string;
      }>;
      const hit = errors.find((e) => e.field === field);
      expect(hit, JSON.stringify(errors)).toBeDefined();
      if (code) expect(hit!.code).toBe(code);
      expect(hit!.message_zh.length).toBeGreaterThan(field.length);
      expect(hit!.message.length).toBeGreaterThan(field.length);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses broken JSON and an unknown or non-county landing code', async () => {
    const before = await counts();
    const broken = await submit('{"name": "x",', { headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect((await submit(report(), { code: '999999' })).statusCode).toBe(404);
    expect((await submit(report(), { code: '211122001' })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('rolls back the whole report when its last write fails: no person, no arrival, no plan', async () => {
    await ctx.db.exec(`
      CREATE FUNCTION landing_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER landing_test_fail BEFORE INSERT ON landing_reports
        FOR EACH ROW WHEN (NEW.address = '故障注入') EXECUTE FUNCTION landing_test_fail();`);
    try {
      const before = await counts();
      const response = await submit(
        report({ idNumber: withCheckDigit('21112219720303006'), address: '故障注入' }),
      );
      expect(response.statusCode).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await ctx.db.exec(
        'DROP TRIGGER landing_test_fail ON landing_reports; DROP FUNCTION landing_test_fail();',
      );
    }
  });

  it('asks for a solved challenge from the sixth attempt of an address in a minute (428)', async () => {
    const address = '10.98.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await submit(report({ name: '' }), { ip: address, solve: false })).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 428]);
    const asked = await submit(report({ name: '' }), { ip: address, solve: false });
    expect(asked.json()).toMatchObject({ code: 'challenge_required', detail_zh: expect.any(String) });
    const forged = await submit(report({ name: '' }), {
      ip: address,
      solve: false,
      headers: { 'x-challenge': Buffer.from('{"number":1,"signature":"x"}').toString('base64') },
    });
    expect(forged.statusCode).toBe(428);
    expect(forged.json().errors[0]).toMatchObject({ field: 'challenge', code: 'challenge_invalid' });
    // Solved (as the page does unseen), the attempt goes through to its checks.
    expect((await submit(report({ name: '' }), { ip: address })).statusCode).toBe(400);
  });

  it('limits one address to 10 reports a minute (429)', async () => {
    const address = '10.99.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await submit(report({ name: '' }), { ip: address })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    const limited = await submit(report(), { ip: address });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', detail_zh: expect.any(String) });
    expect(statuses[10]).toBe(429);
  });
});

describe('ARR-11 public look-ups stay inside the landing code', () => {
  it('names the landing code and finds only its own communities', async () => {
    const area = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/landing/${COUNTY_A}`,
      remoteAddress: nextIp(),
    });
    expect(area.json()).toMatchObject({
      code: COUNTY_A,
      level: 'county',
      fullName: expect.stringContaining('盘山县'),
    });
    const places = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/landing/${COUNTY_A}/places?q=`,
      remoteAddress: nextIp(),
    });
    const codes = (places.json() as Array<{ code: string }>).map((p) => p.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code.startsWith(COUNTY_A) && code.length === 12)).toBe(true);
    const foreign = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/landing/${COUNTY_A}/places?q=${COUNTY_B}`,
      remoteAddress: nextIp(),
    });
    expect(foreign.json()).toEqual([]);
    const origins = await ctx.app.inject({
      method: 'GET',
      url: '/api/public/divisions?parent=1101',
      remoteAddress: nextIp(),
    });
    // B7: a district is not the end of the choice; its towns and streets follow.
    expect(origins.json()).toEqual(expect.arrayContaining([{ code: '110105', name: '朝阳区', leaf: false }]));
  });

  it('shows staff the QR code of their county, encoding the landing URL', async () => {
    const response = await staff(admin, 'GET', `/api/landing/codes/${COUNTY_A}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.url).toBe(`http://localhost:80/landing/${COUNTY_A}`);
    expect(body.svg).toBe(await qrSvg(body.url));
    expect((await staff(community, 'GET', `/api/landing/codes/${COUNTY_A}`)).statusCode).toBe(404);
    expect((await staff(adminB, 'GET', `/api/landing/codes/${COUNTY_A}`)).statusCode).toBe(404);
  });
});
