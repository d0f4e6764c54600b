import type { Build, World } from '../routeRequests.js';
import { INVESTIGATION_A, REVIEW_A } from '../worldInvestigations.js';

/** Client-given ids of the interview entry, exposure and traced goods the requests add and remove. */
const ENTRY_A = '1a5e0000-0000-4000-8000-0000000000e1';
const EXPOSURE_A = '1a5e0000-0000-4000-8000-0000000000e2';
const GOODS_A = '1a5e0000-0000-4000-8000-0000000000e3';
const base = `/api/investigations/${INVESTIGATION_A}`;

/**
 * One well-formed request per route of the investigations routes, aimed at the first county's data
 * (see seedWorld and worldInvestigations.ts), in workflow order: list, workload, open, assign, add,
 * correct and remove an interview entry, an exposure and goods, write the report, record the first
 * investigation, submit; the review is of the report another investigator submitted.
 */
export function investigationsRequests(world: World): Record<string, Build> {
  const entry = {
    place: '盘山县惠民超市',
    fromAt: '2026-10-15T02:00:00.000Z',
    toAt: '2026-10-15T03:00:00.000Z',
    activity: '购物',
    peopleMet: '收银员一名',
  };
  return {
    'GET /api/investigations': () => ({ url: '/api/investigations?jurisdiction=211122' }),
    'GET /api/investigations/workload': () => ({ url: '/api/investigations/workload?jurisdiction=211122' }),
    'GET /api/investigations/:caseId': () => ({ url: base }),
    'POST /api/investigations/:caseId/assign': () => ({
      url: `${base}/assign`,
      payload: { investigatorId: world.users.a_admin!.userId },
    }),
    'POST /api/investigations/:caseId/entries': () => ({
      url: `${base}/entries`,
      payload: { id: ENTRY_A, ...entry },
    }),
    'PUT /api/investigations/:caseId/entries/:entryId': () => ({
      url: `${base}/entries/${ENTRY_A}`,
      payload: { ...entry, activity: '购物，未戴口罩' },
    }),
    'DELETE /api/investigations/:caseId/entries/:entryId': () => ({ url: `${base}/entries/${ENTRY_A}` }),
    'POST /api/investigations/:caseId/exposures': () => ({
      url: `${base}/exposures`,
      payload: {
        id: EXPOSURE_A,
        kind: 'person',
        description: '与确诊病例同住',
        evidence: '同住家庭成员10月12日确诊',
        certainty: 'probable',
        likelySource: true,
      },
    }),
    'DELETE /api/investigations/:caseId/exposures/:exposureId': () => ({
      url: `${base}/exposures/${EXPOSURE_A}`,
    }),
    'POST /api/investigations/:caseId/goods': () => ({
      url: `${base}/goods`,
      payload: {
        id: GOODS_A,
        item: '进口冷冻带鱼',
        origin: '大连港',
        batch: 'LOT-2026-1015',
        sampleResult: 'pending',
      },
    }),
    'DELETE /api/investigations/:caseId/goods/:goodsId': () => ({ url: `${base}/goods/${GOODS_A}` }),
    'PUT /api/investigations/:caseId/report': () => ({
      url: `${base}/report`,
      payload: { report: '病例发病前14天活动轨迹已查清。\n可能感染来源：同住家庭成员。' },
    }),
    'POST /api/investigations/:caseId/first': () => ({
      url: `${base}/first`,
      payload: { summary: '已完成面对面询问，初步轨迹已掌握' },
    }),
    'POST /api/investigations/:caseId/submit': () => ({ url: `${base}/submit`, payload: {} }),
    'POST /api/investigations/:caseId/review': () => ({
      url: `/api/investigations/${REVIEW_A}/review`,
      payload: { decision: 'release' },
    }),
  };
}
