import type { Build, World } from '../routeRequests.js';
import { CASE_TUBE_A } from '../worldCases.js';

/** Client-given id of the case the requests report from county A's positive result. */
const CASE_A = 'ca5e0000-0000-4000-8000-0000000000a1';

/**
 * One well-formed request per route of the cases module, aimed at the first county's data (see
 * seedWorld and worldCases.ts), in workflow order: pre-fill from the positive result, report it,
 * read, reclassify, review, discard.
 */
export function casesRequests(world: World): Record<string, Build> {
  return {
    'GET /api/cases/prefill': () => ({ url: `/api/cases/prefill?tube=${CASE_TUBE_A}` }),
    'POST /api/cases': () => ({
      url: '/api/cases',
      payload: {
        id: CASE_A,
        tubeBarcode: CASE_TUBE_A,
        classification: 'asymptomatic',
        reportingInstitution: '盘山县疾控中心实验室',
        reportingDoctor: '李检验',
        currentLocation: '居家',
      },
    }),
    'GET /api/cases': () => ({ url: `/api/cases?personId=${world.casesA.personId}` }),
    'GET /api/cases/board': () => ({ url: '/api/cases/board?jurisdiction=211122' }),
    'GET /api/cases/:id': () => ({ url: `/api/cases/${CASE_A}` }),
    'POST /api/cases/:id/reclassify': () => ({
      url: `/api/cases/${CASE_A}/reclassify`,
      payload: { classification: 'confirmed', severity: 'mild', reason: '出现发热，无症状转确诊' },
    }),
    'POST /api/cases/:id/review': () => ({ url: `/api/cases/${CASE_A}/review`, payload: { note: '已核实' } }),
    'POST /api/cases/:id/discard': () => ({
      url: `/api/cases/${CASE_A}/discard`,
      payload: { reason: '复核阴性，排除' },
    }),
  };
}
