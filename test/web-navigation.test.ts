import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../src/rules/roles.js';
import { NAVIGATION } from '../web/src/layout/navigation.js';
import { selectedItem, visibleNavigation } from '../web/src/layout/visibleNavigation.js';

const viewer = (role: Role) => ({ roles: [role], permissions: [...ROLE_PERMISSIONS[role]] });
const menuOf = (role: Role) => visibleNavigation(NAVIGATION, viewer(role));
const pathsOf = (role: Role) => menuOf(role).flatMap((group) => group.items.map((item) => item.path));
const allItems = NAVIGATION.flatMap((group) => group.items);

/** A label as the menu shows it: 'policy.nav' is in web/src/policy/i18n, 'nav.persons' in web/src/i18n. */
function label(key: string, language: 'zh-CN' | 'en'): unknown {
  const [head, ...rest] = key.split('.');
  const feature = `web/src/${head}/i18n/${language}.json`;
  const [file, path] = existsSync(feature)
    ? [feature, rest]
    : [`web/src/i18n/${language}.json`, [head, ...rest]];
  return path.reduce<unknown>(
    (node, part) => (node as Record<string, unknown> | undefined)?.[part!],
    JSON.parse(readFileSync(file, 'utf8')),
  );
}
const labelsOf = (role: Role) =>
  menuOf(role).flatMap((group) => group.items.map((item) => label(item.labelKey, 'zh-CN')));

describe('the menu by role and permission', () => {
  it('a community worker sees their work (我的工作, the ledger, verification) and no policy packs, labs or pushed lists', () => {
    const labels = labelsOf('community_worker');
    expect(labels).toEqual(expect.arrayContaining(['我的工作', '人员台账', '社区核实']));
    for (const text of labels) expect(text).not.toMatch(/政策包|实验室|推送/);
    // The permissions would let them read these pages; the pages are not their work.
    expect(ROLE_PERMISSIONS.community_worker).toEqual(
      expect.arrayContaining(['policy.read', 'testing.read']),
    );
    expect(pathsOf('community_worker')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/(policy|labs|lab-work|push-lists)/)]),
    );
  });

  it('the lab sees its lab work, and neither the ledger nor arrivals', () => {
    expect(pathsOf('lab')).toEqual(expect.arrayContaining(['/my-work', '/lab-work', '/labs']));
    expect(pathsOf('lab')).not.toContain('/persons');
    expect(pathsOf('lab')).not.toContain('/arrivals');
  });

  it('the commander starts from the situation dashboard', () => {
    expect(pathsOf('commander').slice(0, 2)).toEqual(['/dashboard', '/my-work']);
  });

  // A task role's menu is its few pages; the command roles and the CDC oversee every work area
  // (arrivals, testing, cases and surveillance, policy), each a group of a few items.
  const OVERSEERS: readonly Role[] = ['commander', 'working_group', 'cdc_epidemiologist', 'supervisor'];
  it.each(ROLES.filter((role) => role !== 'admin'))(
    '%s: my work, and at most 12 items (20 overseeing)',
    (role) => {
      expect(pathsOf(role)).toContain('/my-work');
      expect(pathsOf(role).length).toBeLessThanOrEqual(OVERSEERS.includes(role) ? 20 : 12);
    },
  );

  it('the administrator sees every page', () => {
    expect(pathsOf('admin')).toEqual(allItems.map((item) => item.path));
  });

  it.each(ROLES)('%s: no item without its permission, and no group without an item', (role) => {
    for (const group of menuOf(role)) {
      expect(group.items.length).toBeGreaterThan(0);
      for (const item of group.items) {
        if (item.permission) expect(ROLE_PERMISSIONS[role]).toContain(item.permission);
      }
    }
  });

  it('a role does not make up for a missing permission', () => {
    const withoutImport = {
      roles: ['community_worker' as const],
      permissions: ROLE_PERMISSIONS.community_worker.filter((p) => p !== 'person.import'),
    };
    const paths = visibleNavigation(NAVIGATION, withoutImport).flatMap((g) => g.items.map((i) => i.path));
    expect(paths).toContain('/persons');
    expect(paths).not.toContain('/import');
    expect(visibleNavigation(NAVIGATION, null)).toEqual([]);
  });

  it('a pharmacy sees its work and its counter (MON-2), nothing else', () => {
    expect(pathsOf('pharmacy')).toEqual(['/my-work', '/pharmacy-counter']);
  });
});

describe('the menu items themselves', () => {
  it('no two items or groups share an icon', () => {
    const icons = [...NAVIGATION.map((group) => group.icon), ...allItems.map((item) => item.icon)];
    expect(new Set(icons).size).toBe(icons.length);
  });

  it('every label is written in Chinese and English', () => {
    for (const key of [...NAVIGATION.map((g) => g.labelKey), ...allItems.map((i) => i.labelKey)]) {
      expect({ key, zh: typeof label(key, 'zh-CN') }).toEqual({ key, zh: 'string' });
      expect({ key, en: typeof label(key, 'en') }).toEqual({ key, en: 'string' });
    }
  });

  it('every path is a route of web/src/AppRoutes.tsx, asking for the same permission', () => {
    const source = readFileSync('web/src/AppRoutes.tsx', 'utf8');
    const routes = new Map(
      [...source.matchAll(/<Route path="([^"]+)" element=\{(?:guarded\('([a-z_.]+)')?/g)].map((m) => [
        `/${m[1]}`,
        m[2],
      ]),
    );
    expect(routes.size).toBeGreaterThan(30);
    for (const item of allItems) {
      expect({ path: item.path, route: routes.has(item.path) }).toEqual({ path: item.path, route: true });
      expect({ path: item.path, permission: routes.get(item.path) }).toEqual({
        path: item.path,
        permission: item.permission,
      });
    }
  });

  it('a page marks the item with the longest path that is it or its parent', () => {
    const selected = (pathname: string) => selectedItem(NAVIGATION, pathname)?.item.path;
    expect(selected('/sampling/sites')).toBe('/sampling/sites');
    expect(selected('/sampling')).toBe('/sampling');
    expect(selected('/arrivals/3f2c')).toBe('/arrivals');
    expect(selected('/arrivals/review')).toBe('/arrivals/review');
    expect(selected('/persons/handovers')).toBe('/persons/handovers');
    expect(selected('/policy/documents/7')).toBe('/policy/documents');
    expect(selected('/policy/pack-1/2')).toBe('/policy');
    expect(selected('/policyx')).toBeUndefined();
    expect(selectedItem(NAVIGATION, '/labs')?.group.key).toBe('testing');
    // Among a community worker's items, the review list (not theirs) belongs to the arrivals list.
    expect(selectedItem(menuOf('community_worker'), '/arrivals/review')?.item.path).toBe('/arrivals');
  });
});
