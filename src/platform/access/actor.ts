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
  /** How the caller proved who they are; absent for the command line and public forms. */
  readonly credential?: Credential;
}

/** A browser session (cookie), or a system's API token: a token may not manage tokens, passwords or accounts. */
export type Credential =
  | { readonly kind: 'session' }
  | { readonly kind: 'api_token'; readonly tokenId: string };

/**
 * Who a public form's request acts as (ARR-11 landing code, ARR-12 truck pre-reports): nobody
 * signed in, with no permissions, scoped to the one subtree the form writes into so that row-level
 * security still bounds it. Audit entries made for it name no actor (system) and the channel.
 */
export function publicActor(scope: string, channel: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: channel,
    displayName: channel,
    roles: [],
    permissions: new Set(),
    scopes: [scope],
  };
}
