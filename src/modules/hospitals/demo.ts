import type { HospitalInput } from '../../api/hospitals.js';
import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { evaluateTreatment } from './awaiting.js';
import { recordDischarge } from './discharge.js';
import { registerHospital } from './register.js';
import { recordAdmission, recordDeparture, requestTransfer } from './transfer.js';

const HOUR = 3_600_000;

/**
 * Demo treatment (CAS-3, CAS-4) in the demo county: the county hospital (short of ICU beds for its
 * size, so the readiness figure shows a shortfall), the infectious-disease hospital designated for
 * cases, the county hospital's fever clinic and a mobile cabin on standby; the demo's confirmed cases
 * transferred and admitted (the earliest one discharged, with its follow-up), and the asymptomatic one
 * left awaiting transfer past its 2 hours. Runs once: nothing is added when the hospitals exist.
 */
export async function loadHospitalsDemo(ctx: AppContext, reporter: Actor, county: string): Promise<void> {
  const [done] = await ctx.db.query('SELECT 1 FROM hospitals WHERE jurisdiction_code = $1 LIMIT 1', [county]);
  if (done) return;
  const now = ctx.now();
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const hospital = (input: Omit<HospitalInput, 'jurisdictionCode' | 'status'> & { status?: 'standby' }) =>
    withScope(ctx.db, reporter, (tx) =>
      registerHospital(tx, reporter, { jurisdictionCode: county, status: 'in_use', ...input }, now),
    );
  await hospital({
    name: '盘山县人民医院',
    kind: 'designated',
    isCountyHospital: true,
    beds: 480,
    icuBeds: 12,
    negativePressureBeds: 30,
    supplyDays: 30,
    address: '盘山县太平街道',
  });
  const designated = await hospital({
    name: '盘山县传染病医院',
    kind: 'designated',
    isCountyHospital: false,
    beds: 120,
    icuBeds: 12,
    negativePressureBeds: 20,
    supplyDays: 35,
  });
  const clinic = await hospital({
    name: '盘山县人民医院发热门诊',
    kind: 'fever_clinic',
    isCountyHospital: false,
    beds: 12,
    icuBeds: 0,
    negativePressureBeds: 4,
    supplyDays: 30,
  });
  await hospital({
    name: '盘山县方舱医院',
    kind: 'mobile_cabin',
    isCountyHospital: false,
    status: 'standby',
    beds: 600,
    icuBeds: 0,
    negativePressureBeds: 0,
    supplyDays: 30,
  });

  const cases = await withScope(ctx.db, reporter, (tx) =>
    tx.query<{ id: string; classification: string; reportedAt: Date }>(
      `SELECT id, classification, reported_at AS "reportedAt" FROM cases
       WHERE jurisdiction_code ^@ $1 AND status <> 'discarded' AND classification = 'confirmed'
       ORDER BY reported_at`,
      [county],
    ),
  );
  for (const [i, c] of cases.entries()) {
    const requested = new Date(Math.min(c.reportedAt.getTime() + 0.5 * HOUR, now.getTime()));
    const step = (hours: number) => new Date(Math.min(requested.getTime() + hours * HOUR, now.getTime()));
    const { stay } = await withScope(ctx.db, reporter, (tx) =>
      requestTransfer(
        tx,
        reporter,
        designated.hospital.id,
        {
          caseId: c.id,
          fromPlace: '盘山县人民医院发热门诊',
          fromHospitalId: clinic.hospital.id,
          vehicle: '负压救护车',
          escort: '急救中心医护人员',
        },
        requested,
      ),
    );
    await withScope(ctx.db, reporter, (tx) => recordDeparture(tx, reporter, stay.id, step(0.3), step(0.3)));
    await withScope(ctx.db, reporter, (tx) => recordAdmission(tx, reporter, stay.id, step(1), step(1)));
    if (i === 0)
      await withScope(ctx.db, reporter, (tx) =>
        recordDischarge(
          { ...ctx, now: () => ago(1) },
          tx,
          reporter,
          stay.id,
          ago(1),
          '核酸检测连续两次阴性，治愈出院',
          ago(1),
        ),
      );
  }
  await withScope(ctx.db, reporter, (tx) => evaluateTreatment(tx, reporter, county, now));
}
