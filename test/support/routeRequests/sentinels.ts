import { multipartFile } from '../multipart.js';
import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';

/** County A's sentinel sites, registered by the first request below; the feed rows name them. */
const TOWN_A = '211122001';
const CLINIC = '县医院发热门诊';
const SCHOOL = '城关小学';
const MARKET = '城关农贸市场';

/** One well-formed request per route of the sentinels module, aimed at the first county's data (see seedWorld). */
export function sentinelsRequests(_world: World): Record<string, Build> {
  return {
    'GET /api/sentinels/sites': () => ({ url: '/api/sentinels/sites' }),
    'POST /api/sentinels/sites': () => ({
      url: '/api/sentinels/sites',
      payload: { jurisdictionCode: TOWN_A, kind: 'fever_clinic', name: CLINIC },
    }),
    'GET /api/sentinels/overview': () => ({
      url: `/api/sentinels/overview?jurisdiction=${COUNTY_A}&days=14`,
    }),
    'GET /api/sentinels/fever-visits': () => ({ url: '/api/sentinels/fever-visits?days=7' }),
    'POST /api/sentinels/fever-visits': () => ({
      url: '/api/sentinels/fever-visits',
      payload: {
        rows: [
          {
            site: CLINIC,
            visitNo: 'R-1',
            visitedAt: '2026-11-24T01:00:00Z',
            temperature: 38.1,
            symptoms: ['fever'],
            natSampled: true,
            disposition: 'home',
          },
        ],
      },
    }),
    'POST /api/sentinels/fever-visits/import': () =>
      upload(
        '/api/sentinels/fever-visits/import',
        `哨点名称,就诊号,就诊时间,体温,症状,是否采样核酸,处置\n${CLINIC},R-2,2026-11-24 08:00,37.9,发热、咳嗽,是,居家观察\n`,
      ),
    'GET /api/sentinels/school-reports': () => ({ url: '/api/sentinels/school-reports' }),
    'POST /api/sentinels/school-reports': () => ({
      url: '/api/sentinels/school-reports',
      payload: {
        rows: [
          {
            site: SCHOOL,
            day: '2026-11-23',
            enrolled: 300,
            absent: 2,
            absentIllness: 1,
            fever: 0,
            respiratory: 1,
          },
        ],
      },
    }),
    'POST /api/sentinels/school-reports/import': () =>
      upload(
        '/api/sentinels/school-reports/import',
        `哨点名称,日期,在册人数,缺勤人数,因病缺课人数,发热人数,呼吸道症状人数\n${SCHOOL},2026-11-22,300,0,0,0,0\n`,
      ),
    'GET /api/sentinels/samples': () => ({ url: '/api/sentinels/samples' }),
    'POST /api/sentinels/samples': () => ({
      url: '/api/sentinels/samples',
      payload: {
        rows: [
          {
            site: MARKET,
            sampleNo: 'HJ-1',
            kind: 'environment',
            item: '案板',
            sampledAt: '2026-11-23T01:00:00Z',
            result: 'negative',
            resultedAt: '2026-11-23T09:00:00Z',
          },
        ],
      },
    }),
    'POST /api/sentinels/samples/import': () =>
      upload(
        '/api/sentinels/samples/import',
        `哨点名称,样本编号,样本类型,采样对象,采样时间,检测结果,结果时间\n${MARKET},HJ-2,环境,地面,2026-11-23 09:00,待检,\n`,
      ),
    'GET /api/sentinels/ili-reports': () => ({ url: '/api/sentinels/ili-reports' }),
    'POST /api/sentinels/ili-reports': () => ({
      url: '/api/sentinels/ili-reports',
      payload: {
        rows: [{ site: CLINIC, day: '2026-11-23', iliVisits: 5, totalVisits: 120, pneumoniaCases: 0 }],
      },
    }),
    'POST /api/sentinels/ili-reports/import': () =>
      upload(
        '/api/sentinels/ili-reports/import',
        `哨点名称,日期,流感样病例数,门急诊就诊总数,不明原因肺炎病例数\n${CLINIC},2026-11-22,4,110,0\n`,
      ),
  };
}

function upload(url: string, csv: string) {
  const file = multipartFile('file', 'feed.csv', csv);
  return { url, payload: file.payload, headers: file.headers };
}
