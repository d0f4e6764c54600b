import type { Build, World } from '../routeRequests.js';
import { COUNTY_A, VILLAGE_A } from '../world.js';

/** Client-given ids of county A's reserve team and one reserve assistant, made by the requests below. */
export const EPI_TEAM_A = '0e910000-0000-4000-8000-0000000000a1';
export const EPI_MEMBER_A = '0e910000-0000-4000-8000-0000000000a2';

/** One well-formed request per route of the epiTeams routes, aimed at the first county's data (see seedWorld). */
export function epiTeamsRequests(_world: World): Record<string, Build> {
  return {
    'GET /api/epi-teams': () => ({ url: `/api/epi-teams?jurisdiction=${COUNTY_A}&kind=reserve` }),
    'GET /api/epi-teams/reserve': () => ({ url: `/api/epi-teams/reserve?jurisdiction=${COUNTY_A}` }),
    'GET /api/epi-teams/accounts': () => ({ url: `/api/epi-teams/accounts?jurisdiction=${COUNTY_A}` }),
    'POST /api/epi-teams': () => ({
      url: '/api/epi-teams',
      payload: { id: EPI_TEAM_A, name: '盘山县流调协查员储备', kind: 'reserve', jurisdictionCode: COUNTY_A },
    }),
    'GET /api/epi-teams/:id': () => ({ url: `/api/epi-teams/${EPI_TEAM_A}` }),
    'PATCH /api/epi-teams/:id': () => ({ url: `/api/epi-teams/${EPI_TEAM_A}`, payload: { active: true } }),
    'POST /api/epi-teams/:id/members': () => ({
      url: `/api/epi-teams/${EPI_TEAM_A}/members`,
      payload: {
        id: EPI_MEMBER_A,
        name: '李协查',
        phone: '13800138000',
        role: 'assistant',
        villageCode: VILLAGE_A,
      },
    }),
    'PATCH /api/epi-team-members/:id': () => ({
      url: `/api/epi-team-members/${EPI_MEMBER_A}`,
      payload: { role: 'assistant' },
    }),
    'POST /api/epi-team-members/:id/phone': () => ({
      url: `/api/epi-team-members/${EPI_MEMBER_A}/phone`,
      payload: { reason: '联系协查员' },
    }),
  };
}
