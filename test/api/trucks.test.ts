import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRUCK_REPORT_LIMITS } from '../../src/modules/trucks/index.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { publicSubmit } from '../support/publicChallenge.js';
import { signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/** ARR-12, 004 §5 (Chifeng): "要在车辆到达我市24小时前向收发货单位主动报备车牌号、计划抵达时间以及司乘人员
 * 姓名、身份证号、手机号码等信息,由收发货单位向属地社区(村嘎查)报告". 红山区 is governed by the Chifeng pack. */
const CHIFENG_VILLAGE = '150402001001';
const NOW = new Date('2026-11-24T02:00:00Z'); // the test clock: 10:00 in Chifeng
const DRIVER_ID = withCheckDigit('13020319800101001');
const CODRIVER_ID = withCheckDigit('13020319850202002');

let env: Awaited<ReturnType<typeof openWorldApp>>;
let chifeng: string;
let panshan: string;
let community: string;

beforeAll(async () => {
  env = await openWorldApp();
  chifeng = await signInAs(env.app, 'b_admin');
  panshan = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();
const report = (change: Record<string, unknown> = {}) => ({
  unitName: '红山区鑫达物流有限公司',
  unitCreditCode: '91110000600037341L',
  plate: '冀B12345',
  plannedArrivalAt: hoursFromNow(30),
  jurisdictionCode: CHIFENG_VILLAGE,
  originDivisionCode: '130203',
  starred: true,
  crew: [
    { name: '王师傅', idNumber: DRIVER_ID, phone: '13700137000' },
    { name: '李师傅', idNumber: CODRIVER_ID, phone: '13600136000' },
  ],
  ...change,
});
let address = 0;
const publicPost = (payload: unknown, remoteAddress = `10.0.0.${++address}`) =>
  publicSubmit(env.app, {
    method: 'POST',
    url: '/api/trucks/public/reports',
    payload: payload as object,
    remoteAddress,
  });
const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const count = async (table: string) =>
  (await env.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
const deadlinesOf = (subjectId: string) =>
  env.db.query<{
    kind: string;
    rule_id: string;
    owner_role: string;
    jurisdiction_code: string;
    due_at: Date;
    done_at: Date | null;
    cancelled_at: Date | null;
  }>(
    'SELECT kind, rule_id, owner_role, jurisdiction_code, due_at, done_at, cancelled_at FROM deadlines WHERE subject_id = $1 ORDER BY kind',
    [subjectId],
  );

describe('ARR-12 the consignee’s public form', () => {
  let reportId: string;

  it('ARR-12 files a report 30 h ahead without an account: in time, on the community’s list as a claim; verified, it owes an escort', async () => {
    const response = await publicPost(report());
    expect(response.statusCode).toBe(201);
    const receipt = response.json();
    expect(receipt).toMatchObject({ plate: '冀B12345', late: false });
    expect(receipt.message_zh).toContain('引导');
    for (const secret of [DRIVER_ID, '13700137000']) expect(response.body).not.toContain(secret);
    reportId = receipt.id;

    const detail = (await get(`/api/trucks/reports/${reportId}`, chifeng)).json();
    expect(detail).toMatchObject({
      source: 'public',
      status: 'unverified',
      verifiedAt: null,
      late: false,
      leadMinutes: 1800,
      crewCount: 2,
    });
    expect(detail.originName).toBe('河北省唐山市路北区');
    expect(detail.crew.map((c: { idNumberMasked: string }) => c.idNumberMasked)).toEqual([
      `130203********${DRIVER_ID.slice(-4)}`,
      `130203********${CODRIVER_ID.slice(-4)}`,
    ]);
    expect(detail.crew[0].phoneMasked).toBe('137****7000');
    // A claim (DESIGN "Safe by default"): nothing is owed until staff confirm it with the consignee.
    expect(await deadlinesOf(reportId)).toEqual([]);
    const verified = await post(`/api/trucks/reports/${reportId}/verify`, chifeng, {});
    expect(verified.json()).toMatchObject({ status: 'reported', verifiedAt: expect.any(String) });

    const [escort] = await deadlinesOf(reportId);
    expect(escort).toMatchObject({
      kind: 'truck.escort',
      rule_id: 'ARR-12',
      owner_role: 'community_worker',
      jurisdiction_code: CHIFENG_VILLAGE,
      done_at: null,
    });
    expect(new Date(escort!.due_at).toISOString()).toBe(new Date(detail.plannedArrivalAt).toISOString());
  });

  it('ARR-12 keeps crew ID numbers and phones only encrypted', async () => {
    const rows = await env.db.query<{ t: string }>('SELECT t::text AS t FROM truck_report_crew t');
    const text = rows.map((r) => r.t).join('\n');
    expect(text).toContain('王师傅');
    for (const secret of [DRIVER_ID, CODRIVER_ID, '13700137000']) expect(text).not.toContain(secret);
  });

  it('ARR-12 "24小时前": a report 5 h ahead is accepted but flagged late (assumption: refusing is the checkpoint’s call)', async () => {
    const response = await publicPost(report({ plate: '冀B54321', plannedArrivalAt: hoursFromNow(5) }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ late: true });
    expect(response.json().message_zh).toContain('不足24小时');
    const list = (await get('/api/trucks/reports?late=true', chifeng)).json();
    expect(list.items.map((r: { plate: string }) => r.plate)).toEqual(['冀B54321']);
  });

  it('ARR-12 names each bad field (credit code, plate, crew ID, phone) and writes nothing', async () => {
    const before = await Promise.all(
      ['truck_reports', 'truck_report_crew', 'deadlines', 'audit_log'].map(count),
    );
    const response = await publicPost(
      report({
        unitCreditCode: '91110000600037342L',
        plate: '冀O12345',
        crew: [
          { name: '王师傅', idNumber: '130203198001010018', phone: '13700137000' },
          { name: '李师傅', idNumber: CODRIVER_ID, phone: '12345' },
        ],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const errors = response.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(errors.sort()).toEqual(
      [
        'crew.0.idNumber:id_checksum',
        'crew.1.phone:phone_format',
        'plate:plate_format',
        'unitCreditCode:uscc_checksum',
      ].sort(),
    );
    expect(
      await Promise.all(['truck_reports', 'truck_report_crew', 'deadlines', 'audit_log'].map(count)),
    ).toEqual(before);
  });

  it.each([
    ['a short credit code', { unitCreditCode: '9111000060003734' }, 'unitCreditCode:id_length'],
    ['a credit code with I', { unitCreditCode: '9111000060003734IL' }, 'unitCreditCode:uscc_format'],
    [
      'the same ID twice',
      {
        crew: [
          { name: 'a', idNumber: DRIVER_ID, phone: '13700137000' },
          { name: 'b', idNumber: DRIVER_ID, phone: '13600136000' },
        ],
      },
      'crew.1.idNumber:id_repeated',
    ],
    [
      'six crew members',
      { crew: Array.from({ length: 6 }, () => ({ name: 'a', idNumber: DRIVER_ID, phone: '13700137000' })) },
      'crew:too_many',
    ],
    ['no crew', { crew: [] }, 'crew:required'],
    ['a county as destination', { jurisdictionCode: '150402' }, 'jurisdictionCode:not_community'],
    ['an unknown destination', { jurisdictionCode: '150402999999' }, 'jurisdictionCode:jurisdiction_unknown'],
    ['an unknown origin', { originDivisionCode: '999999' }, 'originDivisionCode:origin_unknown'],
    ['an arrival two days ago', { plannedArrivalAt: hoursFromNow(-48) }, 'plannedArrivalAt:range'],
  ])('ARR-12 refuses %s', async (_case, change, expected) => {
    const response = await publicPost(report(change));
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(errors).toContain(expected);
  });

  it('ARR-12 the public form is rate-limited per client address and refuses oversized bodies', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < TRUCK_REPORT_LIMITS.PER_ADDRESS.max; i++) {
      expect((await publicPost({ plate: 'x' }, ip)).statusCode).toBe(400);
    }
    const limited = await publicPost(report(), ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    const huge = await publicPost(report({ unitName: 'x'.repeat(20_000) }));
    expect(huge.statusCode).toBe(413);
  });

  it('ARR-12 lists origins and destination communities for the form without an account', async () => {
    const origins = await env.app.inject({ method: 'GET', url: '/api/trucks/public/origins?parent=1302' });
    expect(origins.json()).toEqual(expect.arrayContaining([{ code: '130203', name: '路北区', leaf: true }]));
    const towns = await env.app.inject({
      method: 'GET',
      url: '/api/trucks/public/destinations?parent=150402001',
    });
    expect(towns.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: CHIFENG_VILLAGE, leaf: true })]),
    );
  });

  it('CMD-1 another county sees nothing of the report and cannot act on it', async () => {
    expect((await get(`/api/trucks/reports/${reportId}`, panshan)).statusCode).toBe(404);
    expect(
      (await post(`/api/trucks/reports/${reportId}/escort`, panshan, { escortName: 'x' })).statusCode,
    ).toBe(404);
    const list = (await get('/api/trucks/reports', panshan)).json();
    // Only county A's own (the world's claims): nothing of Chifeng's.
    expect(
      list.items.filter((r: { jurisdictionCode: string }) => !r.jurisdictionCode.startsWith('211122')),
    ).toEqual([]);
    expect((await get('/api/trucks/reports?jurisdiction=150402', panshan)).statusCode).toBe(403);
    const filed = await post('/api/trucks/reports', panshan, report());
    expect(filed.statusCode).toBe(403);
  });
});

describe('ARR-12 escort, unloading and stay-over', () => {
  const file = async (change: Record<string, unknown> = {}) => {
    const response = await post('/api/trucks/reports', chifeng, report(change));
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };

  it('ARR-12 "派人持相关证明引导货车至目的地,装卸货后立即返回": escort, arrival, departure close the report', async () => {
    const id = await file({ plate: '冀B11111' });
    expect(
      (await post(`/api/trucks/reports/${id}/arrival`, chifeng, { at: NOW.toISOString() })).statusCode,
    ).toBe(409);
    const escorted = await post(`/api/trucks/reports/${id}/escort`, chifeng, { escortName: '张社工' });
    expect(escorted.json()).toMatchObject({ status: 'escorted', escortName: '张社工' });
    const arrived = await post(`/api/trucks/reports/${id}/arrival`, chifeng, { at: hoursFromNow(-1) });
    expect(arrived.json()).toMatchObject({ status: 'at_checkpoint' });
    expect((await deadlinesOf(id))[0]!.done_at).not.toBeNull();
    const early = await post(`/api/trucks/reports/${id}/departure`, chifeng, { at: hoursFromNow(-2) });
    expect(early.json().errors[0]).toMatchObject({ field: 'at', code: 'before_previous_step' });
    const left = await post(`/api/trucks/reports/${id}/departure`, chifeng, { at: NOW.toISOString() });
    expect(left.json()).toMatchObject({ status: 'left', leftAt: NOW.toISOString().replace('.000', '') });
    expect(
      (await post(`/api/trucks/reports/${id}/stay`, chifeng, { reason: 'x', lastDate: '2026-11-25' }))
        .statusCode,
    ).toBe(409);
    const audit = await env.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'truck_report' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'truck.escort', 'truck.arrive', 'truck.depart']);
  });

  it('ARR-12 "因特殊情况短时间内不能离开的…每日进行1次核酸检测": the crew become truck-crew arrivals and every day of the stay has one NAT on the list', async () => {
    const id = await file({ plate: '冀B22222' });
    await post(`/api/trucks/reports/${id}/escort`, chifeng, { escortName: '张社工' });
    await post(`/api/trucks/reports/${id}/arrival`, chifeng, { at: hoursFromNow(-1) });
    // The crew become arrivals only as the persons staff say they are (B5): each must be matched.
    const unmatched = await post(`/api/trucks/reports/${id}/stay`, chifeng, {
      reason: '车辆故障',
      lastDate: '2026-11-26',
    });
    expect(unmatched.statusCode).toBe(400);
    expect(
      unmatched.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
    ).toEqual(['crew.0.personId:crew_match_required', 'crew.1.personId:crew_match_required']);
    const candidates = (await get(`/api/trucks/reports/${id}/candidates`, chifeng)).json();
    expect(candidates).toEqual([
      { position: 1, candidates: [] },
      { position: 2, candidates: [] },
    ]);
    const staying = await post(`/api/trucks/reports/${id}/stay`, chifeng, {
      reason: '车辆故障',
      lastDate: '2026-11-26',
      crew: [
        { position: 1, personId: null },
        { position: 2, personId: null },
      ],
    });
    expect(staying.statusCode).toBe(200);
    const view = staying.json();
    expect(view).toMatchObject({
      status: 'staying',
      stayFirstDate: '2026-11-24',
      stayLastDate: '2026-11-26',
    });
    const arrivalIds = view.crew.map((c: { arrivalId: string | null }) => c.arrivalId);
    expect(arrivalIds.every(Boolean)).toBe(true);

    const arrivals = await env.db.query<{
      channel: string;
      truck_crew: boolean;
      jurisdiction_code: string;
      protocol_id: string;
    }>(
      `SELECT a.channel, a.truck_crew, a.jurisdiction_code, p.protocol_id FROM arrivals a
       JOIN arrival_plans p ON p.arrival_id = a.id AND p.status = 'active' WHERE a.id = ANY($1::uuid[])`,
      [arrivalIds],
    );
    const expected = {
      channel: 'truck',
      truck_crew: true,
      jurisdiction_code: CHIFENG_VILLAGE,
      protocol_id: 'truck-crew-stay-over',
    };
    expect(arrivals).toEqual([expected, expected]);
    // The Chifeng pack plans a NAT on days 0–3 (11-24 … 11-27) for each crew member: the stay adds none.
    const stayNats = async () => (await deadlinesOf(id)).filter((d) => d.kind.startsWith('truck.stay_nat:'));
    expect(await stayNats()).toEqual([]);

    const shorter = await post(`/api/trucks/reports/${id}/stay`, chifeng, {
      reason: '车辆故障',
      lastDate: '2026-11-25',
    });
    expect(shorter.json().errors[0]).toMatchObject({ field: 'lastDate', code: 'before_stay_end' });
    const extended = await post(`/api/trucks/reports/${id}/stay`, chifeng, {
      reason: '等待配件',
      lastDate: '2026-11-29',
    });
    expect(extended.json()).toMatchObject({ stayLastDate: '2026-11-29', stayReason: '等待配件' });
    expect(
      (await stayNats()).map((d) => [d.kind, new Date(d.due_at).toISOString(), d.owner_role, d.rule_id]),
    ).toEqual([
      ['truck.stay_nat:2026-11-28', '2026-11-28T16:00:00.000Z', 'community_worker', 'ARR-12'],
      ['truck.stay_nat:2026-11-29', '2026-11-29T16:00:00.000Z', 'community_worker', 'ARR-12'],
    ]);
    expect(await count("arrivals WHERE channel = 'truck'")).toBe(2);

    const left = await post(`/api/trucks/reports/${id}/departure`, chifeng, { at: NOW.toISOString() });
    expect(left.json().status).toBe('left');
    // Cancelled, not done: the NATs of days after departure are no longer owed.
    expect((await stayNats()).map((d) => [d.done_at, d.cancelled_at !== null])).toEqual([
      [null, true],
      [null, true],
    ]);
  });

  it('ARR-12 the stay-over cannot be booked for more than 14 days at once', async () => {
    const id = await file({ plate: '冀B33333' });
    await post(`/api/trucks/reports/${id}/escort`, chifeng, { escortName: '张社工' });
    await post(`/api/trucks/reports/${id}/arrival`, chifeng, { at: hoursFromNow(-1) });
    const response = await post(`/api/trucks/reports/${id}/stay`, chifeng, {
      reason: 'x',
      lastDate: '2026-12-08',
    });
    expect(response.json().errors[0]).toMatchObject({ field: 'lastDate', code: 'range' });
    expect((await get(`/api/trucks/reports/${id}`, chifeng)).json().status).toBe('at_checkpoint');
  });

  it('ARR-12 a retried staff submission with the same id files one report', async () => {
    const id = '7a0c0000-0000-4000-8000-0000000000ff';
    const first = await post('/api/trucks/reports', chifeng, { ...report({ plate: '冀B44444' }), id });
    const again = await post('/api/trucks/reports', chifeng, { ...report({ plate: '冀B44444' }), id });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(await count(`truck_reports WHERE id = '${id}'`)).toBe(1);
    const taken = await post('/api/trucks/reports', panshan, {
      ...report({ jurisdictionCode: VILLAGE_A }),
      id,
    });
    expect(taken.statusCode).toBe(409);
  });

  it('PII: unmasking a crew member’s phone is audited; a community worker sees only their own community', async () => {
    const id = await file({ plate: '冀B55555' });
    const unmasked = await post(`/api/trucks/reports/${id}/crew/1/unmask`, chifeng, {
      reason: '联系司机安排引导',
    });
    expect(unmasked.json()).toEqual({ idNumber: DRIVER_ID, phone: '13700137000' });
    const [entry] = await env.db.query<{ detail: { reason: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'unmask' AND entity_id = $1",
      [id],
    );
    expect(entry?.detail.reason).toBe('联系司机安排引导');
    const own = (await get('/api/trucks/reports', community)).json();
    expect(own.items.every((r: { jurisdictionCode: string }) => r.jurisdictionCode === VILLAGE_A)).toBe(true);
  });
});
