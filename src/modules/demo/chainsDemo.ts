import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { withCheckDigit } from '../../rules/idNumber.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { reportCase, reviewCase } from '../cases/index.js';
import { addDemoLink } from '../chains/index.js';
import { contextAt } from './clock.js';
import { DEMO_COUNTY } from './load.js';

const HOUR = 3_600_000;
/** The evidence of the demo's first link: its presence marks the demo as loaded. */
const FIRST_EVIDENCE = '夫妻同住，发病前3天共同生活';

async function actorOf(ctx: AppContext, username: string): Promise<Actor | undefined> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    'SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = $1',
    [username],
  );
  return row ? { userId: row.id, username, ...row, permissions: permissionsOf(row.roles) } : undefined;
}

/** The cluster's cases: name, ID body (17 digits), onset and report (hours ago), finder. */
const CASES = [
  { name: '赵德顺', id: '21112219620315401', onset: 9 * 24, report: 8 * 24, by: '盘山县人民医院发热门诊' },
  { name: '赵桂兰', id: '21112219650822402', onset: 5 * 24 + 6, report: 4 * 24 + 20, by: '盘山县人民医院' },
  { name: '孙明辉', id: '21112219880910403', onset: 5 * 24, report: 4 * 24, by: '盘山县疾控中心' },
  { name: '赵小雨', id: '21112220120101404', onset: 2 * 24, report: 26, by: '盘山县人民医院' },
  { name: '钱立军', id: '21112219790707405', onset: 36, report: 20, by: '盘山县中医院' },
] as const;

/**
 * The demo county's transmission chain (EPI-5), loaded after its cases: a family cluster of five
 * cases over three generations. 赵德顺 (found by the fever clinic: credited) infected his wife at
 * home and a colleague at work (second generation, flagged); the wife infected their granddaughter
 * (third generation), which put the accountability investigation on the commander's list; 钱立军
 * met both the wife and the colleague at a dinner (two candidate infectors, probable and possible).
 * Runs once: nothing is added when the county already has the demo's first link.
 */
export async function loadDemoChains(ctx: AppContext): Promise<void> {
  const [done] = await ctx.db.query(
    'SELECT 1 FROM chain_links WHERE infectee_jurisdiction ^@ $1 AND evidence = $2 LIMIT 1',
    [DEMO_COUNTY, FIRST_EVIDENCE],
  );
  if (done) return;
  const [cdc, hospital] = await Promise.all(
    ['cdc_epidemiologist', 'hospital_reporter'].map((name) => actorOf(ctx, name)),
  );
  const [village] = await ctx.db.query<{ code: string }>(
    'SELECT code FROM jurisdictions WHERE code ^@ $1 AND length(code) = 12 ORDER BY code LIMIT 1',
    [DEMO_COUNTY],
  );
  if (!cdc || !hospital || !village) return;
  const ago = (hours: number) => new Date(ctx.now().getTime() - hours * HOUR);
  const ids: string[] = [];
  for (const c of CASES) {
    const at = ago(c.report);
    const { view } = await withScope(ctx.db, hospital, (tx) =>
      reportCase(contextAt(ctx, at), tx, hospital, {
        person: { name: c.name, idNumber: withCheckDigit(c.id), jurisdictionCode: village.code },
        classification: 'confirmed',
        severity: 'mild',
        onsetAt: ago(c.onset).toISOString(),
        foundAt: new Date(at.getTime() - HOUR).toISOString(),
        reportingInstitution: c.by,
        reportingDoctor: '刘晓梅',
        exposureSummary: '家庭聚集性疫情，流调中',
      }),
    );
    await withScope(ctx.db, cdc, (tx) =>
      reviewCase(contextAt(ctx, new Date(at.getTime() + HOUR)), tx, cdc, view.id, '信息完整，审核通过'),
    );
    ids.push(view.id);
  }
  const [index, wife, colleague, granddaughter, diner] = ids as [string, string, string, string, string];
  const link = (
    hoursAgo: number,
    infectorCaseId: string,
    infecteeCaseId: string,
    certainty: 'confirmed' | 'probable' | 'possible',
    evidenceKind: 'household' | 'workplace' | 'gathering',
    evidence: string,
    exposureHoursAgo: number,
  ) =>
    withScope(ctx.db, cdc, (tx) =>
      addDemoLink(contextAt(ctx, ago(hoursAgo)), tx, cdc, {
        infectorCaseId,
        infecteeCaseId,
        certainty,
        evidenceKind,
        evidence,
        exposureAt: ago(exposureHoursAgo).toISOString(),
      }),
    );
  await link(90, index, wife, 'confirmed', 'household', FIRST_EVIDENCE, 8 * 24);
  await link(88, index, colleague, 'probable', 'workplace', '同一车间工作，发病前2天共处8小时', 7 * 24 + 4);
  await link(6, wife, granddaughter, 'confirmed', 'household', '祖孙同住，由祖母接送上学', 4 * 24);
  await link(4, wife, diner, 'probable', 'gathering', '家庭聚餐同桌，约2小时', 4 * 24 + 2);
  await link(3, colleague, diner, 'possible', 'gathering', '同一饭店相邻包间', 4 * 24 + 2);
}
