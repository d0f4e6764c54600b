import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines, type DeadlineInput, openDeadlines } from '../../platform/deadlines/service.js';
import {
  contactStepOwner,
  FALLBACK_CONTACT_CONTROL,
  HANDOVER_ACCEPT_HOURS,
} from '../../rules/contactControl.js';
import { countyOf } from '../../rules/landing.js';
import { type ContactPlan, contactPlan } from '../../rules/policy/contactPlan.js';
import type { ContactClass } from '../../rules/policy/outbreakTypes.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { contactControlInForce } from '../policy/index.js';

/** Deadlines of contacts are filed under this subject type (my work reads it back, workSubjects.ts). */
export const CONTACT_SUBJECT = 'contact';
export const HANDOVER_KIND = 'handover';

export interface StoredPlan extends ContactPlan {
  packId: string | null;
  packVersion: string | null;
}

/**
 * EPI-4: the plan of a contact of class `cls` managed in `home`, from the pack in force there on the
 * local date of the last exposure (its `contactControl`, else the marked fallback of
 * rules/contactControl.ts).
 */
export async function planContact(
  ctx: AppContext,
  tx: Queryable,
  home: string,
  cls: ContactClass,
  identifiedAt: Date,
  lastExposureAt: Date,
): Promise<StoredPlan> {
  // Read in the caller's transaction (ctx.db here would wait on it: one connection in PGlite). The
  // pack assigned to a receiving county lies outside a sender's scope, so a contact handed over is
  // planned by EPI-4's own words (the fallback) until that county accepts it and re-plans it by its
  // own pack (acceptHandover), the transfer still due 12 hours after the identification.
  const timeZone = await effectiveTimeZone(tx, home, ctx.config.defaultTimeZone);
  const found = await contactControlInForce(ctx.db, tx, home, localDate(lastExposureAt, timeZone));
  const control = found?.control ?? FALLBACK_CONTACT_CONTROL;
  const plan =
    contactPlan(control, cls, identifiedAt, lastExposureAt, timeZone) ??
    // The pack lists other classes but not this one: EPI-4's own words apply.
    (contactPlan(FALLBACK_CONTACT_CONTROL, cls, identifiedAt, lastExposureAt, timeZone) as ContactPlan);
  return { ...plan, packId: found?.pack.packId ?? null, packVersion: found?.pack.packVersion ?? null };
}

const stepKind = (s: ContactPlan['steps'][number]) =>
  s.kind === 'test' ? `test:${String(s.day ?? 0).padStart(2, '0')}` : s.kind;

/**
 * The deadlines of a plan (EPI-4): the transfer (12 h from identification, county working group),
 * centralised isolation and its tests (county isolation managers), home isolation (the community).
 * Elapsed steps open nothing; a step is never overdue when opened (contactPlan moves missed tests).
 */
export function planDeadlines(
  plan: ContactPlan,
  contact: { id: string; personId: string; jurisdictionCode: string },
  openedAt: Date,
): DeadlineInput[] {
  return plan.steps
    .filter((s) => !s.elapsed && s.dueAt.getTime() > openedAt.getTime())
    .map((s): DeadlineInput => {
      const owner = contactStepOwner(plan.class, s.kind);
      const until = s.untilDate ? `（至${s.untilDate}）` : '';
      const untilEn = s.untilDate ? ` (until ${s.untilDate})` : '';
      return {
        ruleId: 'EPI-4',
        subjectType: CONTACT_SUBJECT,
        subjectId: contact.id,
        kind: stepKind(s),
        personId: contact.personId,
        jurisdictionCode:
          owner.level === 'county' ? countyOf(contact.jurisdictionCode) : contact.jurisdictionCode,
        ownerRole: owner.role,
        dueAt: s.dueAt,
        title: { zh: `${s.title.zh}${until}`.slice(0, 200), en: `${s.title.en}${untilEn}`.slice(0, 200) },
        openedAt,
      };
    });
}

/** Regional collaboration: the receiving county's working group accepts within 2 hours (assumption). */
export function handoverDeadline(
  contact: { id: string; personId: string; jurisdictionCode: string },
  from: string,
  openedAt: Date,
): DeadlineInput {
  return {
    ruleId: 'EPI-4',
    subjectType: CONTACT_SUBJECT,
    subjectId: contact.id,
    kind: HANDOVER_KIND,
    personId: contact.personId,
    jurisdictionCode: countyOf(contact.jurisdictionCode),
    ownerRole: 'working_group',
    dueAt: new Date(openedAt.getTime() + HANDOVER_ACCEPT_HOURS * 3_600_000),
    title: { zh: `接收外地移交的接触者（来自${from}）`, en: `Accept a contact handed over (from ${from})` },
    openedAt,
  };
}

/**
 * Opens the deadlines in the contact's jurisdiction: directly when the caller's scope covers it, else
 * through the definer function of migration 0155 (a hand-over: the receiving county's deadlines lie
 * outside the sender's scope).
 */
export async function openContactDeadlines(
  tx: Queryable,
  contactId: string,
  inputs: DeadlineInput[],
  inScope: boolean,
  openedAt: Date,
): Promise<void> {
  if (inputs.length === 0) return;
  if (inScope) {
    await openDeadlines(tx, inputs);
    return;
  }
  await tx.query('SELECT fangkong_contact_handover_deadlines($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    contactId,
    inputs.map((i) => i.ruleId),
    inputs.map((i) => i.kind),
    inputs.map((i) => i.ownerRole),
    inputs.map((i) => i.jurisdictionCode),
    inputs.map((i) => i.title.zh),
    inputs.map((i) => i.title.en),
    inputs.map((i) => i.dueAt.toISOString()),
    openedAt.toISOString(),
  ]);
}

/** Cancels every open deadline of a contact (superseded plan, discarded contact). */
export function cancelContactDeadlines(tx: Queryable, contactId: string, reason: string, at: Date) {
  return cancelDeadlines(tx, { subjectType: CONTACT_SUBJECT, subjectId: contactId }, reason, at);
}
