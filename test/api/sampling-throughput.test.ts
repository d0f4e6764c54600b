import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSealedPersons, sealPerson } from '../../src/modules/persons/index.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let cookie: string;
const PEOPLE = 400;
const ids = Array.from({ length: PEOPLE }, (_, i) => withCheckDigit(`21112219850101${100 + i}`));

beforeAll(async () => {
  env = await openWorldApp();
  cookie = await signInAs(env.app, 'a_admin');
  const rows = ids.map((idNumber, i) =>
    sealPerson(env.ctx.cipher, {
      name: `居民${i}`,
      idType: 'resident_id',
      idNumber,
      phone: null,
      sex: null,
      birthDate: null,
      jurisdictionCode: VILLAGE_A,
      address: null,
      employer: null,
      householdCode: null,
      keyGroups: [],
    }),
  );
  await env.db.transaction((tx) => insertSealedPersons(tx, rows));
});
afterAll(() => env.close());

/**
 * Issue 5: "fast enough for a table that samples one person every few seconds" — the platform must
 * never be the bottleneck of a campaign. Registered people into 10-in-1 tubes through the HTTP API,
 * one request at a time as a table sends them. The rate is printed for information only: it is
 * measured by `npm run bench -- samplingHttp` (BENCHMARKS.md), never asserted here.
 */
describe('TST-1 sampling registration rate', () => {
  it('registers 400 people one after another through HTTP into 40 full, sealed tubes (rate in npm run bench)', async () => {
    const started = performance.now();
    for (let i = 0; i < PEOPLE; i += 1) {
      const response = await env.app.inject({
        method: 'POST',
        url: '/api/sampling/samples',
        headers: { cookie },
        payload: {
          siteId: env.world.testingA.siteId,
          tableNo: 1 + (i % 3),
          tubeBarcode: `RATE-${String(Math.floor(i / 10)).padStart(6, '0')}`,
          idNumber: ids[i],
          purpose: 'campaign',
          campaignId: env.world.testingA.campaignId,
        },
      });
      if (response.statusCode !== 201) throw new Error(response.body);
    }
    const perSecond = PEOPLE / ((performance.now() - started) / 1000);
    console.log(`sampling registrations: ${perSecond.toFixed(0)}/s (${env.db.kind})`);
    const [tubes] = await env.db.query<{ sealed: number }>(
      "SELECT count(*)::int AS sealed FROM tubes WHERE barcode LIKE 'RATE-%' AND sealed_at IS NOT NULL AND member_count = 10",
    );
    expect(tubes!.sealed).toBe(PEOPLE / 10);
  });
});
