import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';
import { MONITORING_READING_A, MONITORING_STAY_A, MONITORING_TOKEN_A } from '../worldMonitoring.js';
import { SITE_A } from './isolationSites.js';

/** One well-formed request per route of the healthMonitoring routes, aimed at the first county's data (see seedWorld). */
export function healthMonitoringRequests(_world: World): Record<string, Build> {
  return {
    'POST /api/monitoring/readings': () => ({
      url: '/api/monitoring/readings',
      payload: { stayId: MONITORING_STAY_A, slot: 'am', temperature: 36.4, symptoms: [], note: '状态良好' },
    }),
    'GET /api/monitoring/board': () => ({
      url: `/api/monitoring/board?jurisdiction=${COUNTY_A}&kind=home&page=1&pageSize=20`,
    }),
    'GET /api/monitoring/floor': () => ({ url: `/api/monitoring/floor?siteId=${SITE_A}&floor=1` }),
    'GET /api/monitoring/stays/:id': () => ({ url: `/api/monitoring/stays/${MONITORING_STAY_A}` }),
    'PATCH /api/monitoring/readings/:id': () => ({
      url: `/api/monitoring/readings/${MONITORING_READING_A}`,
      payload: { temperature: 37.9, symptoms: ['fatigue'], version: 1 },
    }),
    'POST /api/monitoring/alerts/:id/handle': () => ({
      url: `/api/monitoring/alerts/${MONITORING_READING_A}/handle`,
      payload: { outcome: 'reported_cdc', note: '已电话报告县疾控中心' },
    }),
    'POST /api/monitoring/stays/:id/self-report-link': () => ({
      url: `/api/monitoring/stays/${MONITORING_STAY_A}/self-report-link`,
    }),
    'DELETE /api/monitoring/stays/:id/self-report-link': () => ({
      url: `/api/monitoring/stays/${MONITORING_STAY_A}/self-report-link`,
    }),
    'GET /api/public/self-report/:token': () => ({ url: `/api/public/self-report/${MONITORING_TOKEN_A}` }),
    'POST /api/public/self-report/:token': () => ({
      url: `/api/public/self-report/${MONITORING_TOKEN_A}`,
      payload: { slot: 'am', temperature: 36.5, symptoms: [] },
    }),
  };
}
