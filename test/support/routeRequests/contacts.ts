import type { Build, World } from '../routeRequests.js';
import { CONTACT_A, CONTACT_CASE_A, HANDOVER_CONTACT_A } from '../worldContacts.js';

/** One well-formed request per route of the contacts routes, aimed at the first county's data (see seedWorld). */
export function contactsRequests(world: World): Record<string, Build> {
  const exposure = {
    kind: 'venue',
    venueId: '0e0e0000-0000-4000-8000-0000000000a1',
    at: '2026-11-22T10:05:00Z',
  };
  return {
    'POST /api/contacts/batch': () => ({
      url: '/api/contacts/batch',
      payload: {
        caseId: CONTACT_CASE_A,
        class: 'close',
        reason: '同一超市同一时段',
        candidates: [{ personId: world.personA.id, exposure: { ...exposure, overlapMinutes: 25 } }],
      },
    }),
    'POST /api/contacts': () => ({
      url: '/api/contacts',
      payload: {
        caseId: CONTACT_CASE_A,
        class: 'general',
        reason: '同楼层办公',
        personId: world.casesA.personId,
        exposure: { kind: 'workplace', place: '盘山县某单位', at: '2026-11-21T02:00:00Z' },
      },
    }),
    'GET /api/contacts': () => ({ url: `/api/contacts?caseId=${CONTACT_CASE_A}` }),
    'GET /api/contacts/:id': () => ({ url: `/api/contacts/${CONTACT_A}` }),
    'GET /api/contacts/:id/secondary-candidates': () => ({
      url: `/api/contacts/${CONTACT_A}/secondary-candidates`,
    }),
    'POST /api/contacts/:id/reclassify': () => ({
      url: `/api/contacts/${CONTACT_A}/reclassify`,
      payload: { class: 'general', reason: '核实为一般接触' },
    }),
    'POST /api/contacts/:id/accept': () => ({ url: `/api/contacts/${HANDOVER_CONTACT_A}/accept` }),
    'POST /api/contacts/:id/release': () => ({
      url: `/api/contacts/${CONTACT_A}/release`,
      payload: { reason: '隔离期满，核酸阴性' },
    }),
    'POST /api/contacts/:id/discard': () => ({
      url: `/api/contacts/${HANDOVER_CONTACT_A}/discard`,
      payload: { reason: '核实未曾接触' },
    }),
  };
}
