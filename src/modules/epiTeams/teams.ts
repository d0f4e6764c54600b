import type {
  EpiTeam,
  EpiTeamBody,
  EpiTeamKind,
  EpiTeamList,
  EpiTeamMember,
  EpiTeamMemberBody,
  EpiTeamMemberPatchBody,
  EpiTeamPatchBody,
} from '../../api/epiTeams.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { phoneHash } from '../../platform/pii/seal.js';
import { countiesWithoutBigData } from '../../rules/epiTeams.js';
import { maskPhone, normalizePhone } from '../../rules/mask.js';
import { inScope } from '../../rules/roles.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TEAM_SQL = `t.id, t.name, t.kind, t.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = t.jurisdiction_code) AS "jurisdictionName", t.active`;

const MEMBER_SQL = `m.id, m.team_id AS "teamId", m.user_id AS "userId",
  coalesce(u.display_name, m.person_name) AS "displayName", m.role, m.village_code AS "villageCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = m.village_code) AS "villageName",
  m.phone_masked AS "phoneMasked", m.active`;
const MEMBER_FROM = 'epi_team_members m LEFT JOIN users u ON u.id = m.user_id';

type TeamRow = Omit<EpiTeam, 'members'>;

/** A jurisdiction asked for beyond the caller's scope reads as nothing there (EPI-6: another county → 404). */
function checkJurisdiction(actor: Actor, jurisdiction: string | undefined): void {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes)) throw notFound();
}

async function membersOf(
  tx: Queryable,
  teamIds: string[],
  includeInactive: boolean,
): Promise<EpiTeamMember[]> {
  if (teamIds.length === 0) return [];
  return tx.query<EpiTeamMember>(
    `SELECT ${MEMBER_SQL} FROM ${MEMBER_FROM}
     WHERE m.team_id = ANY ($1::uuid[]) AND ($2 OR m.active)
     ORDER BY m.team_id, CASE m.role WHEN 'lead' THEN 0 WHEN 'investigator' THEN 1 WHEN 'analyst' THEN 2 ELSE 3 END,
       m.village_code NULLS FIRST, "displayName", m.id`,
    [teamIds, includeInactive],
  );
}

/**
 * EPI-6: the teams over a jurisdiction (within it, and those of the county or town above it that the
 * caller may read: investigations assign from them), with their members, and the counties in it
 * without an active big-data working group.
 */
export async function listTeams(
  tx: Queryable,
  actor: Actor,
  query: {
    jurisdiction?: string | undefined;
    kind?: EpiTeamKind | undefined;
    includeInactive?: boolean | undefined;
  },
): Promise<EpiTeamList> {
  checkJurisdiction(actor, query.jurisdiction);
  const root = query.jurisdiction ?? null;
  const includeInactive = query.includeInactive === true;
  const teams = await tx.query<TeamRow>(
    `SELECT ${TEAM_SQL} FROM epi_teams t
     WHERE ($1::text IS NULL OR t.jurisdiction_code ^@ $1 OR $1 ^@ t.jurisdiction_code)
       AND ($2::text IS NULL OR t.kind = $2) AND ($3 OR t.active)
     ORDER BY t.jurisdiction_code, CASE t.kind WHEN 'big_data' THEN 0 WHEN 'field' THEN 1 ELSE 2 END, t.name
     LIMIT 500`,
    [root, query.kind ?? null, includeInactive],
  );
  const members = await membersOf(
    tx,
    teams.map((t) => t.id),
    includeInactive,
  );
  const byTeam = new Map<string, EpiTeamMember[]>();
  for (const m of members) byTeam.set(m.teamId, [...(byTeam.get(m.teamId) ?? []), m]);
  const counties = await tx.query<{ code: string; name: string }>(
    `SELECT code, name FROM jurisdictions
     WHERE level = 'county' AND ($1::text IS NULL OR code ^@ $1 OR $1 ^@ code) ORDER BY code`,
    [root],
  );
  const bigData = await tx.query<{ jurisdictionCode: string; kind: string; active: boolean }>(
    `SELECT jurisdiction_code AS "jurisdictionCode", kind, active FROM epi_teams WHERE kind = 'big_data' AND active`,
  );
  return {
    items: teams.map((t) => ({ ...t, members: byTeam.get(t.id) ?? [] })),
    countiesWithoutBigData: countiesWithoutBigData(
      counties.filter((c) => inScope(c.code, actor.scopes)),
      bigData,
    ),
  };
}

export async function getTeam(tx: Queryable, actor: Actor, id: string): Promise<EpiTeam> {
  if (!UUID.test(id)) throw notFound();
  const [team] = await tx.query<TeamRow>(`SELECT ${TEAM_SQL} FROM epi_teams t WHERE t.id = $1`, [id]);
  if (!team || !inScope(team.jurisdictionCode, actor.scopes)) throw notFound();
  return { ...team, members: await membersOf(tx, [team.id], true) };
}

