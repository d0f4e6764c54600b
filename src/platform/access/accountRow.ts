import { permissionsOf, type Role } from '../../rules/roles.js';
import type { Actor, Credential } from './actor.js';

/** A row of `users` as the sign-in paths read it. */
export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  scopes: string[];
  jurisdiction_code: string;
  active: boolean;
}

export function toActor(
  row: Pick<AccountRow, 'id' | 'username' | 'display_name' | 'roles' | 'scopes'>,
  credential?: Credential,
): Actor {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    permissions: permissionsOf(row.roles),
    scopes: row.scopes,
    ...(credential ? { credential } : {}),
  };
}
