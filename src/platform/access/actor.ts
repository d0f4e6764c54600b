import type { Permission, Role } from '../../rules/roles.js';

/** Who is calling: resolved once per request from a session cookie or an API token. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly permissions: ReadonlySet<Permission>;
  /** Jurisdiction code prefixes (CMD-1); never empty. */
  readonly scopes: readonly string[];
}
