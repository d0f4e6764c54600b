import { readFileSync } from 'node:fs';
import type { InjectOptions, RouteOptions } from 'fastify';
import { overrideId, riskAreaId } from '../../src/modules/riskAreas/index.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { multipartFile } from './multipart.js';
import { alertsRequests } from './routeRequests/alerts.js';
import { bulletinRequests } from './routeRequests/bulletin.js';
import { casesRequests } from './routeRequests/cases.js';
import { chainsRequests } from './routeRequests/chains.js';
import { coExposureRequests } from './routeRequests/coExposure.js';
import { contactsRequests } from './routeRequests/contacts.js';
import { drugSalesRequests } from './routeRequests/drugSales.js';
import { epiTeamsRequests } from './routeRequests/epiTeams.js';
import { healthMonitoringRequests } from './routeRequests/healthMonitoring.js';
import { hospitalsRequests } from './routeRequests/hospitals.js';
import { investigationsRequests } from './routeRequests/investigations.js';
import { isolationDemandRequests } from './routeRequests/isolationDemand.js';
import { isolationReleaseRequests } from './routeRequests/isolationRelease.js';
import { isolationSitesRequests } from './routeRequests/isolationSites.js';
import { isolationStaysRequests } from './routeRequests/isolationStays.js';
import { sentinelsRequests } from './routeRequests/sentinels.js';
import { venuesRequests } from './routeRequests/venues.js';

import {
  API_TOKEN_A,
  COUNTY_A,
  HANDOVER_A,
  PASSWORD,
  PENDING_LEAVE_A,
  PERSON_A,
  PRIVACY_ALERT_A,
  type seedWorld,
  VILLAGE_A,
} from './world.js';
import { LANDING_CLAIM_A, TRUCK_CLAIM_A, TRUCK_CLAIM_B } from './worldClaims.js';

/** Client-given ids of county A's checkpoint, pass and push-list import (see below). */
const CHECKPOINT_A = '0c0c0c0c-0000-4000-8000-00000000000a';
const PASS_A = '0c0c0c0c-0000-4000-8000-0000000000a1';
const PUSH_IMPORT_A = '0c0c0c0c-0000-4000-8000-0000000000b1';

/** Client-given id of county A's landing-code report, entered by staff (ARR-11; see below). */
const LANDING_REPORT_A = '0a11d000-0000-4000-8000-000000000011';

/** Client-given ids of county A's truck pre-report (ARR-12) and cadre leave (ARR-14); their routes
 * run in workflow order: file, read, escort, arrive, stay, depart; apply, read, decide, return. */
const TRUCK_REPORT_A = '7a0c0000-0000-4000-8000-000000000012';
const CADRE_LEAVE_A = '7a0c0000-0000-4000-8000-000000000014';

/** County A's pooled tube at its sampling site's first table (TST-1; see below). */
const SAMPLING_TUBE_A = 'TST1-A-000001';

/** A published area and a whole-city override (ARR-9) for the risk-area routes (see below). */
const RISK_AREA_A = {
  level: 'medium',
  divisionCode: '310101002003',
  areaName: '上海市黄浦区某某小区',
  publishedAt: '2026-11-20T04:00:00.000Z',
  publisher: '上海市卫生健康委员会',
};
const OVERRIDE_A = {
  divisionCode: '220200',
  name: '吉林市',
  validFrom: '2026-11-01T00:00:00.000Z',
  reason: '全域参照高风险地区进行管控',
};

export type Build = () => Omit<InjectOptions, 'method' | 'headers'> & { headers?: Record<string, string> };
export type World = Awaited<ReturnType<typeof seedWorld>>;

/**
 * One well-formed request per API route, aimed at the first county's data (see seedWorld).
 * Tests that must cover every route (cross-scope, hostile input) start from these; a route added
 * without an entry here fails them.
 */
