import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
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
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FireOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  LineChartOutlined,
  LoginOutlined,
  LogoutOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TruckOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Permission, Role } from '../../../src/rules/roles.js';

/** An icon of @ant-design/icons; each item and group has its own. */
export type NavigationIcon = typeof HomeOutlined;

type LabelKey =
  | 'dashboard.nav'
  | 'work.nav'
  | 'deadlines.nav'
  | 'nav.persons'
  | 'nav.import'
  | 'nav.handovers'
  | 'arrivals.nav'
  | 'arrivals.review.nav'
  | 'landing.nav.code'
  | 'landing.nav.queue'
  | 'landing.nav.verify'
  | 'landing.nav.board'
  | 'checkpoints.nav'
  | 'trucks.nav'
  | 'boarding.nav'
  | 'pushLists.nav'
  | 'cadreLeave.nav'
  | 'sampling.nav'
  | 'sampling.sitesNav'
  | 'campaigns.nav'
  | 'labResults.nav'
  | 'labResults.navControls'
  | 'routineTesting.nav'
  | 'labs.nav'
  | 'policy.nav'
  | 'documents.nav'
  | 'riskAreas.nav'
  | 'nav.jurisdictions'
  | 'nav.users'
  | 'nav.audit'
  | 'privacyAlerts.nav'
  | 'cases.nav'
  | 'cases.reviewNav'
  | 'hospitals.nav'
  | 'drugSales.counterNav'
  | 'drugSales.nav'
  | 'sentinels.nav'
  | 'sentinels.dataNav'
  | 'alerts.nav'
  | 'bulletin.nav';

export interface NavigationItem {
  path: string;
  labelKey: LabelKey;
  icon: NavigationIcon;
  /** What the page's route guard asks for; none where every signed-in user may open the page. */
  permission?: Permission;
  /**
   * The roles whose work the page is. A permission says what a user may read; this says what they
   * come to the page for, so a community worker is not shown lab capacity because they may read it.
   * The administrator sees every page.
   */
  roles: readonly Role[] | 'every role';
}

type GroupKey = 'workbench' | 'persons' | 'arrivals' | 'testing' | 'outbreak' | 'policy' | 'system';

export interface NavigationGroup {
  key: GroupKey;
  labelKey: `nav.groups.${GroupKey}`;
  icon: NavigationIcon;
  items: readonly NavigationItem[];
}

/** Roles that oversee a jurisdiction's whole situation rather than one kind of task. */
const OVERSIGHT: readonly Role[] = ['commander', 'working_group', 'cdc_epidemiologist', 'supervisor'];

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
  {
    key: 'outbreak',
    labelKey: 'nav.groups.outbreak',
    icon: FireOutlined,
    items: [
      {
        path: '/cases',
        labelKey: 'cases.nav',
        icon: SolutionOutlined,
        permission: 'case.read',
        roles: [...OVERSIGHT, 'hospital_reporter', 'fever_clinic', 'lab'],
      },
      {
        path: '/cases/review',
        labelKey: 'cases.reviewNav',
        icon: FileDoneOutlined,
        permission: 'case.review',
        roles: ['cdc_epidemiologist'],
      },
      {
        path: '/hospitals',
        labelKey: 'hospitals.nav',
        icon: BankOutlined,
        permission: 'hospital.read',
        roles: ['commander', 'working_group', 'cdc_epidemiologist', 'hospital_reporter'],
      },
      {
        path: '/pharmacy-counter',
        labelKey: 'drugSales.counterNav',
        icon: ShopOutlined,
        permission: 'sentinel.report',
        roles: ['pharmacy'],
      },
      {
        path: '/drug-sales',
        labelKey: 'drugSales.nav',
        icon: ShoppingCartOutlined,
        permission: 'sentinel.read',
        // The medical-control group follows up each sale (MON-2); the CDC reads the feed.
        roles: ['working_group', 'cdc_epidemiologist'],
      },
      {
        path: '/sentinels',
        labelKey: 'sentinels.nav',
        icon: FormOutlined,
        permission: 'sentinel.report',
        roles: ['fever_clinic', 'hospital_reporter', 'school_reporter'],
      },
      {
        path: '/sentinels/data',
        labelKey: 'sentinels.dataNav',
        icon: LineChartOutlined,
        permission: 'sentinel.read',
        roles: ['cdc_epidemiologist'],
      },
      {
        path: '/alerts',
        labelKey: 'alerts.nav',
        icon: NotificationOutlined,
        permission: 'alert.read',
        roles: OVERSIGHT,
      },
      {
        path: '/bulletin',
        labelKey: 'bulletin.nav',
        icon: ProfileOutlined,
        permission: 'case.read',
        roles: ['commander', 'working_group', 'cdc_epidemiologist'],
      },
    ],
  },
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
