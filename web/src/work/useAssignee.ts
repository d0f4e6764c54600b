import { useMe } from '../session/useSession';
import type { MyWorkItem } from './api';

/** True when the item is the caller's own (they hold its owner role), not one escalated to them to follow up. */
export function useAssignee(item: MyWorkItem): boolean {
  const me = useMe();
  return me.roles.some((role) => role === item.ownerRole);
}
