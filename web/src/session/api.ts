import type { Me } from '../../../src/api/session';
import type { Permission } from '../../../src/rules/roles';
import { api } from '../api/client';
import { isApiError } from '../api/problem';

export type { Me } from '../../../src/api/session';
export type { Permission };

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/session');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (username: string, password: string) =>
  api.post<Me>('/session', { username, password });
export const signOut = () => api.delete<void>('/session');

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}
