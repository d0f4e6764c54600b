import { createUser } from '../../platform/access/accounts.js';
import type { AppContext } from '../../platform/context.js';
import { ROLES, type Role } from '../../rules/roles.js';
import { importDivisions, insertGrids } from '../jurisdictions/index.js';
import { insertSealedPersons, type SealedPerson, sealPerson } from '../persons/index.js';
import { assignShippedPack } from '../policy/index.js';
import { loadDemoActivity } from './activity.js';
import { loadDemoAlerts } from './alertsDemo.js';
import { loadDemoBulletin } from './bulletinDemo.js';
import { loadDemoCases } from './casesDemo.js';
import { loadDemoChains } from './chainsDemo.js';
import { loadDemoContacts } from './contactsDemo.js';
import { loadDemoDrugSales } from './drugSalesDemo.js';
import { loadDemoEpiTeams } from './epiTeamsDemo.js';
import { loadDemoHospitals } from './hospitalsDemo.js';
import { loadDemoInvestigations } from './investigationsDemo.js';
import { loadDemoIsolation } from './isolationDemo.js';
import { demoPeople } from './people.js';
import { seededRandom } from './random.js';
import { loadDemoSentinels } from './sentinelsDemo.js';
import { loadDemoTesting } from './testing.js';
import { loadDemoVenues } from './venuesDemo.js';

/** 盘山县, Panjin, Liaoning: the demo county, on its real GB/T 2260 divisions. */
export const DEMO_COUNTY = '211122';
export const DEMO_PASSWORD = 'Fangkong@2026';
const GRIDS_PER_VILLAGE = 3;
const GRID_NAMES = ['第一网格', '第二网格', '第三网格'];
const BATCH = 2000;
const ROLE_NAMES_ZH: Record<Role, string> = {
  commander: '指挥长',
  working_group: '专班',
  cdc_epidemiologist: '疾控流调',
  lab: '检测机构',
  hospital_reporter: '医院报告员',
  fever_clinic: '发热门诊',
  pharmacy: '药店',
  community_worker: '社区网格员',
  isolation_manager: '隔离点点长',
  checkpoint_staff: '卡口人员',
  department_liaison: '行业主管部门',
  school_reporter: '学校报告员',
  supervisor: '督查组',
  admin: '系统管理员',
};

export interface DemoLogin {
  username: string;
  role: Role;
  scope: string;
}

async function addGrids(ctx: AppContext): Promise<{ code: string; name: string }[]> {
  const villages = await ctx.db.query<{ code: string; name: string }>(
    "SELECT code, name FROM jurisdictions WHERE level = 'village' AND code ^@ $1 ORDER BY code",
    [DEMO_COUNTY],
  );
  const grids = villages.flatMap((village) =>
    GRID_NAMES.slice(0, GRIDS_PER_VILLAGE).map((name, i) => ({
      code: `${village.code}${String(i + 1).padStart(3, '0')}`,
      parent: village.code,
      name,
      place: `${village.name.replace(/(村民|居民)委员会$/, '')}${name}`,
    })),
  );
  await insertGrids(
    ctx.db,
    grids.map((g) => ({ code: g.code, parentCode: g.parent, name: g.name })),
  );
  return grids.map((g) => ({ code: g.code, name: g.place }));
}

async function addUsers(ctx: AppContext, firstVillage: string): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const role of ROLES) {
    const scope = role === 'community_worker' ? firstVillage : DEMO_COUNTY;
    logins.push({ username: role, role, scope });
  }
  for (const login of logins) {
    const [exists] = await ctx.db.query('SELECT 1 FROM users WHERE username = $1', [login.username]);
    if (exists) continue;
    await createUser(ctx.db, undefined, {
      username: login.username,
      displayName: `演示${ROLE_NAMES_ZH[login.role]}`,
      password: DEMO_PASSWORD,
      roles: [login.role],
      scopes: [login.scope],
    });
  }
  return logins;
}

/**
 * Loads the deterministic demo county: divisions, three grids per community, `persons` residents
 * in households with key groups, and one account per role. Safe to run again: nothing doubles.
 */
export async function loadDemo(ctx: AppContext, persons: number, onProgress?: (done: number) => void) {
  await importDivisions(ctx.db, DEMO_COUNTY);
  const grids = await addGrids(ctx);
  const [firstGrid] = grids;
  if (!firstGrid)
    throw new Error(`no villages in the demo county ${DEMO_COUNTY}: its divisions did not import`);
  const logins = await addUsers(ctx, firstGrid.code.slice(0, 12));
  // The county's own plan [003] governs its arrivals; an HQ assigns another pack in the policy page.
  await assignShippedPack(ctx.db, DEMO_COUNTY, 'panshan-2021');
  const random = seededRandom(20221108);
  let batch: SealedPerson[] = [];
  let done = 0;
  let created = 0;
  for (const person of demoPeople(random, grids, persons, DEMO_COUNTY)) {
    batch.push(sealPerson(ctx.cipher, person));
    if (batch.length === BATCH) {
      created += await ctx.db.transaction((tx) => insertSealedPersons(tx, batch));
      done += batch.length;
      batch = [];
      onProgress?.(done);
    }
  }
  created += await ctx.db.transaction((tx) => insertSealedPersons(tx, batch));
  onProgress?.(done + batch.length);
  await ctx.db.refreshStatistics(['jurisdictions', 'persons']);
  // Risk areas, arrivals with their plans and landing-code reports, so the arrival pages are not empty.
  const activity = await loadDemoActivity(ctx, DEMO_COUNTY);
  // Labs, sampling sites, the full-population campaign's first samples and the lab's results.
  const campaignSamples = await loadDemoTesting(ctx);
  // The outbreak response, in the order its data depends on: cases, their hospitals, the feeds, alerts over them.
  await loadDemoCases(ctx);
  await loadDemoHospitals(ctx);
  await loadDemoDrugSales(ctx);
  await loadDemoSentinels(ctx);
  await loadDemoAlerts(ctx);
  await loadDemoEpiTeams(ctx);
  await loadDemoVenues(ctx);
  await loadDemoInvestigations(ctx);
  await loadDemoContacts(ctx);
  await loadDemoChains(ctx);
  await loadDemoIsolation(ctx);
  // CAS-5 after every demo that reports cases: the chain's cluster began before the other local cases,
  // so the conference owed is its first case's (opened earlier, the server's sweep would owe a second).
  await loadDemoBulletin(ctx);
  return { logins, created, grids: grids.length, activity, campaignSamples };
}
