import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_A, COUNTY_B, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let adminB: string;
let community: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  adminB = await signInAs(env.app, 'b_admin');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  env.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('TST-9 lab registry and capacity against dated targets', () => {
  it('computes daily capacity as instruments × tubes per hour × 18 h ("每日工作 18 小时")', async () => {
    const labs = (await call('GET', `/api/labs?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(labs).toHaveLength(1);
    expect(labs[0]).toMatchObject({ instruments: 4, tubesPerInstrumentHour: 90, tubesPerDay: 4 * 90 * 18 });
    expect((await call('GET', '/api/labs', adminB)).json().map((l: { id: string }) => l.id)).not.toContain(
      env.world.testingA.labId,
    );
    expect((await call('GET', `/api/labs/${env.world.testingA.labId}`, adminB)).statusCode).toBe(404);
  });

  it('registers and updates a lab with optimistic concurrency, refusing a duplicate name', async () => {
    const body = {
      jurisdictionCode: COUNTY_A,
      name: '盘山县第三方检测实验室',
      kind: 'third_party',
      instruments: 6,
      tubesPerInstrumentHour: 100,
      reagentPhysicalTests: 30000,
      reagentContractedTests: 20000,
      active: true,
    };
    const created = await call('POST', '/api/labs', admin, body);
    expect(created.statusCode).toBe(201);
    expect((await call('POST', '/api/labs', admin, body)).json().errors[0].code).toBe('lab_name_taken');
    expect((await call('POST', '/api/labs', community, body)).statusCode).toBe(403);
    expect((await call('POST', '/api/labs', admin, { ...body, jurisdictionCode: COUNTY_B })).statusCode).toBe(
      403,
    );
    const { id, jurisdictionCode: _j, ...rest } = { ...body, id: created.json().id };
    const updated = await call('PUT', `/api/labs/${id}`, admin, { ...rest, instruments: 8, version: 1 });
    expect(updated.json()).toMatchObject({ instruments: 8, version: 2, tubesPerDay: 8 * 100 * 18 });
    expect((await call('PUT', `/api/labs/${id}`, admin, { ...rest, version: 1 })).statusCode).toBe(409);
  });

  it('shows each target as met, not met or overdue (Shenyang "5 月底前 … 2.5 万人份; 6 月底前 … 3 万人份")', async () => {
    const add = (dueDate: string, personsPerDay: number) =>
      call('POST', '/api/labs/capacity-targets', admin, {
        jurisdictionCode: COUNTY_A,
        dueDate,
        personsPerDay,
        sourceText: '[001 §4] 按县人口折算（测试）',
      });
    expect((await add('2026-11-01', 200_000)).statusCode).toBe(201);
    expect((await add('2026-12-31', 300_000)).statusCode).toBe(201);
    expect((await add('2026-12-01', 100_000)).statusCode).toBe(201);
    expect((await add('2026-12-01', 1)).json().errors[0].code).toBe('target_date_taken');
    // Active labs: 4×90×18 + 8×100×18 = 6,480 + 14,400 = 20,880 tubes a day; 10-in-1 → 208,800 people.
    const view = (await call('GET', `/api/labs/capacity?jurisdiction=${COUNTY_A}&poolSize=10`, admin)).json();
    expect(view).toMatchObject({ labs: 2, tubesPerDay: 20_880, personsPerDay: 208_800 });
    expect(view.targets.map((t: { dueDate: string; state: string }) => `${t.dueDate} ${t.state}`)).toEqual([
      '2026-11-01 met',
      '2026-12-01 met',
      '2026-12-31 not_met',
    ]);
    const single = (await call('GET', `/api/labs/capacity?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(single.targets.map((t: { state: string }) => t.state)).toEqual(['overdue', 'not_met', 'not_met']);
    expect((await call('GET', `/api/labs/capacity?jurisdiction=${COUNTY_B}`, admin)).statusCode).toBe(403);
    const removed = await call('DELETE', `/api/labs/capacity-targets/${COUNTY_A}/2026-12-31`, admin);
    expect(removed.statusCode).toBe(204);
    const after = (await call('GET', `/api/labs/capacity?jurisdiction=${COUNTY_A}`, admin)).json();
    expect(after.targets).toHaveLength(2);
    expect(
      (await call('DELETE', `/api/labs/capacity-targets/${COUNTY_B}/2026-12-31`, admin)).statusCode,
    ).toBe(403);
  });
});

describe('TST-10 quality-control records per lab', () => {
  it('records QC including two reagents in parallel (ARR-1) and lists them newest first', async () => {
    const url = `/api/labs/${env.world.testingA.labId}/qc`;
    const dual = await call('POST', url, admin, {
      qcDate: '2026-11-23',
      kind: 'dual_reagent',
      outcome: 'pass',
    });
    expect(dual.statusCode).toBe(201);
    await call('POST', url, admin, {
      qcDate: '2026-11-24',
      kind: 'external_eqa',
      outcome: 'fail',
      notes: '复测',
    });
    const list = (await call('GET', url, admin)).json();
    expect(list.map((r: { kind: string; outcome: string }) => `${r.kind}:${r.outcome}`)).toEqual([
      'external_eqa:fail',
      'dual_reagent:pass',
    ]);
    expect(
      (await call('POST', url, adminB, { qcDate: '2026-11-24', kind: 'biosafety', outcome: 'pass' }))
        .statusCode,
    ).toBe(404);
    expect((await call('GET', url, adminB)).statusCode).toBe(404);
  });
});

describe('labs demo data', () => {
  it('loads two demo labs, the scaled Shenyang targets and QC records, idempotently', async () => {
    const { loadLabsDemo } = await import('../../src/modules/labs/index.js');
    await loadLabsDemo(env.ctx, env.world.users.a_admin!);
    await loadLabsDemo(env.ctx, env.world.users.a_admin!);
    const [counts] = await env.db.query<{ labs: number; qc: number; targets: number }>(
      `SELECT (SELECT count(*) FROM labs WHERE name LIKE '（演示）%')::int AS labs,
         (SELECT count(*) FROM lab_qc_records WHERE notes LIKE '（演示）%')::int AS qc,
         (SELECT count(*) FROM lab_capacity_targets WHERE source_text LIKE '（演示）%')::int AS targets`,
    );
    expect(counts).toEqual({ labs: 2, qc: 8, targets: 2 });
  });
});