async function nameTaken(tx: Queryable, jurisdictionCode: string, name: string, except: string | null) {
  const rows = await tx.query(
    'SELECT 1 FROM epi_teams WHERE jurisdiction_code = $1 AND name = $2 AND ($3::uuid IS NULL OR id <> $3)',
    [jurisdictionCode, name, except],
  );
  return rows.length > 0;
}

/** EPI-6: a field team, the county's big-data working group, or a town's reserve of assistants. */
export async function createTeam(
  tx: Queryable,
  actor: Actor,
  input: EpiTeamBody,
): Promise<{ team: EpiTeam; created: boolean }> {
  const name = input.name.trim();
  if (name === '') throw invalid([fieldError('name', 'required')]);
  if (!inScope(input.jurisdictionCode, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  const [place] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [input.jurisdictionCode]);
  if (!place) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  if (input.id && UUID.test(input.id)) {
    const [again] = await tx.query<TeamRow>(`SELECT ${TEAM_SQL} FROM epi_teams t WHERE t.id = $1`, [
      input.id,
    ]);
    if (again) {
      const same =
        again.name === name && again.kind === input.kind && again.jurisdictionCode === input.jurisdictionCode;
      if (same && inScope(again.jurisdictionCode, actor.scopes))
        return { team: await getTeam(tx, actor, again.id), created: false };
      throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
    }
  }
  if (await nameTaken(tx, input.jurisdictionCode, name, null))
    throw new AppError('name_taken', [fieldError('name', 'duplicate_name')]);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO epi_teams (id, jurisdiction_code, name, kind, created_by)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
    [input.id ?? null, input.jurisdictionCode, name, input.kind, actor.userId],
  );
  // An id already used beyond the caller's scope (row-level security hid it above).
  if (!row) throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
  const team = await getTeam(tx, actor, row.id);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'epi_team',
    entityId: team.id,
    jurisdictionCode: team.jurisdictionCode,
    after: { name: team.name, kind: team.kind },
  });
  return { team, created: true };
}

/** Renames a team, or deactivates (active: false) / restores it. */
export async function patchTeam(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: EpiTeamPatchBody,
): Promise<EpiTeam> {
  const before = await getTeam(tx, actor, id);
  const name = input.name?.trim() ?? before.name;
  if (name === '') throw invalid([fieldError('name', 'required')]);
  if (name !== before.name && (await nameTaken(tx, before.jurisdictionCode, name, id)))
    throw new AppError('name_taken', [fieldError('name', 'duplicate_name')]);
  const active = input.active ?? before.active;
  await tx.query('UPDATE epi_teams SET name = $2, active = $3 WHERE id = $1', [id, name, active]);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'epi_team',
    entityId: id,
    jurisdictionCode: before.jurisdictionCode,
    before: { name: before.name, active: before.active },
    after: { name, active },
  });
  return getTeam(tx, actor, id);
}

/** A village/community inside the team's jurisdiction (a reserve assistant's village). */
async function checkVillage(tx: Queryable, team: EpiTeam, code: string): Promise<void> {
  if (!code.startsWith(team.jurisdictionCode))
    throw invalid([fieldError('villageCode', 'jurisdiction_out_of_scope')]);
  const [place] = await tx.query<{ level: string }>('SELECT level FROM jurisdictions WHERE code = $1', [
    code,
  ]);
  if (!place) throw invalid([fieldError('villageCode', 'jurisdiction_unknown')]);
  if (place.level !== 'village') throw invalid([fieldError('villageCode', 'not_community')]);
}

async function memberById(tx: Queryable, id: string): Promise<EpiTeamMember | undefined> {
  const [row] = await tx.query<EpiTeamMember>(`SELECT ${MEMBER_SQL} FROM ${MEMBER_FROM} WHERE m.id = $1`, [
    id,
  ]);
  return row;
}

/**
 * EPI-6: adds a member to a team: an account (its display name is the account's) or a reserve person
 * by name and phone, the phone sealed as persons' phones are. An assistant of a reserve team names
 * the village/community they stand ready for.
 */
