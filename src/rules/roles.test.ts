import { describe, expect, it } from 'vitest';
import { inScope, normalizeScopes, permissionsOf, ROLE_PERMISSIONS, ROLES } from './roles.js';

describe('CMD-1 jurisdiction scope', () => {
  it.each([
    ['a village inside the county', '211122001001', ['211122'], true],
    ['a grid inside the village', '211122001001002', ['211122001001'], true],
    ['the county itself', '211122', ['211122'], true],
    ['the parent city is outside the county', '2111', ['211122'], false],
    ['a neighbouring county', '211103', ['211122'], false],
    ['a code that shares digits but not the prefix', '121122', ['211122'], false],
    ['one of several scopes', '150402001', ['211122', '150402'], true],
  ])('%s', (_case, code, scopes, expected) => {
    expect(inScope(code, scopes)).toBe(expected);
  });

  it('drops scopes covered by broader ones', () => {
    expect(normalizeScopes(['211122001', '2111', '211122', '150402', '2111'])).toEqual(['2111', '150402']);
  });

  it('gives every Actors role a permission set, and only admins administer users', () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role].length).toBeGreaterThan(0);
    expect(ROLES.filter((role) => permissionsOf([role]).has('user.admin'))).toEqual(['admin']);
    expect(permissionsOf(['lab']).has('person.unmask')).toBe(false);
    expect(permissionsOf(['community_worker']).has('person.unmask')).toBe(true);
  });
});
