import type { WorkAction, WorkSubject } from '../../platform/surfaces/types.js';
import { CONTACT_SUBJECT, HANDOVER_KIND } from './plan.js';

/**
 * The actions that close the contacts module's open deadlines on "my work" (EPI-4): the hand-over is
 * accepted on the contact's page; the transfer, the isolation spans and the tests are recorded by
 * marking them done once done, beside the link to the contact; the transfer closes when the person
 * arrives in an isolation room (src/modules/isolation), so its action opens the isolation queue.
 */
function action(kind: string, subjectId: string): WorkAction | null {
  const href = `/contacts/${subjectId}`;
  if (kind === HANDOVER_KIND)
    return { label: { zh: '接收外地移交的接触者', en: 'Accept the handed-over contact' }, href };
  // The transfer closes when the person arrives in a room (isolation's arrival record): the action
  // opens the queue of people awaiting a room, never a bare mark-done.
  if (kind === 'transfer')
    return {
      label: {
        zh: '分配房间并转运至集中隔离点（单人单间）',
        en: 'Allocate a room and transfer to centralised isolation',
      },
      href: '/isolation/stays?tab=queue',
    };
  if (kind === 'centralised_isolation' || kind === 'home_isolation' || kind === 'health_monitoring')
    return { label: { zh: '隔离期满后确认', en: 'Confirm when the isolation ends' }, href, markDone: true };
  if (kind.startsWith('test:'))
    return { label: { zh: '隔离期间核酸检测', en: 'NAT during isolation' }, href, markDone: true };
  return null;
}

export const contactsWorkSubjects: readonly WorkSubject[] = [
  { subjectType: CONTACT_SUBJECT, action: ({ kind, subjectId }) => action(kind, subjectId) },
];
