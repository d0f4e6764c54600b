import type { Control as ControlView, TubeDetail } from '../../api/labResults.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { tubeTaskKindsSql } from '../testing/index.js';
import { checkBarcode } from './input.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
// Names are shown with all but the first character hidden (the person page shows them whole).
const MASKED_NAME = `left(p.name, 1) || repeat('*', greatest(char_length(p.name) - 1, 1))`;

const CONTROL_SQL = `pc.id, pc.person_id AS "personId", coalesce(${MASKED_NAME}, '***') AS name,
  coalesce(p.id_masked, '') AS "idNumberMasked",
  pc.jurisdiction_code AS "jurisdictionCode", pc.reason, pc.tube_barcode AS "tubeBarcode", ${iso('pc.started_at')} AS "startedAt",
  ${iso('pc.cleared_at')} AS "clearedAt", pc.cleared_reason AS "clearedReason",
  (SELECT json_build_object('ruleId', d.rule_id, 'dueAt', ${iso('d.due_at')}, 'doneAt', ${iso('d.done_at')},
     'cancelledAt', ${iso('d.cancelled_at')})
   FROM deadlines d WHERE d.subject_type = 'person' AND d.subject_id = pc.person_id
     AND d.kind IN (${tubeTaskKindsSql('pc.tube_id')})
   ORDER BY d.created_at DESC LIMIT 1) AS task`;
// The person's community carries a control out without seeing the tube (it belongs to the site's
// town or county): the barcode is the control's own, and nothing joined may drop a control that
// the count includes (the count and the items read the same rows).
const CONTROL_FROM = 'person_controls pc LEFT JOIN persons p ON p.id = pc.person_id';

/** People under control (TST-1) in the caller's subtree: open ones, cleared ones or all, newest first. */
export async function listControls(
  tx: Queryable,
  actor: Actor,
  filter: {
    jurisdiction?: string | undefined;
    state?: 'open' | 'cleared' | 'all' | undefined;
    reason?: ControlView['reason'] | undefined;
  },
  page: number,
  pageSize: number,
) {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes))
    return { items: [], total: 0, page, pageSize };
  const params: unknown[] = [];
  const where = [
    scopeCondition(
      'pc.jurisdiction_code',
      filter.jurisdiction ? [filter.jurisdiction] : actor.scopes,
      params,
    ),
  ];
  const state = filter.state ?? 'open';
  if (state === 'open') where.push('pc.cleared_at IS NULL');
  if (state === 'cleared') where.push('pc.cleared_at IS NOT NULL');
  if (filter.reason) {
    params.push(filter.reason);
    where.push(`pc.reason = $${params.length}`);
  }
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${CONTROL_FROM} WHERE ${condition}`,
    params,
  );
  const items = await tx.query<ControlView>(
    `SELECT ${CONTROL_SQL} FROM ${CONTROL_FROM} WHERE ${condition}
     ORDER BY pc.started_at DESC, pc.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items, total: count?.n ?? 0, page, pageSize };
}

/** A person's controls, open first: the badge on the person page. 404 outside the caller's subtree. */
export async function personControls(tx: Queryable, actor: Actor, personId: string) {
  const [person] = await tx.query<{ jurisdictionCode: string }>(
    'SELECT jurisdiction_code AS "jurisdictionCode" FROM persons WHERE id = $1',
    [personId],
  );
  if (!person || !inScope(person.jurisdictionCode, actor.scopes)) throw notFound();
  const items = await tx.query<ControlView>(
    `SELECT ${CONTROL_SQL} FROM ${CONTROL_FROM} WHERE pc.person_id = $1
     ORDER BY pc.cleared_at IS NULL DESC, pc.started_at DESC`,
    [personId],
  );
  return { personId, open: items.filter((item) => item.clearedAt === null).length, items };
}

/** A tube with its result and members (masked), each with their control (TST-1). */
export async function tubeDetail(tx: Queryable, actor: Actor, rawBarcode: string) {
  const checked = checkBarcode(rawBarcode);
  if ('problem' in checked) throw notFound();
  const [tube] = await tx.query<Omit<TubeDetail, 'members'>>(
    `SELECT id, barcode, jurisdiction_code AS "jurisdictionCode", category, capacity, member_count AS "memberCount",
       ${iso('opened_at')} AS "openedAt", ${iso('sealed_at')} AS "sealedAt", ${iso('due_at')} AS "dueAt",
       lab_id AS "labId", ${iso('received_at')} AS "receivedAt", result, ${iso('resulted_at')} AS "resultedAt"
     FROM tubes WHERE barcode = $1`,
    [checked.barcode],
  );
  if (!tube || !inScope(tube.jurisdictionCode, actor.scopes)) throw notFound();
  const members = await tx.query<TubeDetail['members'][number] & { control: ControlView | null }>(
    `SELECT s.person_id AS "personId", coalesce(${MASKED_NAME}, '***') AS name,
       coalesce(p.id_masked, '') AS "idNumberMasked", p.jurisdiction_code AS "jurisdictionCode",
       ${iso('s.sampled_at')} AS "sampledAt",
       (SELECT row_to_json(c) FROM (SELECT ${CONTROL_SQL} FROM ${CONTROL_FROM}
          WHERE pc.person_id = s.person_id AND pc.tube_id = s.tube_id) c) AS control
     FROM samples s LEFT JOIN persons p ON p.id = s.person_id WHERE s.tube_id = $1 ORDER BY s.sampled_at, s.person_id`,
    [tube.id],
  );
  return { ...tube, members };
}
