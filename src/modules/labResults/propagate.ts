import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { type DeadlineInput, openDeadlines } from '../../platform/deadlines/service.js';
import { AppError } from '../../platform/errors.js';
import { CASE_REPORT_HOURS, RESAMPLE_HOURS } from '../../rules/testingDeadlines.js';
import { recordPlanEvent } from '../arrivals/index.js';
import {
  caseReportKind,
  clearPoolControlsByNegativeTubes,
  openPersonControls,
  PERSON_SUBJECT,
  resampleKind,
} from '../testing/index.js';
import type { LabResult } from './input.js';
import type { LabRef } from './lab.js';

/** A tube whose result was just written. */
export interface AppliedTube {
  id: string;
  barcode: string;
  result: LabResult;
  memberCount: number;
  jurisdictionCode: string;
  resultedAt: Date;
}

/** Something the result could not do on its own (never a reason to refuse the result itself). */
export interface PropagationNote {
  barcode: string;
  kind: 'plan_not_recorded' | 'member_out_of_scope';
  arrivalId?: string;
  item?: string;
  code: string;
}

const HOUR = 3_600_000;

interface Member {
  tubeId: string;
  personId: string;
  personJurisdiction: string | null;
  /** Where the person is registered (samples.home_code), known even when RLS hides the person. */
  homeCode: string | null;
}

/** A member with the positive tube they were sampled into. */
type Sampled = Member & { tube: AppliedTube };

/** The tube a sample names, among the tubes its query asked about. */
function tubeOf(byId: ReadonlyMap<string, AppliedTube>, tubeId: string): AppliedTube {
  const tube = byId.get(tubeId);
  if (!tube) throw new Error(`a sample of tube ${tubeId}, which the query did not ask about`);
  return tube;
}

/**
 * What results do to people (TST-1, TST-3): a positive pool puts every member under control with a
 * re-sampling task; a positive individual puts the person under control and owes the CAS-2 report in
 * 2 hours; a negative individual tube clears a pool_positive control opened before it was sampled;
 * an arrival plan's test gets its result. Set-based per chunk; per person only for positives.
 */
export async function propagate(
  tx: Queryable,
  actor: Actor,
  lab: LabRef,
  tubes: readonly AppliedTube[],
  now: Date,
) {
  const effects = { positives: 0, controlsOpened: 0, controlsCleared: 0, notes: [] as PropagationNote[] };
  if (tubes.length === 0) return effects;
  const positives = tubes.filter((tube) => tube.result === 'positive');
  effects.positives = positives.length;
  if (positives.length > 0) {
    const opened = await openControls(tx, actor, lab, positives, now);
    effects.controlsOpened = opened.count;
    effects.notes.push(...opened.notes);
  }
  const negativeSingles = tubes.filter((tube) => tube.result === 'negative' && tube.memberCount === 1);
  if (negativeSingles.length > 0) {
    const cleared = await clearPoolControlsByNegativeTubes(
      tx,
      negativeSingles.map((tube) => tube.id),
      now,
    );
    effects.controlsCleared = cleared.length;
  }
  effects.notes.push(...(await recordOnPlans(tx, actor, tubes)));
  return effects;
}

