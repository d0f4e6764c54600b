import { joinText, linkIf, newestFirst } from '../../platform/surfaces/storyText.js';
import type { StoryEvent, StorySource } from '../../platform/surfaces/types.js';

interface StayRow {
  hospitalId: string;
  hospitalName: string;
  fromPlace: string;
  vehicle: string | null;
  status: string;
  requestedAt: Date;
  departedAt: Date | null;
  admittedAt: Date | null;
  dischargedAt: Date | null;
  dischargeNote: string | null;
}

function stayEvents(row: StayRow, href: string | null): StoryEvent[] {
  const source = 'hospitals';
  const events: StoryEvent[] = [
    {
      at: (row.departedAt ?? row.requestedAt).toISOString(),
      source,
      title: { zh: `转运至${row.hospitalName}`, en: `Transferred to ${row.hospitalName}` },
      detail: joinText([
        { zh: `自${row.fromPlace}`, en: `From ${row.fromPlace}` },
        row.vehicle ? { zh: `车辆：${row.vehicle}`, en: `Vehicle: ${row.vehicle}` } : null,
        row.status === 'cancelled' ? { zh: '已取消', en: 'Cancelled' } : null,
      ]),
      href,
      tone: row.status === 'cancelled' ? 'normal' : 'warning',
    },
  ];
  if (row.admittedAt)
    events.push({
      at: row.admittedAt.toISOString(),
      source,
      title: { zh: `${row.hospitalName}收治`, en: `Admitted to ${row.hospitalName}` },
      href,
      tone: 'warning',
    });
  if (row.dischargedAt)
    events.push({
      at: row.dischargedAt.toISOString(),
      source,
      title: { zh: '治愈出院', en: 'Discharged' },
      detail: row.dischargeNote ? { zh: row.dischargeNote, en: row.dischargeNote } : null,
      href,
      tone: 'good',
    });
  return events;
}

/** CAS-3: the person's transfers and stays: transferred, admitted, discharged. */
const stays: StorySource = {
  id: 'hospitals',
  label: { zh: '转运救治', en: 'Transfer and treatment' },
  // Whoever may read the person sees where they are treated (the community follows them up after
  // discharge); the hospital's page opens only with hospital.read.
  permission: 'person.read',
  async load({ tx, actor, personId, limit }) {
    const rows = await tx.query<StayRow>(
      `SELECT s.hospital_id AS "hospitalId", h.name AS "hospitalName", s.from_place AS "fromPlace", s.vehicle, s.status,
         s.requested_at AS "requestedAt", s.departed_at AS "departedAt", s.admitted_at AS "admittedAt",
         s.discharged_at AS "dischargedAt", s.discharge_note AS "dischargeNote"
       FROM hospital_stays s JOIN hospitals h ON h.id = s.hospital_id
       WHERE s.person_id = $1 ORDER BY s.requested_at DESC LIMIT $2`,
      [personId, limit],
    );
    return newestFirst(
      rows.flatMap((row) => stayEvents(row, linkIf(actor, 'hospital.read', `/hospitals/${row.hospitalId}`))),
      limit,
    );
  },
};

/** What the hospitals module adds to a person's story. */
export const hospitalsStorySources: readonly StorySource[] = [stays];
