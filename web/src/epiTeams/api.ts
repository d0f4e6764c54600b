import type {
  EpiTeam,
  EpiTeamAccounts,
  EpiTeamBody,
  EpiTeamKind,
  EpiTeamList,
  EpiTeamMember,
  EpiTeamMemberBody,
  EpiTeamMemberPatchBody,
  EpiTeamPatchBody,
  EpiTeamRole,
  Reserve,
} from '../../../src/api/epiTeams';
import { api, queryString } from '../api/client';

export type {
  EpiTeam,
  EpiTeamKind,
  EpiTeamList,
  EpiTeamMember,
  EpiTeamRole,
  Reserve,
} from '../../../src/api/epiTeams';
export const EPI_TEAM_KINDS = ['field', 'big_data', 'reserve'] as const satisfies readonly EpiTeamKind[];
export const EPI_TEAM_ROLES = [
  'lead',
  'investigator',
  'analyst',
  'assistant',
] as const satisfies readonly EpiTeamRole[];

/** Contract 4 (INVESTIGATIONS): open, overdue and recently completed investigations per investigator. */
export interface Workload {
  items: Array<{
    userId: string;
    displayName: string;
    open: number;
    overdue: number;
    completedLast7Days: number;
  }>;
}

export const epiTeamKeys = {
  all: ['epiTeams'] as const,
  list: (jurisdiction?: string) => ['epiTeams', 'list', jurisdiction ?? ''] as const,
  reserve: (jurisdiction?: string) => ['epiTeams', 'reserve', jurisdiction ?? ''] as const,
  accounts: (jurisdiction?: string) => ['epiTeams', 'accounts', jurisdiction ?? ''] as const,
  workload: (jurisdiction?: string) => ['investigations', 'workload', jurisdiction ?? ''] as const,
};

export const listTeams = (jurisdiction?: string) =>
  api.get<EpiTeamList>(`/epi-teams${queryString({ jurisdiction })}`);
export const getReserve = (jurisdiction?: string) =>
  api.get<Reserve>(`/epi-teams/reserve${queryString({ jurisdiction })}`);
export const listAccounts = (jurisdiction?: string) =>
  api.get<EpiTeamAccounts>(`/epi-teams/accounts${queryString({ jurisdiction })}`);
export const createTeam = (body: EpiTeamBody) => api.post<EpiTeam>('/epi-teams', body);
export const patchTeam = (id: string, body: EpiTeamPatchBody) => api.patch<EpiTeam>(`/epi-teams/${id}`, body);
export const addMember = (teamId: string, body: EpiTeamMemberBody) =>
  api.post<EpiTeamMember>(`/epi-teams/${teamId}/members`, body);
export const patchMember = (id: string, body: EpiTeamMemberPatchBody) =>
  api.patch<EpiTeamMember>(`/epi-team-members/${id}`, body);
export const getWorkload = (jurisdiction?: string) =>
  api.get<Workload>(`/investigations/workload${queryString({ jurisdiction })}`);
