import { OPEN } from '../../platform/deadlines/sql.js';
import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import type { Role } from '../../rules/roles.js';
import { CONTACT_SUBJECT } from './plan.js';

/**
 * EPI-4: contacts still to move, over the jurisdiction — the county working groups' 12-hour
 * transfers to centralised isolation and hand-overs to accept (both theirs), those overdue, and the
 * communities' home isolations. Each figure counts the open deadlines its drill lists.
 */
async function control(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, jurisdiction: root, now } = request;
  const [row] = await tx.query<{ group_open: number; group_overdue: number; community: number }>(
    `SELECT count(*) FILTER (WHERE d.owner_role = 'working_group')::int AS group_open,
       count(*) FILTER (WHERE d.owner_role = 'working_group' AND d.due_at < $2)::int AS group_overdue,
       count(*) FILTER (WHERE d.owner_role = 'community_worker')::int AS community
     FROM deadlines d
     WHERE d.subject_type = '${CONTACT_SUBJECT}' AND d.rule_id = 'EPI-4' AND d.jurisdiction_code ^@ $1 AND ${OPEN}`,
    [root, now],
  );
  const counts = row ?? { group_open: 0, group_overdue: 0, community: 0 };
  const list = (ownerRole: Role, state?: 'overdue') =>
    drill('/deadlines', {
      jurisdiction: root,
      ruleId: 'EPI-4',
      subjectType: CONTACT_SUBJECT,
      ownerRole,
      state,
    });
  return {
    figures: [
      {
        key: 'transfers',
        label: { zh: '待转运隔离/待接收（12小时内）', en: 'To transfer / accept (12 h)' },
        value: counts.group_open,
        drill: list('working_group'),
        tone: counts.group_open > 0 ? 'warning' : 'good',
      },
      {
        key: 'overdue',
        label: { zh: '超时未转运', en: 'Overdue' },
        value: counts.group_overdue,
        drill: list('working_group', 'overdue'),
        tone: counts.group_overdue > 0 ? 'danger' : 'good',
      },
      {
        key: 'home',
        label: { zh: '社区居家隔离中', en: 'In home isolation' },
        value: counts.community,
        drill: list('community_worker'),
      },
    ],
  };
}

/** The contacts module's dashboard tiles. */
export const contactsTiles: readonly DashboardTile[] = [
  {
    id: 'contacts.control',
    order: 76,
    permission: 'contact.read',
    title: { zh: '接触者管控', en: 'Contacts to control' },
    load: control,
  },
];
