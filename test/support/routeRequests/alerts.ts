import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';
import { ALERT_A } from '../worldAlerts.js';

/** One well-formed request per route of the alerts module, aimed at the first county's data (see seedWorld). */
export function alertsRequests(_world: World): Record<string, Build> {
  return {
    'POST /api/alerts/evaluate': () => ({ url: '/api/alerts/evaluate', payload: {} }),
    'GET /api/alerts': () => ({ url: `/api/alerts?jurisdiction=${COUNTY_A}` }),
    'GET /api/alerts/:id': () => ({ url: `/api/alerts/${ALERT_A}` }),
    'POST /api/alerts/:id/acknowledge': () => ({ url: `/api/alerts/${ALERT_A}/acknowledge` }),
    'POST /api/alerts/:id/assessment': () => ({
      url: `/api/alerts/${ALERT_A}/assessment`,
      payload: {
        riskLevel: 'medium',
        summary: '城关镇药店退热药销售较基线升高三倍',
        measuresRecommended: '对购药人员开展核酸检测',
      },
    }),
    'POST /api/alerts/:id/warning': () => ({
      url: `/api/alerts/${ALERT_A}/warning`,
      payload: {
        text: '请辖区居民出现发热症状及时到发热门诊就诊',
        level: 'yellow',
        audience: '辖区居民',
        jurisdictionCode: COUNTY_A,
      },
    }),
    'POST /api/alerts/:id/close': () => ({
      url: `/api/alerts/${ALERT_A}/close`,
      payload: { reason: 'handled', note: '购药人员核酸检测均为阴性' },
    }),
  };
}
