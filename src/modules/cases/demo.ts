import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { openDeadlines } from '../../platform/deadlines/service.js';
import { CASE_REPORT_HOURS } from '../../rules/testingDeadlines.js';
import {
  caseReportKind,
  insertSample,
  openTube,
  PERSON_SUBJECT,
  writeTubeResults,
} from '../testing/index.js';
import { reclassifyCase } from './amend.js';
import { reportCase } from './report.js';
import { reviewCase } from './review.js';

const HOUR = 3_600_000;
const at = (ctx: AppContext, hoursAgo: number) => new Date(ctx.now().getTime() - hoursAgo * HOUR);
const contextAt = (ctx: AppContext, instant: Date): AppContext => ({ ...ctx, now: () => instant });

interface Place {
  county: string;
  siteId: string;
  labId: string;
  labName: string;
}

/** A positive individual result of the person, as the lab left it, with the 2-hour report item it opens (CAS-2). */
async function positive(
  ctx: AppContext,
  actor: Actor,
  place: Place,
  person: { id: string; code: string },
  n: number,
  hoursAgo: number,
) {
  const resultedAt = at(ctx, hoursAgo);
  const sampledAt = new Date(resultedAt.getTime() - 5 * HOUR);
  return withScope(ctx.db, actor, async (tx) => {
    const barcode = `DEMO-CAS-${String(n).padStart(4, '0')}`;
    const tube = await openTube(tx, {
      barcode,
      jurisdictionCode: place.county,
      siteId: place.siteId,
      tableNo: 1,
      campaignId: null,
      category: 'hospital',
      capacity: 1,
      openedAt: sampledAt,
      dueAt: new Date(sampledAt.getTime() + 6 * HOUR),
      openedBy: actor.userId,
    });
    if (!tube) return barcode;
    await insertSample(tx, {
      tubeId: tube.id,
      personId: person.id,
      jurisdictionCode: place.county,
      campaignId: null,
      purpose: 'clinical',
      arrivalId: null,
      planItem: null,
      sampledAt,
      sampledBy: actor.userId,
    });
    await writeTubeResults(
      tx,
      place.labId,
      [
        {
          tubeId: tube.id,
          result: 'positive',
          testedAt: resultedAt,
          reference: null,
          ctOrf1ab: 28.1,
          ctN: 27.5,
        },
      ],
      ctx.now(),
    );
    await openDeadlines(tx, [
      {
        subjectType: PERSON_SUBJECT,
        subjectId: person.id,
        personId: person.id,
        openedAt: resultedAt,
        ruleId: 'CAS-2',
        kind: caseReportKind(tube.id),
        jurisdictionCode: place.county,
        ownerRole: 'lab',
        dueAt: new Date(resultedAt.getTime() + CASE_REPORT_HOURS * HOUR),
        title: {
          zh: `核酸检测阳性，2小时内上报（管 ${barcode}）`,
          en: `Positive NAT result: report within 2 hours (tube ${barcode})`,
        },
      },
    ]);
    return barcode;
  });
}

const card = (institution: string) => ({
  reportingInstitution: institution,
  reportingDoctor: '刘晓梅',
  exposureSummary: '近14天无中高风险地区旅居史，家庭成员同住',
  currentLocation: '盘山县人民医院隔离病区',
});

/**
 * Demo cases (CAS-1, CAS-2) in the demo county, so that the list, the review queue and every kind on
 * the board have rows: a confirmed case reported in time and reviewed; a report made 4 hours late and
 * still unreviewed past its due (late report, late review); an asymptomatic infection turned confirmed;
 * a suspected case awaiting review; a positive unreported for 3 hours (overdue) and one unreported
 * for 30 hours (concealed). Runs once: nothing is added when the demo tubes exist.
 */
export async function loadCasesDemo(
  ctx: AppContext,
  lab: Actor,
  cdc: Actor,
  hospital: Actor,
  county: string,
) {
  const [done] = await ctx.db.query("SELECT 1 FROM tubes WHERE barcode = 'DEMO-CAS-0001'");
  if (done) return;
  const [site] = await ctx.db.query<{ id: string }>(
    'SELECT id FROM sampling_sites WHERE jurisdiction_code ^@ $1 ORDER BY name LIMIT 1',
    [county],
  );
  const [labRow] = await ctx.db.query<{ id: string; name: string }>(
    'SELECT id, name FROM labs WHERE jurisdiction_code ^@ $1 ORDER BY jurisdiction_code, name LIMIT 1',
    [county],
  );
  const people = await ctx.db.query<{ id: string; code: string }>(
    `SELECT p.id, p.jurisdiction_code AS code FROM persons p
     WHERE p.jurisdiction_code ^@ $1 AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM samples s WHERE s.person_id = p.id)
     ORDER BY p.id LIMIT 6`,
    [county],
  );
  if (!site || !labRow || people.length < 6) return;
  const place = { county, siteId: site.id, labId: labRow.id, labName: labRow.name };
  const [a, b, c, d, e, f] = people as [
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
  ];
  const report = (actorAt: Actor, hoursAgo: number, input: Parameters<typeof reportCase>[3]) =>
    withScope(ctx.db, actorAt, (tx) => reportCase(contextAt(ctx, at(ctx, hoursAgo)), tx, actorAt, input));

  const tubeA = await positive(ctx, lab, place, a, 1, 30);
  const caseA = await report(lab, 29.5, {
    tubeBarcode: tubeA,
    classification: 'confirmed',
    severity: 'moderate',
    ...card(place.labName),
  });
  await withScope(ctx.db, cdc, (tx) =>
    reviewCase(contextAt(ctx, at(ctx, 28)), tx, cdc, caseA.view.id, '信息完整，审核通过'),
  );

  const tubeB = await positive(ctx, lab, place, b, 2, 10);
  await report(hospital, 6, {
    tubeBarcode: tubeB,
    classification: 'asymptomatic',
    ...card('盘山县人民医院'),
  });

  const tubeF = await positive(ctx, lab, place, f, 6, 50);
  const caseF = await report(lab, 49, {
    tubeBarcode: tubeF,
    classification: 'asymptomatic',
    ...card(place.labName),
  });
  await withScope(ctx.db, cdc, (tx) =>
    reviewCase(contextAt(ctx, at(ctx, 48)), tx, cdc, caseF.view.id, undefined),
  );
  await withScope(ctx.db, hospital, (tx) =>
    reclassifyCase(contextAt(ctx, at(ctx, 20)), tx, hospital, caseF.view.id, {
      classification: 'confirmed',
      severity: 'mild',
      reason: '出现发热、咳嗽，胸部影像示肺炎，无症状感染者转确诊病例',
    }),
  );
  await withScope(ctx.db, cdc, (tx) =>
    reviewCase(contextAt(ctx, at(ctx, 19)), tx, cdc, caseF.view.id, '同意订正'),
  );

  await report(hospital, 1, {
    personId: e.id,
    classification: 'suspected',
    foundAt: at(ctx, 1.5).toISOString(),
    onsetAt: at(ctx, 30).toISOString(),
    ...card('盘山县人民医院发热门诊'),
  });
  await positive(ctx, lab, place, d, 4, 3);
  await positive(ctx, lab, place, c, 3, 30);
}