export function routeRequests(world: World, importIdA: () => string): Record<string, Build> {
  return {
    'GET /api/session': () => ({ url: '/api/session' }),
    'DELETE /api/session': () => ({ url: '/api/session' }),
    'POST /api/session/tokens': () => ({ url: '/api/session/tokens', payload: { name: 'system' } }),
    'GET /api/session/tokens': () => ({ url: '/api/session/tokens' }),
    'DELETE /api/session/tokens/:id': () => ({ url: `/api/session/tokens/${API_TOKEN_A}` }),
    'GET /api/users/:id/tokens': () => ({ url: `/api/users/${world.users.a_admin!.userId}/tokens` }),
    'DELETE /api/users/:id/tokens/:tokenId': () => ({
      url: `/api/users/${world.users.a_admin!.userId}/tokens/${API_TOKEN_A}`,
    }),
    // The same password again: the request succeeds without changing what later sign-ins need.
    'POST /api/session/password': () => ({
      url: '/api/session/password',
      payload: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
    'GET /api/jurisdictions': () => ({ url: `/api/jurisdictions?parent=${COUNTY_A}` }),
    'GET /api/jurisdictions/search': () => ({ url: `/api/jurisdictions/search?q=${COUNTY_A}` }),
    'GET /api/jurisdictions/:code': () => ({ url: `/api/jurisdictions/${VILLAGE_A}` }),
    'POST /api/jurisdictions/:code/grids': () => ({
      url: `/api/jurisdictions/${VILLAGE_A}/grids`,
      payload: { name: '新网格' },
    }),
    'PATCH /api/jurisdictions/:code': () => ({
      url: `/api/jurisdictions/${VILLAGE_A}`,
      payload: { timeZone: 'Asia/Shanghai' },
    }),
    'GET /api/persons': () => ({
      url: `/api/persons?jurisdiction=${COUNTY_A}&idNumber=${PERSON_A.idNumber}`,
    }),
    'GET /api/persons/key-groups': () => ({ url: '/api/persons/key-groups' }),
    'GET /api/persons/privacy-alerts': () => ({ url: '/api/persons/privacy-alerts?state=all' }),
    'GET /api/persons/handovers': () => ({ url: '/api/persons/handovers?state=all' }),
    'POST /api/persons/handovers/:id/decision': () => ({
      url: `/api/persons/handovers/${HANDOVER_A}/decision`,
      payload: { decision: 'decline', note: '本人仍在本地居住' },
    }),
    'POST /api/persons/privacy-alerts/:id/acknowledge': () => ({
      url: `/api/persons/privacy-alerts/${PRIVACY_ALERT_A}/acknowledge`,
      payload: { note: '已核实为正常工作' },
    }),
    'POST /api/persons': () => ({
      url: '/api/persons',
      payload: { name: '赵六', idNumber: withCheckDigit('21112219700707001'), jurisdictionCode: VILLAGE_A },
    }),
    'GET /api/persons/:id': () => ({ url: `/api/persons/${world.personA.id}` }),
    'GET /api/persons/:id/story': () => ({ url: `/api/persons/${world.personA.id}/story` }),
    'PUT /api/persons/:id': () => ({
      url: `/api/persons/${world.personA.id}`,
      payload: { ...PERSON_A, name: '欧阳明', version: world.personA.version },
    }),
    'POST /api/persons/:id/unmask': () => ({
      url: `/api/persons/${world.personA.id}/unmask`,
      payload: { reason: '流调核实' },
    }),
    'POST /api/persons/import': () => {
      const file = multipartFile(
        'file',
        'a.csv',
        `姓名,证件号码,现住址区划代码\n孙七,${withCheckDigit('21112219600606001')},${VILLAGE_A}\n`,
      );
      return { url: '/api/persons/import', payload: file.payload, headers: file.headers };
    },
    'GET /api/persons/import/template.xlsx': () => ({ url: '/api/persons/import/template.xlsx' }),
    'GET /api/persons/imports': () => ({ url: '/api/persons/imports' }),
    'GET /api/persons/imports/:id': () => ({ url: `/api/persons/imports/${importIdA()}` }),
    'GET /api/persons/imports/:id/errors.xlsx': () => ({
      url: `/api/persons/imports/${importIdA()}/errors.xlsx`,
    }),
    'GET /api/persons/export.xlsx': () => ({ url: `/api/persons/export.xlsx?jurisdiction=${COUNTY_A}` }),
    'GET /api/users': () => ({ url: '/api/users' }),
    'POST /api/users': () => ({
      url: '/api/users',
      payload: {
        username: 'new_a',
        displayName: 'x',
        password: 'long-enough-1',
        roles: ['lab'],
        scopes: [COUNTY_A],
      },
    }),
    'PATCH /api/users/:id': () => ({
      url: `/api/users/${world.users.a_community!.userId}`,
      payload: { displayName: '改名' },
    }),
    'GET /api/audit': () => ({ url: `/api/audit?entityId=${world.personA.id}` }),
    'GET /api/audit/vocabulary': () => ({ url: '/api/audit/vocabulary' }),
    'GET /api/deadlines': () => ({
      url: `/api/deadlines?jurisdiction=${COUNTY_A}&personId=${world.personA.id}`,
    }),
    'GET /api/deadlines/summary': () => ({ url: `/api/deadlines/summary?jurisdiction=${COUNTY_A}` }),
    'GET /api/dashboard': () => ({ url: `/api/dashboard?jurisdiction=${COUNTY_A}` }),
    'GET /api/my-work': () => ({ url: '/api/my-work' }),
    'GET /api/my-work/count': () => ({ url: '/api/my-work/count' }),
    'POST /api/my-work/:deadlineId/call': () => ({ url: `/api/my-work/${world.callA}/call` }),
    'POST /api/deadlines/:id/done': () => ({
      url: `/api/deadlines/${world.deadlineA}/done`,
      payload: { outcome: '已核实' },
    }),
    // Risk areas (ZON-5) are reference data of all China, not county A's: the requests aim at
    // Shanghai and Jilin, which every county may read. Ids derive from the natural key, and POST is
    // registered before lift/end, so the area and override exist by the time those are asked for.
    'GET /api/risk-areas': () => ({ url: '/api/risk-areas?history=true&code=31' }),
    'POST /api/risk-areas': () => ({ url: '/api/risk-areas', payload: RISK_AREA_A }),
    'POST /api/risk-areas/:id/lift': () => ({
      url: `/api/risk-areas/${riskAreaId(RISK_AREA_A.divisionCode, RISK_AREA_A.areaName, RISK_AREA_A.level, new Date(RISK_AREA_A.publishedAt))}/lift`,
      payload: { liftedAt: '2026-11-23T16:00:00.000Z' },
    }),
    'GET /api/risk-areas/classify': () => ({ url: '/api/risk-areas/classify?code=310101002003' }),
    'POST /api/risk-areas/import': () => {
      const csv =
        '风险等级,区划代码,地区名称,发布时间,发布机构\n高,310104,上海市徐汇区某小区,2026-11-21 12:00,上海市卫生健康委员会\n';
      const file = multipartFile('file', 'areas.csv', csv);
      return { url: '/api/risk-areas/import', payload: file.payload, headers: file.headers };
    },
    'GET /api/risk-areas/template': () => ({ url: '/api/risk-areas/template' }),
    'GET /api/risk-area-overrides': () => ({ url: '/api/risk-area-overrides?all=true' }),
    'POST /api/risk-area-overrides': () => ({ url: '/api/risk-area-overrides', payload: OVERRIDE_A }),
    'POST /api/risk-area-overrides/:id/end': () => ({
      url: `/api/risk-area-overrides/${overrideId('2202', new Date(OVERRIDE_A.validFrom))}/end`,
      payload: { validUntil: '2026-11-23T16:00:00.000Z' },
    }),
    // Landing code (ARR-11): PUT is registered before the routes that look at, push and verify the
    // report, so county A's report exists by the time they are asked for.
    'GET /api/landing/codes/:code': () => ({ url: `/api/landing/codes/${COUNTY_A}` }),
    'GET /api/landing/reports': () => ({ url: `/api/landing/reports?jurisdiction=${COUNTY_A}&state=all` }),
    'PUT /api/landing/reports/:id': () => ({
      url: `/api/landing/reports/${LANDING_REPORT_A}`,
      payload: {
        name: '落地甲',
        idNumber: withCheckDigit('21112219760606002'),
        phone: '13700137000',
        origin: 'domestic',
        originDivisionCode: '110105',
        leftOriginAt: '2026-11-23T20:00:00.000Z',
        arrivedAt: '2026-11-24T01:00:00.000Z',
        destinationCode: VILLAGE_A,
        address: '兴盛路1号',
        homeIsolationConditions: true,
        itineraryStar: false,
        truckDriver: false,
      },
    }),
    'GET /api/landing/reports/:id': () => ({ url: `/api/landing/reports/${LANDING_REPORT_A}` }),
    'POST /api/landing/reports/:id/look': () => ({ url: `/api/landing/reports/${LANDING_REPORT_A}/look` }),
    'POST /api/landing/reports/:id/push': () => ({ url: `/api/landing/reports/${LANDING_REPORT_A}/push` }),
    'POST /api/landing/push': () => ({ url: '/api/landing/push', payload: { jurisdictionCode: COUNTY_A } }),
    // The world's claim, already looked at (see worldClaims.ts): set aside as a duplicate.
    'POST /api/landing/reports/:id/discard': () => ({
      url: `/api/landing/reports/${LANDING_CLAIM_A}/discard`,
      payload: { reason: 'duplicate', note: '重复报备' },
    }),
    'GET /api/landing/reports/:id/candidates': () => ({
      url: `/api/landing/reports/${LANDING_REPORT_A}/candidates`,
    }),
    'POST /api/landing/reports/:id/verify': () => ({
      url: `/api/landing/reports/${LANDING_REPORT_A}/verify`,
      payload: { verification: 'found', note: '已见到本人', registerNew: true },
    }),
    'POST /api/landing/reports/:id/feedback': () => ({
      url: `/api/landing/reports/${LANDING_REPORT_A}/feedback`,
      payload: { measures: ['nat_done'], note: '已核酸' },
    }),
    'GET /api/landing/daily-clear': () => ({ url: `/api/landing/daily-clear?jurisdiction=${COUNTY_A}` }),
    // Checkpoints (ARR-15): ids are client-given, and POST /api/checkpoints is registered before the
    // routes under it, so county A's checkpoint exists by the time its passes are asked for.
    'GET /api/checkpoints': () => ({ url: `/api/checkpoints?jurisdiction=${COUNTY_A}` }),
    'POST /api/checkpoints': () => ({
      url: '/api/checkpoints',
      payload: { id: CHECKPOINT_A, name: '盘山收费站', kind: 'highway', jurisdictionCode: COUNTY_A },
    }),
    'GET /api/checkpoints/:id': () => ({ url: `/api/checkpoints/${CHECKPOINT_A}` }),
    'PATCH /api/checkpoints/:id': () => ({
      url: `/api/checkpoints/${CHECKPOINT_A}`,
      payload: { natWithinHours: 48 },
    }),
    'POST /api/checkpoints/:id/passes': () => ({
      url: `/api/checkpoints/${CHECKPOINT_A}/passes`,
      payload: {
        id: PASS_A,
        name: '钱八',
        idNumber: withCheckDigit('21112219750505001'),
        healthCode: 'green',
        temperature: 36.5,
        origin: 'domestic',
        originDivisionCode: '211103',
        destinationCode: VILLAGE_A,
        direction: 'in',
        itineraryShown: true,
      },
    }),
    'GET /api/checkpoints/:id/passes': () => ({
      url: `/api/checkpoints/${CHECKPOINT_A}/passes?direction=in&healthCode=green&missingProof=true`,
    }),
    // Push lists: the import's id is client-given; POST is registered before the routes under it.
    'POST /api/push-lists': () => {
      const file = multipartFile(
        'file',
        'push.csv',
        `姓名,身份证号,来源地区代码,抵达时间,目的地区划代码\n周九,${withCheckDigit('21112219800808001')},211103,2026-11-23 10:00,${VILLAGE_A}\n`,
      );
      return {
        url: `/api/push-lists?id=${PUSH_IMPORT_A}&jurisdiction=${COUNTY_A}`,
        payload: file.payload,
        headers: file.headers,
      };
    },
    'GET /api/push-lists': () => ({ url: `/api/push-lists?jurisdiction=${COUNTY_A}` }),
    'GET /api/push-lists/template': () => ({ url: '/api/push-lists/template' }),
    'GET /api/push-lists/:id': () => ({ url: `/api/push-lists/${PUSH_IMPORT_A}` }),
    'GET /api/push-lists/:id/errors': () => ({ url: `/api/push-lists/${PUSH_IMPORT_A}/errors` }),
    'GET /api/arrivals': () => ({ url: `/api/arrivals?jurisdiction=${COUNTY_A}` }),
    'POST /api/arrivals': () => ({
      url: '/api/arrivals',
      payload: {
        person: { personId: world.personA.id },
        jurisdictionCode: VILLAGE_A,
        origin: 'domestic',
        originDivisionCode: '110105',
        arrivedAt: '2026-11-23T08:00:00Z',
      },
    }),
    'GET /api/arrivals/lookback': () => ({
      url: '/api/arrivals/lookback?divisionCode=110105&publishedAt=2026-11-24T00:00:00Z',
    }),
    'GET /api/arrivals/:id': () => ({ url: `/api/arrivals/${world.arrivalA.arrivalId}` }),
    'GET /api/arrivals/review': () => ({ url: `/api/arrivals/review?jurisdiction=${COUNTY_A}` }),
    'POST /api/arrivals/:id/review': () => ({
      url: `/api/arrivals/${world.reviewA.arrivalId}/review`,
      payload: { decision: 'no_measures', reason: '复核：无需管控措施' },
    }),
    'POST /api/arrivals/:id/events': () => ({
      url: `/api/arrivals/${world.arrivalA.arrivalId}/events`,
      payload: { item: 'test:serum:d7', result: 'negative' },
    }),
    'POST /api/arrivals/:id/reclassify': () => ({
      url: `/api/arrivals/${world.arrivalA.arrivalId}/reclassify`,
      payload: { originRisk: 'low', reason: '复核' },
    }),
    'GET /api/labs': () => ({ url: `/api/labs?jurisdiction=${COUNTY_A}` }),
    'POST /api/labs': () => ({
      url: '/api/labs',
      payload: {
        jurisdictionCode: COUNTY_A,
        name: '盘山县人民医院实验室',
        kind: 'hospital',
        instruments: 2,
        tubesPerInstrumentHour: 90,
        reagentPhysicalTests: 1000,
        reagentContractedTests: 500,
        active: true,
      },
    }),
    'GET /api/labs/capacity': () => ({ url: `/api/labs/capacity?jurisdiction=${COUNTY_A}&poolSize=10` }),
    'POST /api/labs/capacity-targets': () => ({
      url: '/api/labs/capacity-targets',
      payload: {
        jurisdictionCode: COUNTY_A,
        dueDate: '2026-12-31',
        personsPerDay: 5000,
        sourceText: '演示目标',
      },
    }),
    'DELETE /api/labs/capacity-targets/:code/:dueDate': () => ({
      url: `/api/labs/capacity-targets/${COUNTY_A}/2026-12-31`,
    }),
    'GET /api/labs/:id': () => ({ url: `/api/labs/${world.testingA.labId}` }),
    'PUT /api/labs/:id': () => ({
      url: `/api/labs/${world.testingA.labId}`,
      payload: {
        name: '211122 疾控中心实验室',
        kind: 'cdc',
        instruments: 4,
        tubesPerInstrumentHour: 90,
        reagentPhysicalTests: 60000,
        reagentContractedTests: 40000,
        active: true,
        version: 1,
      },
    }),
    'GET /api/labs/:id/qc': () => ({ url: `/api/labs/${world.testingA.labId}/qc` }),
    'POST /api/labs/:id/qc': () => ({
      url: `/api/labs/${world.testingA.labId}/qc`,
      payload: { qcDate: '2026-11-24', kind: 'dual_reagent', outcome: 'pass', notes: null },
    }),
    'GET /api/routine-testing/schedule': () => ({
      url: `/api/routine-testing/schedule?jurisdiction=${COUNTY_A}`,
    }),
    'POST /api/routine-testing/sweep': () => ({
      url: '/api/routine-testing/sweep',
      payload: { jurisdiction: COUNTY_A },
    }),
    'GET /api/policy/packs': () => ({ url: '/api/policy/packs' }),
    'GET /api/policy/packs/:id/:version': () => ({ url: '/api/policy/packs/panshan-2021/6' }),
    'GET /api/documents': () => ({ url: '/api/documents' }),
    'GET /api/documents/:id': () => ({ url: '/api/documents/003' }),
    'POST /api/documents': () => ({
      url: '/api/documents',
      payload: {
        id: 'panshan-2021-notice',
        title: '盘山县疫情防控补充通知',
        issuer: '盘山县新冠肺炎疫情防控指挥部',
        fullText: '各镇（街道）：对来返人员落实登记报告制度。',
      },
    }),
    'POST /api/policy/packs': () => ({
      url: '/api/policy/packs',
      payload: {
        yaml: readFileSync('packs/panshan-2021.yaml', 'utf8').replace('version: "6"', 'version: "6.1"'),
      },
    }),
    'GET /api/policy/assignments': () => ({ url: `/api/policy/assignments?jurisdiction=${COUNTY_A}` }),
    'PUT /api/policy/assignments/:code': () => ({
      url: `/api/policy/assignments/${VILLAGE_A}`,
      payload: { packId: 'panshan-2021', version: '6' },
    }),
    'POST /api/policy/impact/preview': () => ({
      url: '/api/policy/impact/preview',
      payload: { packId: 'panshan-2021', version: '6', jurisdictionCode: COUNTY_A },
    }),
    'POST /api/policy/impact/apply': () => ({
      url: '/api/policy/impact/apply',
      payload: { packId: 'panshan-2021', version: '6', jurisdictionCode: COUNTY_A },
    }),
    'POST /api/trucks/reports': () => ({
      url: '/api/trucks/reports',
      payload: {
        id: TRUCK_REPORT_A,
        unitName: '盘山县物流有限公司',
        unitCreditCode: '91110000600037341L',
        plate: '辽L12345',
        plannedArrivalAt: '2026-11-25T08:00:00Z',
        jurisdictionCode: VILLAGE_A,
        originDivisionCode: '130203',
        starred: true,
        crew: [{ name: '王师傅', idNumber: withCheckDigit('13020319800101001'), phone: '13700137000' }],
      },
    }),
    'GET /api/trucks/reports': () => ({ url: `/api/trucks/reports?jurisdiction=${COUNTY_A}` }),
    'GET /api/trucks/reports/:id': () => ({ url: `/api/trucks/reports/${TRUCK_REPORT_A}` }),
    // The world's public claims (see worldClaims.ts): one verified (and later called off), one rejected.
    'POST /api/trucks/reports/:id/verify': () => ({ url: `/api/trucks/reports/${TRUCK_CLAIM_A}/verify` }),
    'POST /api/trucks/reports/:id/reject': () => ({
      url: `/api/trucks/reports/${TRUCK_CLAIM_B}/reject`,
      payload: { reason: 'not_genuine' },
    }),
    'GET /api/trucks/reports/:id/candidates': () => ({
      url: `/api/trucks/reports/${TRUCK_REPORT_A}/candidates`,
    }),
    'POST /api/trucks/reports/:id/cancel': () => ({
      url: `/api/trucks/reports/${TRUCK_CLAIM_A}/cancel`,
      payload: { note: '收货方取消' },
    }),
    'POST /api/trucks/reports/:id/escort': () => ({
      url: `/api/trucks/reports/${TRUCK_REPORT_A}/escort`,
      payload: { escortName: '张社工' },
    }),
    'POST /api/trucks/reports/:id/arrival': () => ({
      url: `/api/trucks/reports/${TRUCK_REPORT_A}/arrival`,
      payload: { at: '2026-11-24T01:00:00Z' },
    }),
    'POST /api/trucks/reports/:id/stay': () => ({
      url: `/api/trucks/reports/${TRUCK_REPORT_A}/stay`,
      payload: { reason: '等待卸货', lastDate: '2026-11-26', crew: [{ position: 1, personId: null }] },
    }),
    'POST /api/trucks/reports/:id/departure': () => ({
      url: `/api/trucks/reports/${TRUCK_REPORT_A}/departure`,
      payload: { at: '2026-11-24T01:50:00Z' },
    }),
    'POST /api/trucks/reports/:id/crew/:position/unmask': () => ({
      url: `/api/trucks/reports/${TRUCK_REPORT_A}/crew/1/unmask`,
      payload: { reason: '联系司机' },
    }),
    'POST /api/cadre-leaves': () => ({
      url: '/api/cadre-leaves',
      payload: {
        id: CADRE_LEAVE_A,
        personId: world.personA.id,
        destinationName: '北京市朝阳区',
        destinationDivisionCode: '110105',
        reason: '探亲',
        leaveDate: '2026-11-24',
        plannedReturnDate: '2026-11-27',
      },
    }),
    'GET /api/cadre-leaves': () => ({ url: `/api/cadre-leaves?jurisdiction=${COUNTY_A}` }),
    'GET /api/cadre-leaves/:id': () => ({ url: `/api/cadre-leaves/${CADRE_LEAVE_A}` }),
    'POST /api/cadre-leaves/:id/decision': () => ({
      url: `/api/cadre-leaves/${CADRE_LEAVE_A}/decision`,
      payload: { decision: 'approved', note: '同意' },
    }),
    'POST /api/cadre-leaves/:id/return': () => ({
      url: `/api/cadre-leaves/${CADRE_LEAVE_A}/return`,
      payload: { returnedAt: '2026-11-24T01:30:00Z' },
    }),
    'POST /api/cadre-leaves/:id/withdraw': () => ({
      url: `/api/cadre-leaves/${PENDING_LEAVE_A}/withdraw`,
      payload: { reason: '培训取消' },
    }),
    // Campaigns (TST-6 … TST-9): county A's campaign of the test world.
    'GET /api/campaigns': () => ({ url: `/api/campaigns?jurisdiction=${COUNTY_A}` }),
    'GET /api/campaigns/plan': () => ({
      url: `/api/campaigns/plan?jurisdictionCode=${COUNTY_A}&poolSize=10`,
    }),
    'POST /api/campaigns': () => ({
      url: '/api/campaigns',
      payload: {
        jurisdictionCode: COUNTY_A,
        name: '全员核酸第二轮',
        poolSize: 10,
        startsAt: '2026-11-25T00:00:00Z',
      },
    }),
    'GET /api/campaigns/:id': () => ({ url: `/api/campaigns/${world.testingA.campaignId}` }),
    'PATCH /api/campaigns/:id': () => ({
      url: `/api/campaigns/${world.testingA.campaignId}`,
      payload: { status: 'active' },
    }),
    'GET /api/campaigns/:id/progress': () => ({
      url: `/api/campaigns/${world.testingA.campaignId}/progress`,
    }),
    'GET /api/campaigns/:id/missing': () => ({
      url: `/api/campaigns/${world.testingA.campaignId}/missing?jurisdiction=${VILLAGE_A}`,
    }),
    'GET /api/campaigns/:id/missing.xlsx': () => ({
      url: `/api/campaigns/${world.testingA.campaignId}/missing.xlsx?jurisdiction=${VILLAGE_A}`,
    }),
    // Sampling (TST-1): the sample is registered before the tube routes, which then find its tube
    // open (a pool of 10 with one member) and seal it.
    'GET /api/sampling-sites': () => ({ url: `/api/sampling-sites?jurisdiction=${COUNTY_A}` }),
    'POST /api/sampling-sites': () => ({
      url: '/api/sampling-sites',
      payload: { jurisdictionCode: COUNTY_A, name: '太平镇采样点', address: '太平镇政府广场', tables: 4 },
    }),
    'PATCH /api/sampling-sites/:id': () => ({
      url: `/api/sampling-sites/${world.testingA.siteId}`,
      payload: { tables: 4, address: '人民广场东侧' },
    }),
    'POST /api/sampling/samples': () => ({
      url: '/api/sampling/samples',
      payload: {
        siteId: world.testingA.siteId,
        tableNo: 1,
        tubeBarcode: SAMPLING_TUBE_A,
        idNumber: PERSON_A.idNumber,
        purpose: 'campaign',
        campaignId: world.testingA.campaignId,
        poolSize: 10,
      },
    }),
    'GET /api/sampling/tubes/:barcode': () => ({ url: `/api/sampling/tubes/${SAMPLING_TUBE_A}` }),
    'POST /api/sampling/tubes/:barcode/seal': () => ({ url: `/api/sampling/tubes/${SAMPLING_TUBE_A}/seal` }),
    'GET /api/sampling/sites/:id/today': () => ({
      url: `/api/sampling/sites/${world.testingA.siteId}/today?tableNo=1`,
    }),
    // Lab results (TST-1 … TST-3) on the tube the sampling requests above filled and sealed.
    'POST /api/lab-results/receipts': () => ({
      url: '/api/lab-results/receipts',
      payload: { labId: world.testingA.labId, barcodes: [SAMPLING_TUBE_A] },
    }),
    'POST /api/lab-results': () => ({
      url: '/api/lab-results',
      payload: { labId: world.testingA.labId, results: [{ barcode: SAMPLING_TUBE_A, result: 'negative' }] },
    }),
    'POST /api/lab-results/import': () => ({
      url: `/api/lab-results/import?labId=${world.testingA.labId}`,
      ...multipartFile('file', 'results.csv', `条码,结果\n${SAMPLING_TUBE_A},阴性\n`),
    }),
    'POST /api/lab-results/corrections': () => ({
      url: '/api/lab-results/corrections',
      payload: { barcode: SAMPLING_TUBE_A, result: 'invalid', reason: '实验室复核：原结果录入错误' },
    }),
    'GET /api/lab-results/turnaround': () => ({
      url: `/api/lab-results/turnaround?jurisdiction=${COUNTY_A}`,
    }),
    'GET /api/lab-results/overdue': () => ({ url: `/api/lab-results/overdue?labId=${world.testingA.labId}` }),
    'GET /api/lab-results/positives': () => ({ url: `/api/lab-results/positives?jurisdiction=${COUNTY_A}` }),
    'GET /api/tubes/:barcode': () => ({ url: `/api/tubes/${SAMPLING_TUBE_A}` }),
    'GET /api/person-controls': () => ({ url: `/api/person-controls?jurisdiction=${COUNTY_A}&state=all` }),
    'GET /api/persons/:id/controls': () => ({ url: `/api/persons/${world.personA.id}/controls` }),
    'POST /api/arrivals/boarding-check': () => ({
      url: '/api/arrivals/boarding-check',
      payload: {
        confirmed: false,
        suspected: false,
        closeContact: false,
        temperatureC: 36.5,
        negativeNatAt: '2026-11-22T02:00:00Z',
        boardingAt: '2026-11-24T06:00:00Z',
      },
    }),
    ...casesRequests(world),
    ...hospitalsRequests(world),
    ...drugSalesRequests(world),
    ...sentinelsRequests(world),
    ...alertsRequests(world),
    ...bulletinRequests(world),
    ...venuesRequests(world),
    ...coExposureRequests(world),
    ...investigationsRequests(world),
    ...contactsRequests(world),
    ...chainsRequests(world),
    ...epiTeamsRequests(world),
    ...isolationSitesRequests(world),
    ...isolationStaysRequests(world),
    ...isolationReleaseRequests(world),
    ...isolationDemandRequests(world),
    ...healthMonitoringRequests(world),
  };
}

/** 'METHOD /url' of a route that needs a signed-in caller. */
export function guarded(route: RouteOptions): string[] {
  if (route.config && (route.config as { public?: boolean }).public) return [];
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return [];
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.filter((m) => m !== 'HEAD' && m !== 'OPTIONS').map((m) => `${m} ${route.url}`);
}