async function openControls(
  tx: Queryable,
  actor: Actor,
  lab: LabRef,
  positives: readonly AppliedTube[],
  now: Date,
) {
  const notes: PropagationNote[] = [];
  // LEFT JOIN: a member living outside the poster's subtree is not visible to them (RLS).
  const rows = await tx.query<Member>(
    `SELECT s.tube_id AS "tubeId", s.person_id AS "personId", p.jurisdiction_code AS "personJurisdiction",
       s.home_code AS "homeCode"
     FROM samples s LEFT JOIN persons p ON p.id = s.person_id WHERE s.tube_id = ANY ($1::uuid[])
     ORDER BY s.tube_id, s.sampled_at`,
    [positives.map((tube) => tube.id)],
  );
  const byId = new Map(positives.map((tube) => [tube.id, tube]));
  const members: Sampled[] = rows.map((m) => ({ ...m, tube: tubeOf(byId, m.tubeId) }));
  const visible: Array<Sampled & { personJurisdiction: string }> = [];
  for (const m of members) {
    if (m.personJurisdiction) visible.push({ ...m, personJurisdiction: m.personJurisdiction });
    else
      notes.push({ barcode: m.tube.barcode, kind: 'member_out_of_scope', code: 'jurisdiction_out_of_scope' });
  }
  const pooled = (m: Sampled) => m.tube.memberCount > 1;
  const inserted = await openPersonControls(
    tx,
    visible.map((m) => ({
      personId: m.personId,
      jurisdictionCode: m.personJurisdiction,
      reason: pooled(m) ? 'pool_positive' : 'individual_positive',
      tubeId: m.tubeId,
      startedAt: m.tube.resultedAt,
    })),
  );
  // A member registered outside the poster's subtree is still owed a re-sample: the poster's CDC
  // hands them over to their home jurisdiction (协查), an obligation kept on the poster's own list.
  const handOvers = members
    .filter((m) => !m.personJurisdiction && pooled(m))
    .map((m): DeadlineInput => {
      const { tube } = m;
      return {
        subjectType: PERSON_SUBJECT,
        subjectId: m.personId,
        personId: m.personId,
        openedAt: now,
        ruleId: 'TST-1',
        kind: resampleKind(tube.id),
        jurisdictionCode: lab.jurisdictionCode,
        ownerRole: 'cdc_epidemiologist',
        dueAt: new Date(tube.resultedAt.getTime() + RESAMPLE_HOURS * HOUR),
        title: {
          zh: `混采阳性，外辖区人员（${m.homeCode ?? '未知'}）协查单管复核（管 ${tube.barcode}）`,
          en: `Pooled tube positive: hand over a member of ${m.homeCode ?? 'unknown'} for re-sampling (tube ${tube.barcode})`,
        },
      };
    });
  await openDeadlines(tx, handOvers);
  await openDeadlines(
    tx,
    visible.map((m): DeadlineInput => {
      const { tube } = m;
      const common = {
        subjectType: PERSON_SUBJECT,
        subjectId: m.personId,
        personId: m.personId,
        openedAt: now,
      };
      if (pooled(m))
        return {
          ...common,
          ruleId: 'TST-1',
          kind: resampleKind(tube.id),
          jurisdictionCode: m.personJurisdiction,
          ownerRole: 'community_worker',
          dueAt: new Date(tube.resultedAt.getTime() + RESAMPLE_HOURS * HOUR),
          title: {
            zh: `混采阳性，单管复核采样（管 ${tube.barcode}）`,
            en: `Pooled tube positive: individual re-sampling (tube ${tube.barcode})`,
          },
        };
      return {
        ...common,
        ruleId: 'CAS-2',
        kind: caseReportKind(tube.id),
        jurisdictionCode: lab.jurisdictionCode,
        ownerRole: 'lab',
        dueAt: new Date(tube.resultedAt.getTime() + CASE_REPORT_HOURS * HOUR),
        title: {
          zh: `核酸检测阳性，2小时内上报（管 ${tube.barcode}）`,
          en: `Positive NAT result: report within 2 hours (tube ${tube.barcode})`,
        },
      };
    }),
  );
  for (const tube of positives) {
    const people = visible.filter((m) => m.tubeId === tube.id).map((m) => m.personId);
    await recordAudit(tx, actor, {
      action: 'lab_result_positive',
      entity: 'tube',
      entityId: tube.id,
      jurisdictionCode: tube.jurisdictionCode,
      after: { barcode: tube.barcode, result: tube.result, resultedAt: tube.resultedAt.toISOString() },
      detail: { labId: lab.id, members: tube.memberCount, controlled: people },
    });
  }
  return { count: inserted.length, notes };
}

/** Records each arrival-linked sample's result on its plan; a plan's refusal becomes a note, not an error. */
async function recordOnPlans(tx: Queryable, actor: Actor, tubes: readonly AppliedTube[]) {
  const notes: PropagationNote[] = [];
  const linked = await tx.query<{ tubeId: string; arrivalId: string; item: string }>(
    `SELECT tube_id AS "tubeId", arrival_id AS "arrivalId", plan_item AS item FROM samples
     WHERE tube_id = ANY ($1::uuid[]) AND arrival_id IS NOT NULL AND plan_item IS NOT NULL`,
    [tubes.map((tube) => tube.id)],
  );
  const byId = new Map(tubes.map((tube) => [tube.id, tube]));
  for (const sample of linked) {
    const tube = tubeOf(byId, sample.tubeId);
    const base = {
      barcode: tube.barcode,
      kind: 'plan_not_recorded' as const,
      arrivalId: sample.arrivalId,
      item: sample.item,
    };
    // An invalid result answers nothing: the plan's test stays owed.
    if (tube.result === 'invalid') {
      notes.push({ ...base, code: 'result_invalid' });
      continue;
    }
    await tx.query('SAVEPOINT lab_plan_event');
    try {
      await recordPlanEvent(tx, actor, sample.arrivalId, {
        item: sample.item,
        result: tube.result,
        at: tube.resultedAt,
      });
      await tx.query('RELEASE SAVEPOINT lab_plan_event');
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT lab_plan_event');
      if (!(error instanceof AppError)) throw error;
      notes.push({ ...base, code: error.fields[0]?.code ?? error.code });
    }
  }
  return notes;
}
