import { joinText, newestFirst } from '../surfaces/storyText.js';
import type { StorySource, Text } from '../surfaces/types.js';
import { type AuditAction, auditActionText, auditObjectText } from './actionLabels.js';

/** Actions that read as a verb on the object: 新增人员, 修改人员. The others say it all: 同意移交. */
const VERBS: ReadonlySet<AuditAction> = new Set(['create', 'update', 'delete', 'import', 'export']);

interface EntryRow {
  at: Date;
  actorName: string;
  action: AuditAction;
  entity: string;
  reason: string | null;
  /** Which numbers an unmasking showed. */
  fields: unknown;
}

/** "演示指挥长 (commander)" → "演示指挥长": the name, without the account's login. */
const displayName = (actorName: string) => actorName.replace(/\s*\([^()]*\)$/, '');

function titleOf(row: EntryRow): Text {
  const action = auditActionText(row.action, row.fields);
  if (!VERBS.has(row.action)) return action;
  const object = auditObjectText(row.entity);
  return { zh: `${action.zh}${object.zh}`, en: `${action.en}: ${object.en.toLowerCase()}` };
}

/**
 * Who did what to the person's record (created, changed, unmasked, handed over), in words, for
 * roles that may read the audit log. Only the actor, the action and a stated reason are read: the
 * entry's snapshots stay in the log (they are masked there, and the story has no use for them).
 */
const audit: StorySource = {
  id: 'audit',
  label: { zh: '操作记录', en: 'Audit log' },
  permission: 'audit.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<EntryRow>(
      `SELECT at, actor_name AS "actorName", action, entity, detail ->> 'reason' AS reason,
         jsonb_build_object('fields', detail -> 'fields') AS fields
       FROM audit_log WHERE entity = 'person' AND entity_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
      [personId, limit],
    );
    const events = rows.reverse().map((row) => {
      const actor = displayName(row.actorName);
      const reason = row.reason ? { zh: `事由：${row.reason}`, en: `Reason: ${row.reason}` } : null;
      return {
        at: row.at.toISOString(),
        source: 'audit',
        title: titleOf(row),
        detail: joinText([{ zh: `操作人：${actor}`, en: `By ${actor}` }, reason]),
        tone: row.action === 'unmask' ? ('warning' as const) : ('normal' as const),
      };
    });
    return newestFirst(events, limit);
  },
};

/** Audit entries about a person in their story, for roles that may read the audit log. */
export const auditStorySources: readonly StorySource[] = [audit];