export async function addMember(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  teamId: string,
  input: EpiTeamMemberBody,
): Promise<EpiTeamMember> {
  const team = await getTeam(tx, actor, teamId);
  if (input.id) {
    const again = await memberById(tx, input.id);
    if (again?.teamId === team.id) return again;
    if (again) throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
  }
  const userId = input.userId ?? null;
  const name = input.name?.trim() || null;
  const errors = [];
  if ((userId === null) === (name === null))
    errors.push(fieldError(userId ? 'name' : 'userId', 'member_identity'));
  let phone: string | null = null;
  if (input.phone?.trim()) {
    phone = normalizePhone(input.phone) ?? null;
    if (!phone) errors.push(fieldError('phone', 'phone_format'));
  }
  const villageCode = input.villageCode ?? null;
  if (team.kind === 'reserve' && input.role === 'assistant' && !villageCode)
    errors.push(fieldError('villageCode', 'village_required'));
  if (errors.length > 0) throw invalid(errors);
  if (villageCode) await checkVillage(tx, team, villageCode);
  if (userId) {
    // Row-level security shows the caller only the accounts of their scope.
    const [user] = await tx.query<{ code: string }>(
      'SELECT jurisdiction_code AS code FROM users WHERE id = $1 AND active',
      [userId],
    );
    if (!user) throw invalid([fieldError('userId', 'jurisdiction_unknown')]);
    const taken = await tx.query(
      'SELECT 1 FROM epi_team_members WHERE team_id = $1 AND user_id = $2 AND active',
      [team.id, userId],
    );
    if (taken.length > 0) throw new AppError('team_member_exists', [fieldError('userId', 'username_taken')]);
  }
  if (!team.active) throw new AppError('team_inactive');
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO epi_team_members (id, team_id, jurisdiction_code, user_id, person_name, phone_cipher, phone_hash,
       phone_masked, role, village_code, created_by)
     VALUES (coalesce($11::uuid, gen_random_uuid()), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      team.id,
      team.jurisdictionCode,
      userId,
      name,
      phone ? ctx.cipher.encrypt(phone) : null,
      phone ? phoneHash(ctx.cipher, phone) : null,
      phone ? maskPhone(phone) : null,
      input.role,
      villageCode,
      actor.userId,
      input.id ?? null,
    ],
  );
  // An id already used beyond the caller's scope (row-level security hid it above).
  if (!row) throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
  const member = await memberById(tx, row.id);
  if (!member) throw new Error('the team member just inserted cannot be read back');
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'epi_team_member',
    entityId: member.id,
    jurisdictionCode: team.jurisdictionCode,
    after: {
      teamId: team.id,
      userId,
      name: member.displayName,
      phoneMasked: member.phoneMasked,
      role: member.role,
      villageCode,
    },
  });
  return member;
}

async function scopedMember(tx: Queryable, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<{ teamId: string; code: string }>(
    'SELECT team_id AS "teamId", jurisdiction_code AS code FROM epi_team_members WHERE id = $1',
    [id],
  );
  if (!row || !inScope(row.code, actor.scopes)) throw notFound();
  return row;
}

/** Changes a member's role or village, or deactivates (active: false) / restores them. */
export async function patchMember(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: EpiTeamMemberPatchBody,
): Promise<EpiTeamMember> {
  const { teamId } = await scopedMember(tx, actor, id);
  const team = await getTeam(tx, actor, teamId);
  const before = await memberById(tx, id);
  if (!before) throw notFound();
  const role = input.role ?? before.role;
  const villageCode = input.villageCode === undefined ? before.villageCode : input.villageCode;
  if (team.kind === 'reserve' && role === 'assistant' && !villageCode)
    throw invalid([fieldError('villageCode', 'village_required')]);
  if (villageCode && villageCode !== before.villageCode) await checkVillage(tx, team, villageCode);
  const active = input.active ?? before.active;
  if (active && !before.active && before.userId) {
    const taken = await tx.query(
      'SELECT 1 FROM epi_team_members WHERE team_id = $1 AND user_id = $2 AND active AND id <> $3',
      [teamId, before.userId, id],
    );
    if (taken.length > 0) throw new AppError('team_member_exists', [fieldError('userId', 'username_taken')]);
  }
  await tx.query(
    'UPDATE epi_team_members SET role = $2, village_code = $3, active = $4, updated_at = now() WHERE id = $1',
    [id, role, villageCode, active],
  );
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'epi_team_member',
    entityId: id,
    jurisdictionCode: team.jurisdictionCode,
    before: { role: before.role, villageCode: before.villageCode, active: before.active },
    after: { role, villageCode, active },
  });
  const after = await memberById(tx, id);
  if (!after) throw notFound();
  return after;
}

/** A reserve person's whole phone, for a caller holding person.unmask; audited as an unmasking. */
export async function revealMemberPhone(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: string,
): Promise<string | null> {
  const { code } = await scopedMember(tx, actor, id);
  const [row] = await tx.query<{ phone_cipher: Buffer | null }>(
    'SELECT phone_cipher FROM epi_team_members WHERE id = $1',
    [id],
  );
  await recordAudit(tx, actor, {
    action: 'unmask',
    entity: 'epi_team_member',
    entityId: id,
    jurisdictionCode: code,
    detail: { reason, fields: ['phone'] },
  });
  return row?.phone_cipher ? ctx.cipher.decrypt(row.phone_cipher) : null;
}

/** Accounts in the caller's reach within a jurisdiction, to pick a member from. */
export async function teamAccounts(tx: Queryable, actor: Actor, jurisdiction: string | undefined) {
  checkJurisdiction(actor, jurisdiction);
  const items = await tx.query<{ userId: string; displayName: string; jurisdictionCode: string }>(
    `SELECT id AS "userId", display_name AS "displayName", jurisdiction_code AS "jurisdictionCode" FROM users
     WHERE active AND ($1::text IS NULL OR jurisdiction_code ^@ $1) ORDER BY display_name, id LIMIT 500`,
    [jurisdiction ?? null],
  );
  return { items };
}
