/**
 * The Actors of the requirements catalogue, each a role held within jurisdiction subtrees (CMD-1),
 * and what each may do. Permissions are coarse verbs on resources; modules check them by name.
 */
const PERMISSIONS = [
  'jurisdiction.read',
  'jurisdiction.write',
  'person.read',
  'person.write',
  'person.unmask',
  'person.import',
  'person.export',
  'user.read',
  'user.admin',
  'audit.read',
  'arrival.read',
  'arrival.write',
  'policy.read',
  'policy.admin',
  'risk_area.write',
  'deadline.read',
  'deadline.write',
  'testing.read',
  'testing.sample',
  'testing.result',
  'testing.lab',
  'testing.plan',
  /** Correcting a lab result already posted (TST-3), with a reason; kept apart from posting. */
  'testing.correct',
  /** Cases (CAS-1, CAS-2): reading report cards, filing them (medical institutions, labs), reviewing them (CDC). */
  'case.read',
  'case.report',
  'case.review',
  /** Treatment (CAS-3, CAS-4): hospitals and their beds, transfers, discharges. */
  'hospital.read',
  'hospital.write',
  /** Sentinel feeds (MON-1 … MON-3, MON-5): reporting sales, visits, absences, samples and counts; reading them. */
  'sentinel.report',
  'sentinel.read',
  /** Multi-point triggers (MON-4): reading alerts; acknowledging, assessing and closing them. */
  'alert.read',
  'alert.handle',
  /** Information release (CAS-5): recording press conferences held. */
  'bulletin.release',
  /** Venues and venue codes (HC-2): reading the registry and its scans; registering venues, sending check-in feeds. */
  'venue.read',
  'venue.write',
  /** Investigations (EPI-1, EPI-2, EPI-6): reading them and their teams; investigating; reviewing before release. */
  'investigation.read',
  'investigation.write',
  'investigation.review',
  /** Contacts (EPI-4): reading them; listing, classifying and handing them over. */
  'contact.read',
  'contact.write',
  /** Transmission chains (EPI-5): linking infectors and infectees (reading goes with investigation.read). */
  'chain.write',
  /** Investigation teams and epi assistants in reserve (EPI-6). */
  'team.write',
  /** Isolation (ISO-*): reading sites, rooms, stays and the demand for rooms. */
  'isolation.read',
  /** Isolation sites (ISO-1, ISO-3): registering sites, rooms, readiness and the staff ledger. */
  'isolation.site',
  /** Isolation stays (ISO-4 … ISO-6): allocating rooms, transfers, room turnover, test results, release. */
  'isolation.write',
  /** Health monitoring (ISO-4, ISO-5): recording readings, issuing self-report links, handling abnormal readings. */
  'monitoring.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'commander',
  'working_group',
  'cdc_epidemiologist',
  'lab',
  'hospital_reporter',
  'fever_clinic',
  'pharmacy',
  'community_worker',
  'isolation_manager',
  'checkpoint_staff',
  'department_liaison',
  'school_reporter',
  'supervisor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

const READ: Permission[] = ['jurisdiction.read', 'person.read', 'policy.read', 'deadline.read'];
const MANAGE_PERSONS: Permission[] = [...READ, 'person.write', 'person.import', 'person.export'];
/** Arrival work (ARR-*): registering, verifying, and closing the deadlines that come with it. */
const ARRIVALS: Permission[] = ['arrival.read', 'arrival.write', 'deadline.write'];
/** NAT testing (TST-*): sampling at tables, lab results, lab records, campaigns and routine schedules. */
const SAMPLING: Permission[] = ['testing.read', 'testing.sample'];
const LAB_WORK: Permission[] = [...SAMPLING, 'testing.result', 'testing.lab', 'deadline.write'];
/** Oversight of the outbreak response (CAS-*, MON-*): cases, hospitals, sentinel feeds and alerts, read only. */
const OUTBREAK_READ: Permission[] = ['case.read', 'hospital.read', 'sentinel.read', 'alert.read'];
/** Oversight of tracing (EPI-*, HC-2): venues, investigations and contacts, read only. */
const TRACING_READ: Permission[] = ['venue.read', 'investigation.read', 'contact.read'];
/** Running isolation (ISO-*): sites, rooms, stays, monitoring. */
const ISOLATION_WORK: Permission[] = [
  'isolation.read',
  'isolation.site',
  'isolation.write',
  'monitoring.write',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  commander: [
    ...MANAGE_PERSONS,
    ...OUTBREAK_READ,
    ...TRACING_READ,
    'isolation.read',
    'investigation.review', // EPI-6: reports reviewed before release
    'team.write',
    'alert.handle',
    'bulletin.release', // CAS-5: the HQ holds the press conference
    ...ARRIVALS,
    'person.unmask',
    'user.read',
    'audit.read',
    'policy.admin',
    'risk_area.write',
    ...SAMPLING,
    'testing.plan',
  ],
  working_group: [
    ...MANAGE_PERSONS,
    ...OUTBREAK_READ,
    ...TRACING_READ,
    'contact.write', // EPI-4: pushes contacts to control
    ...ISOLATION_WORK, // ISO-1: the isolation-site working group (隔离场所管理专班, 002 §29)
    'team.write',
    'alert.handle',
    'bulletin.release', // CAS-5: owns the press-conference deadline and records it
    'hospital.write',
    ...ARRIVALS,
    ...SAMPLING,
    'person.unmask',
    'risk_area.write',
    'testing.plan',
  ],
  cdc_epidemiologist: [
    ...MANAGE_PERSONS,
    ...OUTBREAK_READ,
    ...TRACING_READ,
    'venue.write',
    'investigation.write',
    'investigation.review',
    'contact.write',
    'chain.write',
    'team.write',
    'case.report',
    'case.review',
    'alert.handle',
    'sentinel.report',
    'isolation.read',
    'monitoring.write', // ISO-4: abnormal temperatures are reported to the CDC
    ...ARRIVALS,
    ...LAB_WORK,
    'person.unmask',
    'risk_area.write',
    'testing.plan',
    'testing.correct',
  ],
  lab: [...READ, ...LAB_WORK, 'case.read', 'case.report'],
  hospital_reporter: [
    ...READ,
    ...SAMPLING,
    'person.write',
    'case.read',
    'case.report',
    'hospital.read',
    'hospital.write',
    'sentinel.report',
  ],
  fever_clinic: [...READ, ...SAMPLING, 'person.write', 'case.read', 'case.report', 'sentinel.report'],
  pharmacy: [...READ, 'sentinel.report'],
  community_worker: [
    ...MANAGE_PERSONS,
    ...ARRIVALS,
    ...SAMPLING,
    'person.unmask',
    'jurisdiction.write',
    // HC-2: registers the venues of the community; EPI-4: general contacts' home isolation, handovers.
    'venue.read',
    'venue.write',
    'contact.read',
    'contact.write',
    // ISO-5: the community supervises home isolation and its twice-daily readings.
    'isolation.read',
    'monitoring.write',
  ],
  isolation_manager: [
    ...READ,
    ...ARRIVALS,
    ...SAMPLING,
    ...ISOLATION_WORK,
    'person.write',
    'person.unmask',
    'contact.read',
  ],
  checkpoint_staff: [...READ, ...SAMPLING, 'person.write', 'arrival.read', 'arrival.write'],
  department_liaison: [...READ, 'person.export', 'arrival.read', 'testing.read', 'deadline.write'],
  school_reporter: [...READ, 'person.write', 'testing.read', 'sentinel.report'],
  supervisor: [
    ...READ,
    ...OUTBREAK_READ,
    ...TRACING_READ,
    'person.export',
    'audit.read',
    'user.read',
    'arrival.read',
    'testing.read',
    'isolation.read',
  ],
  admin: [...PERMISSIONS],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

/** True when `code` lies in one of the subtrees given by `scopes` (codes are hierarchical prefixes). */
export function inScope(code: string, scopes: readonly string[]): boolean {
  return scopes.some((scope) => code.startsWith(scope));
}

/** Drops scopes already covered by a broader one, so ['2111', '211122'] becomes ['2111']. */
export function normalizeScopes(scopes: readonly string[]): string[] {
  const sorted = [...new Set(scopes)].sort((a, b) => a.length - b.length);
  return sorted.filter((scope, i) => !sorted.slice(0, i).some((broader) => scope.startsWith(broader)));
}
