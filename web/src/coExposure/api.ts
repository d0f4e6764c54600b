import type { Static } from 'typebox';
import type { CaseCoExposureView, CoExposedView, VenueCoExposureView } from '../../../src/api/coExposure';
import { api, queryString } from '../api/client';

export type CaseCoExposure = Static<typeof CaseCoExposureView>;
export type VenueCoExposure = Static<typeof VenueCoExposureView>;
export type CoExposed = Static<typeof CoExposedView>;

/** The contact classes of EPI-4 the panel can list people as (contract 3 of issue 15). */
export const CONTACT_CLASSES = ['close', 'secondary_close', 'general'] as const;
export type ContactClass = (typeof CONTACT_CLASSES)[number];

/** POST /api/contacts/batch (the contacts module's; contract 3). */
export interface BatchBody {
  caseId: string;
  class: ContactClass;
  reason: string;
  candidates: Array<{
    idHash: string;
    exposure: {
      kind: 'venue' | 'checkpoint';
      venueId?: string;
      checkpointId?: string;
      at: string;
      overlapMinutes?: number;
    };
  }>;
}
export interface BatchResult {
  created: Array<{ contactId: string; name: string }>;
  existing: Array<{ contactId: string; name: string }>;
  rejected: Array<{ index: number; code: string; message: { zh: string; en: string } }>;
}

export const coExposureKeys = {
  case: (caseId: string, windowMinutes: number, days: number) =>
    ['co-exposure', 'case', caseId, windowMinutes, days] as const,
  venue: (venueId: string, from: string, to: string, windowMinutes: number) =>
    ['co-exposure', 'venue', venueId, from, to, windowMinutes] as const,
};

export const fetchCaseCoExposure = (caseId: string, windowMinutes: number, days: number) =>
  api.get<CaseCoExposure>(
    `/co-exposure/case/${encodeURIComponent(caseId)}${queryString({ windowMinutes, days })}`,
  );
export const fetchVenueCoExposure = (venueId: string, from: string, to: string, windowMinutes: number) =>
  api.post<VenueCoExposure>('/co-exposure/venue', { venueId, from, to, windowMinutes });

/** The exposure sent with a candidate: their closest one to the case (the first of the ranking's reasons). */
export function candidateOf(person: CoExposed): BatchBody['candidates'][number] {
  const closest = [...person.exposures].sort(
    (a, b) =>
      Math.abs(Date.parse(a.at) - Date.parse(a.caseAt)) - Math.abs(Date.parse(b.at) - Date.parse(b.caseAt)),
  )[0];
  if (!closest) return { idHash: person.idHash, exposure: { kind: 'venue', at: person.firstAt } };
  return {
    idHash: person.idHash,
    exposure:
      closest.source === 'checkpoint'
        ? {
            kind: 'checkpoint',
            checkpointId: closest.venueId,
            at: closest.at,
            overlapMinutes: Math.round(person.overlapMinutes),
          }
        : {
            kind: 'venue',
            venueId: closest.venueId,
            at: closest.at,
            overlapMinutes: Math.round(person.overlapMinutes),
          },
  };
}

export const listAsContacts = (body: BatchBody) => api.post<BatchResult>('/contacts/batch', body);
