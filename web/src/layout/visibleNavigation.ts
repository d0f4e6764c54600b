import type { Role } from '../../../src/rules/roles.js';
import type { NavigationGroup, NavigationItem } from './navigationTypes.js';

/** What the menu needs to know of the signed-in user (the session's `Me` has both). */
interface Viewer {
  roles: readonly Role[];
  permissions: readonly string[];
}

/**
 * An item shows when the page is the user's work (one of its roles, or any page for the
 * administrator) and the user may open it (its permission: the menu never offers a page the route
 * guard would refuse).
 */
function shows(item: NavigationItem, viewer: Viewer): boolean {
  const theirWork =
    item.roles === 'every role' ||
    viewer.roles.includes('admin') ||
    item.roles.some((role) => viewer.roles.includes(role));
  return theirWork && (item.permission === undefined || viewer.permissions.includes(item.permission));
}

/** The groups and items the user sees, in the menu's order; a group with nothing to show is left out. */
export function visibleNavigation(
  groups: readonly NavigationGroup[],
  viewer: Viewer | null | undefined,
): NavigationGroup[] {
  if (!viewer) return [];
  return groups
    .map((group) => ({ ...group, items: group.items.filter((item) => shows(item, viewer)) }))
    .filter((group) => group.items.length > 0);
}

/**
 * The item a page belongs to: the longest path that is the page's or a parent of it, so
 * /sampling/sites is its own entry and /arrivals/123 is the arrivals list's.
 */
export function selectedItem(
  groups: readonly NavigationGroup[],
  pathname: string,
): { group: NavigationGroup; item: NavigationItem } | undefined {
  let best: { group: NavigationGroup; item: NavigationItem } | undefined;
  for (const group of groups) {
    for (const item of group.items) {
      const matches = pathname === item.path || pathname.startsWith(`${item.path}/`);
      if (matches && (!best || item.path.length > best.item.path.length)) best = { group, item };
    }
  }
  return best;
}
