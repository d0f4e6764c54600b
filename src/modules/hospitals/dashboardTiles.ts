import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { casesAwaitingTransfer } from './awaiting.js';
import { readiness } from './readiness.js';
import { listHospitals } from './registry.js';

/**
 * CAS-3, CAS-4 over the jurisdiction: the hospitals serving it (its own and those above it), how
 * many fall short of a readiness figure or owe their 48-hour emptying, the cases awaiting transfer;
 * beds and patients by kind, the ICU share and bed occupancy in the note. Null (no tile) when
 * the jurisdiction has neither a hospital nor a case to treat.
 */
async function treatment(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, actor, jurisdiction, now } = request;
  const hospitals = await listHospitals(tx, actor, { jurisdiction }, now);
  const awaiting = await casesAwaitingTransfer(tx, actor, jurisdiction, now, 1);
  if (hospitals.length === 0 && awaiting.total === 0) return null;
  const sum = readiness(hospitals);
  const list = (filters: Record<string, string | undefined>) =>
    drill('/hospitals', { jurisdiction, ...filters });
  const designated = hospitals.filter((h) => h.kind === 'designated');
  const cabins = hospitals.filter((h) => h.kind === 'mobile_cabin');
  const beds = (items: typeof hospitals) => items.reduce((n, h) => n + h.beds, 0);
  const used = (items: typeof hospitals) => items.reduce((n, h) => n + h.inHospital, 0);
  const owing = hospitals.filter((h) => h.emptyingOwedAt && !h.emptiedAt).length;
  const occupancy = sum.beds === 0 ? 0 : Math.floor((sum.inHospital * 100) / sum.beds);
  return {
    figures: [
      {
        key: 'designated',
        label: { zh: '定点医院', en: 'Designated hospitals' },
        value: designated.length,
        drill: list({ kind: 'designated' }),
      },
      {
        key: 'shortfalls',
        label: { zh: '准备不足的医院', en: 'Hospitals short of readiness' },
        value: sum.withShortfalls,
        drill: list({ shortfall: 'true' }),
        tone: sum.withShortfalls > 0 ? 'warning' : 'good',
      },
      {
        key: 'emptying',
        label: { zh: '须48小时内腾空', en: 'To empty within 48 hours' },
        value: owing,
        drill: list({ emptying: 'owed' }),
        tone: owing > 0 ? 'danger' : 'normal',
      },
      {
        key: 'awaiting',
        label: { zh: '待转运病例', en: 'Cases awaiting transfer' },
        value: awaiting.total,
        drill: list({ tab: 'awaiting' }),
        tone: awaiting.total > 0 ? 'warning' : 'normal',
      },
    ],
    // The ICU share and the beds in use are shares, not rows of a list: they are read in the note.
    note: {
      zh: `定点医院床位${beds(designated)}张，在院${used(designated)}人，重症监护床位占${sum.icuSharePct}%；方舱医院床位${beds(cabins)}张，备用${sum.mobileCabinsStandby}所；床位使用率${occupancy}%`,
      en: `Designated hospitals: ${beds(designated)} beds, ${used(designated)} in hospital, ICU ${sum.icuSharePct}% of beds; mobile cabins: ${beds(cabins)} beds, ${sum.mobileCabinsStandby} on standby; ${occupancy}% of beds in use`,
    },
  };
}

/** The hospitals module's tiles on the situation dashboard. */
export const hospitalsTiles: readonly DashboardTile[] = [
  {
    id: 'hospitals.treatment',
    order: 17,
    permission: 'hospital.read',
    title: { zh: '医疗救治准备', en: 'Treatment readiness' },
    load: treatment,
  },
];
