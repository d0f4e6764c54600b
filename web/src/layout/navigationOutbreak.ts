import {
  AimOutlined,
  BankOutlined,
  FileDoneOutlined,
  FireOutlined,
  FormOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ProfileOutlined,
  RadarChartOutlined,
  ScanOutlined,
  ShareAltOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Role } from '../../../src/rules/roles.js';
import type { NavigationGroup } from './navigationTypes.js';

/** Roles that oversee a jurisdiction's whole situation rather than one kind of task. */
export const OVERSIGHT: readonly Role[] = ['commander', 'working_group', 'cdc_epidemiologist', 'supervisor'];

/** Cases, treatment, sentinel feeds, alerts and the bulletin (CAS-*, MON-*). */
export const OUTBREAK_GROUP: NavigationGroup = {
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
};

/** Tracing (EPI-*, HC-2): one or two pages per role; the tracing tabs reach the rest. */
export const TRACING_GROUP: NavigationGroup = {
  key: 'tracing',
  labelKey: 'nav.groups.tracing',
  icon: RadarChartOutlined,
  items: [
    {
      path: '/venues',
      labelKey: 'venues.nav',
      icon: ScanOutlined,
      permission: 'venue.read',
      // HC-2: supervisors see venues with missing scans; the CDC reaches venues from the tracing tabs.
      roles: ['supervisor'],
    },
    {
      path: '/investigations',
      labelKey: 'investigations.nav',
      icon: AimOutlined,
      permission: 'investigation.read',
      roles: ['cdc_epidemiologist', 'commander', 'supervisor'],
    },
    {
      path: '/contacts',
      labelKey: 'contacts.nav',
      icon: UserSwitchOutlined,
      permission: 'contact.read',
      roles: ['working_group', 'isolation_manager', 'commander'],
    },
    {
      path: '/chains',
      labelKey: 'chains.nav',
      icon: ShareAltOutlined,
      permission: 'investigation.read',
      roles: ['commander'],
    },
  ],
};
