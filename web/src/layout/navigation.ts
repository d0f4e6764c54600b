import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarcodeOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClearOutlined,
  CloudUploadOutlined,
  CompassOutlined,
  ContactsOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  EyeInvisibleOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  LoginOutlined,
  LogoutOutlined,
  MedicineBoxOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SendOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  TruckOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Role } from '../../../src/rules/roles.js';
import { OUTBREAK_GROUP, OVERSIGHT, TRACING_GROUP } from './navigationOutbreak.js';
import type { NavigationGroup } from './navigationTypes.js';

/**
 * The side menu (and the phone's drawer), by work area, in order. An item shows to a user holding
 * its permission when one of their roles is among its roles; a group with no item to show is left out.
 * Role lists follow the requirements' actors: the community (grid) worker keeps the ledger and
 * verifies arrivals; the working group (专班) runs landing codes, pushed lists, sites and campaigns;
 * the CDC reviews plans, corrects results and follows routine testing; the lab posts results and
 * keeps its capacity and QC; checkpoint staff log passes, trucks and boarding; departments and
 * schools follow their routine testing; the supervisor inspects, and the commander watches.
 */
export const NAVIGATION: readonly NavigationGroup[] = [
  {
    key: 'workbench',
    labelKey: 'nav.groups.workbench',
    icon: HomeOutlined,
    items: [
      { path: '/dashboard', labelKey: 'dashboard.nav', icon: DashboardOutlined, roles: OVERSIGHT },
      { path: '/my-work', labelKey: 'work.nav', icon: CarryOutOutlined, roles: 'every role' },
      {
        path: '/deadlines',
        labelKey: 'deadlines.nav',
        icon: FieldTimeOutlined,
        permission: 'deadline.read',
        // Those who own deadlines (deadlines.owner_role), and those who oversee them.
        roles: [...OVERSIGHT, 'lab', 'community_worker', 'isolation_manager', 'department_liaison'],
      },
    ],
  },
  {
    key: 'persons',
    labelKey: 'nav.groups.persons',
    icon: IdcardOutlined,
    items: [
      {
        path: '/persons',
        labelKey: 'nav.persons',
        icon: ContactsOutlined,
        permission: 'person.read',
        roles: [
          ...OVERSIGHT,
          'community_worker',
          'isolation_manager',
          'hospital_reporter',
          'fever_clinic',
          'department_liaison',
          'school_reporter',
        ],
      },
      {
        path: '/import',
        labelKey: 'nav.import',
        icon: CloudUploadOutlined,
        permission: 'person.import',
        roles: ['community_worker'],
      },
      {
        path: '/persons/handovers',
        labelKey: 'nav.handovers',
        icon: SwapOutlined,
        permission: 'person.write',
        roles: ['community_worker'],
      },
    ],
  },
  {
    key: 'arrivals',
    labelKey: 'nav.groups.arrivals',
    icon: CompassOutlined,
    items: [
      {
        path: '/arrivals',
        labelKey: 'arrivals.nav',
        icon: LoginOutlined,
        permission: 'arrival.read',
        roles: [...OVERSIGHT, 'community_worker', 'isolation_manager', 'checkpoint_staff'],
      },
      {
        path: '/arrivals/review',
        labelKey: 'arrivals.review.nav',
        icon: FileSearchOutlined,
        permission: 'arrival.read',
        roles: ['cdc_epidemiologist'],
      },
      {
        path: '/landing-code',
        labelKey: 'landing.nav.code',
        icon: QrcodeOutlined,
        permission: 'arrival.read',
        roles: ['working_group'],
      },
      {
        path: '/landing-queue',
        labelKey: 'landing.nav.queue',
        icon: InboxOutlined,
        permission: 'arrival.read',
        roles: ['working_group'],
      },
      {
        path: '/landing-verify',
        labelKey: 'landing.nav.verify',
        icon: CheckSquareOutlined,
        permission: 'arrival.write',
        roles: ['community_worker'],
      },
      {
        path: '/landing-board',
        labelKey: 'landing.nav.board',
        icon: ClearOutlined,
        permission: 'arrival.read',
        roles: ['commander', 'working_group', 'supervisor'],
      },
      {
        path: '/push-lists',
        labelKey: 'pushLists.nav',
        icon: DatabaseOutlined,
        permission: 'arrival.write',
        roles: ['working_group'],
      },
      {
        path: '/checkpoints',
        labelKey: 'checkpoints.nav',
        icon: SafetyOutlined,
        permission: 'arrival.read',
        roles: ['checkpoint_staff'],
      },
      {
        path: '/trucks',
        labelKey: 'trucks.nav',
        icon: TruckOutlined,
        permission: 'arrival.read',
        roles: ['community_worker', 'checkpoint_staff'],
      },
      {
        path: '/boarding-check',
        labelKey: 'boarding.nav',
        icon: SendOutlined,
        permission: 'arrival.read',
        roles: ['checkpoint_staff'],
      },
      {
        path: '/cadre-leave',
        labelKey: 'cadreLeave.nav',
        icon: LogoutOutlined,
        permission: 'person.read',
        roles: ['community_worker', 'department_liaison'],
      },
    ],
  },
  {
    key: 'testing',
    labelKey: 'nav.groups.testing',
    icon: MedicineBoxOutlined,
    items: [
      {
        path: '/sampling',
        labelKey: 'sampling.nav',
        icon: BarcodeOutlined,
        permission: 'testing.sample',
        roles: ['hospital_reporter', 'fever_clinic', 'isolation_manager', 'checkpoint_staff'],
      },
      {
        path: '/sampling/sites',
        labelKey: 'sampling.sitesNav',
        icon: EnvironmentOutlined,
        permission: 'testing.read',
        roles: ['working_group'],
      },
      {
        path: '/campaigns',
        labelKey: 'campaigns.nav',
        icon: TeamOutlined,
        permission: 'testing.read',
        roles: ['commander', 'working_group', 'community_worker', 'supervisor'],
      },
      {
        path: '/lab-work',
        labelKey: 'labResults.nav',
        icon: ExperimentOutlined,
        // Reading the boards is testing.read (the dashboard drills into them); posting needs testing.result.
        permission: 'testing.read',
        roles: ['lab', 'cdc_epidemiologist'],
      },
      {
        path: '/person-controls',
        labelKey: 'labResults.navControls',
        icon: AlertOutlined,
        permission: 'testing.read',
        roles: ['commander', 'cdc_epidemiologist', 'community_worker', 'isolation_manager'],
      },
      {
        path: '/routine-testing',
        labelKey: 'routineTesting.nav',
        icon: CalendarOutlined,
        permission: 'testing.read',
        roles: ['cdc_epidemiologist', 'department_liaison', 'school_reporter', 'supervisor'],
      },
      {
        path: '/labs',
        labelKey: 'labs.nav',
        icon: SafetyCertificateOutlined,
        permission: 'testing.read',
        roles: ['lab', 'cdc_epidemiologist'],
      },
    ],
  },
  OUTBREAK_GROUP,
  TRACING_GROUP,
  {
    key: 'policy',
    labelKey: 'nav.groups.policy',
    icon: FileTextOutlined,
    items: [
      {
        path: '/policy',
        labelKey: 'policy.nav',
        icon: ControlOutlined,
        permission: 'policy.read',
        roles: ['commander', 'cdc_epidemiologist'],
      },
      {
        path: '/policy/documents',
        labelKey: 'documents.nav',
        icon: BookOutlined,
        permission: 'policy.read',
        roles: ['commander'],
      },
      {
        path: '/risk-areas',
        labelKey: 'riskAreas.nav',
        icon: WarningOutlined,
        permission: 'policy.read',
        roles: ['commander', 'working_group', 'cdc_epidemiologist', 'checkpoint_staff'],
      },
    ],
  },
  {
    key: 'system',
    labelKey: 'nav.groups.system',
    icon: SettingOutlined,
    items: [
      {
        path: '/jurisdictions',
        labelKey: 'nav.jurisdictions',
        icon: ApartmentOutlined,
        permission: 'jurisdiction.read',
        // The community worker adds its grids (jurisdiction.write).
        roles: ['community_worker'],
      },
      {
        path: '/users',
        labelKey: 'nav.users',
        icon: UserOutlined,
        permission: 'user.read',
        roles: ['supervisor'],
      },
      {
        path: '/audit',
        labelKey: 'nav.audit',
        icon: AuditOutlined,
        permission: 'audit.read',
        roles: ['supervisor'],
      },
      {
        path: '/privacy-alerts',
        labelKey: 'privacyAlerts.nav',
        icon: EyeInvisibleOutlined,
        permission: 'user.admin',
        roles: [],
      },
    ],
  },
];
