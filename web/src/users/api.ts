import type { ApiTokenRecord } from '../../../src/api/session';
import type { NewUser, User, UserPatch } from '../../../src/api/users';
import { ROLES } from '../../../src/rules/roles';
import { api } from '../api/client';

export { ROLES };
export type Role = (typeof ROLES)[number];

export type { NewUser, User } from '../../../src/api/users';

/** The API's username rule (POST /api/users). */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;
/** The API refuses shorter passwords as weak_password. */
export const PASSWORD_MIN_LENGTH = 10;

export const isRole = (value: string): value is Role => ROLES.includes(value as Role);

export const userKeys = {
  list: ['users'] as const,
  tokens: (id: string) => ['users', id, 'tokens'] as const,
};

export const fetchUsers = () => api.get<User[]>('/users');
export const createUser = (user: NewUser) => api.post<User>('/users', user);
export const fetchUserTokens = (id: string) =>
  api.get<ApiTokenRecord[]>(`/users/${encodeURIComponent(id)}/tokens`);
export const revokeUserToken = (id: string, tokenId: string) =>
  api.delete<ApiTokenRecord>(`/users/${encodeURIComponent(id)}/tokens/${encodeURIComponent(tokenId)}`);
export const setUserActive = (id: string, active: boolean) =>
  api.patch<User>(`/users/${encodeURIComponent(id)}`, { active } satisfies UserPatch);
