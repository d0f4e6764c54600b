import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { idHash, phoneHash } from '../../platform/pii/seal.js';
import { checkIdNumber, checkResidentId } from '../../rules/idNumber.js';
import { normalizePhone } from '../../rules/mask.js';
import { localDate } from '../../rules/time.js';
import { auditExactSearch, type ExactTerms } from './privacyGuard.js';
import { PERSON_FROM_SQL, PERSON_VIEW_SQL, type PersonRow, type PersonView, presentPerson } from './view.js';

export interface PersonFilter {
  /** Name prefix. */
  q?: string | undefined;
  idNumber?: string | undefined;
  phone?: string | undefined;
  /** A subtree within the caller's scope. */
  jurisdiction?: string | undefined;
  keyGroup?: string | undefined;
  householdCode?: string | undefined;
}

/** Counting stops here: beyond it a list is paged, not read, and an exact count costs a full scan. */
export const COUNT_CAP = 10_000;

/**
 * The keyed hashes an exact search looks for: the ID number and phone filters, or a search box
 * holding a whole resident ID number (18 characters) or phone number instead of a name.
 */
export function exactTerms(ctx: AppContext, filter: PersonFilter): ExactTerms {
  const today = localDate(ctx.now(), ctx.config.defaultTimeZone);
  const term = filter.q?.trim() ?? '';
  const qId = /^\d{17}[\dXx]$/.test(term) ? checkResidentId(term, today) : undefined;
  const qPhone = /^[\d\s()+-]{7,20}$/.test(term) ? normalizePhone(term) : undefined;
  const terms: ExactTerms = {};
  if (filter.idNumber?.trim()) {
    const id = checkIdNumber('other', filter.idNumber, today);
    terms.idHash = idHash(ctx.cipher, id.ok ? id.normalized : filter.idNumber.trim().toUpperCase());
  } else if (qId) {
    terms.idHash = idHash(ctx.cipher, qId.ok ? qId.normalized : term.toUpperCase());
  }
  if (filter.phone?.trim()) {
    terms.phoneHash = phoneHash(ctx.cipher, normalizePhone(filter.phone) ?? filter.phone.trim());
  } else if (qPhone && !qId) {
    terms.phoneHash = phoneHash(ctx.cipher, qPhone);
  }
  return terms;
}

/** True when the search box holds a number searched for exactly, not a name prefix. */
const qIsExact = (terms: ExactTerms, filter: PersonFilter) =>
  (terms.idHash && !filter.idNumber?.trim()) || (terms.phoneHash && !filter.phone?.trim());

/**
 * Builds the WHERE clause. Every condition is index-friendly under row-level security: exact
 * hashes, and ranges (not LIKE) for code and name prefixes.
 */
export function personWhere(ctx: AppContext, actor: Actor, filter: PersonFilter, params: unknown[]): string {
  const conditions = [scopeCondition('p.jurisdiction_code', actor.scopes, params)];
  if (filter.jurisdiction)
    conditions.push(scopeCondition('p.jurisdiction_code', [filter.jurisdiction], params));
  const terms = exactTerms(ctx, filter);
  if (filter.q?.trim() && !qIsExact(terms, filter)) {
    params.push(filter.q.trim(), `${filter.q.trim()}\u{10FFFF}`);
    conditions.push(`p.name >= $${params.length - 1} AND p.name < $${params.length}`);
  }
  if (terms.idHash) {
    params.push(terms.idHash);
    conditions.push(`(p.id_hash = $${params.length} OR p.handover_hash = $${params.length})`);
  }
  if (terms.phoneHash) {
    params.push(terms.phoneHash);
    conditions.push(`p.phone_hash = $${params.length}`);
  }
  if (filter.keyGroup) {
    params.push([filter.keyGroup]);
    conditions.push(`p.key_groups @> $${params.length}::text[]`);
  }
  if (filter.householdCode?.trim()) {
    params.push(filter.householdCode.trim());
    conditions.push(`p.household_code = $${params.length}`);
  }
  return conditions.join(' AND ');
}

export async function searchPersons(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  filter: PersonFilter,
  page: number,
  pageSize: number,
): Promise<{ items: PersonView[]; total: number; totalCapped: boolean }> {
  const params: unknown[] = [];
  const where = personWhere(ctx, actor, filter, params);
  const rows = await tx.query<PersonRow>(
    `SELECT ${PERSON_VIEW_SQL} FROM ${PERSON_FROM_SQL} WHERE ${where}
     ORDER BY p.jurisdiction_code, p.name, p.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM persons p WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`,
    params,
  );
  const total = count?.n ?? 0;
  const terms = exactTerms(ctx, filter);
  if (terms.idHash || terms.phoneHash) await auditExactSearch(tx, actor, terms, { found: total });
  const items = rows.map((row) => presentPerson(row, actor, ctx.now(), ctx.config.defaultTimeZone));
  return { items, total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
}
