import type {
  ApiToken,
  ApiTokenRecord,
  NewApiToken,
  PasswordChange,
  PasswordChangeResult,
} from '../../../src/api/session';
import { api } from '../api/client';

export type { ApiToken, ApiTokenRecord, NewApiToken, PasswordChange } from '../../../src/api/session';

/** The lifetimes offered when creating a token, in days; the API takes 1–365 and defaults to 90. */
export const TOKEN_LIFETIMES = [7, 30, 90, 180, 365] as const;
export const DEFAULT_TOKEN_LIFETIME = 90;

export const tokenKeys = { mine: ['session', 'tokens'] as const };

export const fetchMyTokens = () => api.get<ApiTokenRecord[]>('/session/tokens');
export const createToken = (body: NewApiToken) => api.post<ApiToken>('/session/tokens', body);
export const revokeToken = (id: string) =>
  api.delete<ApiTokenRecord>(`/session/tokens/${encodeURIComponent(id)}`);
export const changePassword = (body: PasswordChange) =>
  api.post<PasswordChangeResult>('/session/password', body);
