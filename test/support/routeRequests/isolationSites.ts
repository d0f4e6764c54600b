import { createHash } from 'node:crypto';
import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';

/** Client-given ids of county A's isolation site and its point leader, made by the requests below. */
export const SITE_A = '150a0000-0000-4000-8000-0000000000a1';
export const SITE_STAFF_A = '150a0000-0000-4000-8000-0000000000a2';

/** A room's id follows from its site and number (see src/modules/isolation/siteRooms.ts). */
export function roomIdOf(siteId: string, number: string): string {
  const hex = createHash('md5').update(`isolation_room:${siteId}:${number}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
export const ROOM_A = roomIdOf(SITE_A, '101');

/** One well-formed request per route of the isolationSites routes, aimed at the first county's data (see seedWorld). */
export function isolationSitesRequests(_world: World): Record<string, Build> {
  return {
    'GET /api/isolation/sites': () => ({
      url: `/api/isolation/sites?jurisdiction=${COUNTY_A}&purpose=close_contacts`,
    }),
    'POST /api/isolation/sites': () => ({
      url: '/api/isolation/sites',
      payload: {
        id: SITE_A,
        name: '盘山县锦程商务酒店',
        kind: 'hotel',
        purposes: ['close_contacts'],
        jurisdictionCode: COUNTY_A,
        address: '盘山县太平街道兴盛路 18 号',
      },
    }),
    'GET /api/isolation/sites/:id': () => ({ url: `/api/isolation/sites/${SITE_A}` }),
    'PATCH /api/isolation/sites/:id': () => ({
      url: `/api/isolation/sites/${SITE_A}`,
      payload: { contractUntil: '2027-06-30' },
    }),
    'PUT /api/isolation/sites/:id/readiness/:item': () => ({
      url: `/api/isolation/sites/${SITE_A}/readiness/supplies`,
      payload: { inPlace: true, evidence: '防护服 2000 套、N95 口罩 5000 只，可用 30 天' },
    }),
    'POST /api/isolation/sites/:id/staff': () => ({
      url: `/api/isolation/sites/${SITE_A}/staff`,
      payload: { id: SITE_STAFF_A, role: 'point_leader', name: '王点长', phone: '13912345678' },
    }),
    'PATCH /api/isolation/staff/:id': () => ({
      url: `/api/isolation/staff/${SITE_STAFF_A}`,
      payload: { unit: '盘山县卫生健康局' },
    }),
    'POST /api/isolation/staff/:id/phone': () => ({
      url: `/api/isolation/staff/${SITE_STAFF_A}/phone`,
      payload: { reason: '联系点长' },
    }),
    'GET /api/isolation/sites/:id/rooms': () => ({ url: `/api/isolation/sites/${SITE_A}/rooms` }),
    'POST /api/isolation/sites/:id/rooms': () => ({
      url: `/api/isolation/sites/${SITE_A}/rooms`,
      payload: { floors: [{ floor: 1, from: '101', to: '110' }] },
    }),
    'POST /api/isolation/rooms/:id/service': () => ({
      url: `/api/isolation/rooms/${ROOM_A}/service`,
      payload: { inService: true },
    }),
    'POST /api/isolation/rooms/:id/cleaned': () => ({ url: `/api/isolation/rooms/${ROOM_A}/cleaned` }),
  };
}
