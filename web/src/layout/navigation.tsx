import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DiffOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  QrcodeOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../session/api';

export interface NavigationItem {
  path: string;
  labelKey:
    | 'nav.persons'
    | 'nav.jurisdictions'
    | 'nav.import'
    | 'nav.audit'
    | 'privacyAlerts.nav'
    | 'nav.users'
    | 'arrivals.nav'
    | 'arrivals.review.nav'
    | 'policy.nav'
    | 'documents.nav'
    | 'riskAreas.nav'
    | 'trucks.nav'
    | 'cadreLeave.nav'
    | 'boarding.nav'
    | 'checkpoints.nav'
    | 'pushLists.nav'
    | 'landing.nav.code'
    | 'landing.nav.queue'
    | 'landing.nav.verify'
    | 'landing.nav.board'
    | 'deadlines.nav'
    | 'sampling.nav'
    | 'sampling.sitesNav'
    | 'campaigns.nav'
    | 'labResults.nav'
    | 'labResults.navControls'
    | 'routineTesting.nav'
    | 'labs.nav';
  icon: ReactNode;
  permission: Permission;
}

/** The side menu, in order; an item shows only to users holding its permission. */
export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/persons', labelKey: 'nav.persons', icon: <TeamOutlined />, permission: 'person.read' },
  { path: '/deadlines', labelKey: 'deadlines.nav', icon: <ScheduleOutlined />, permission: 'deadline.read' },
  { path: '/sampling', labelKey: 'sampling.nav', icon: <ExperimentOutlined />, permission: 'testing.sample' },
  {
    path: '/sampling/sites',
    labelKey: 'sampling.sitesNav',
    icon: <ExperimentOutlined />,
    permission: 'testing.read',
  },
  { path: '/campaigns', labelKey: 'campaigns.nav', icon: <ExperimentOutlined />, permission: 'testing.read' },
  {
    path: '/lab-work',
    labelKey: 'labResults.nav',
    icon: <ExperimentOutlined />,
    permission: 'testing.result',
  },
  {
    path: '/person-controls',
    labelKey: 'labResults.navControls',
    icon: <AlertOutlined />,
    permission: 'testing.read',
  },
  {
    path: '/routine-testing',
    labelKey: 'routineTesting.nav',
    icon: <ScheduleOutlined />,
    permission: 'testing.read',
  },
  { path: '/labs', labelKey: 'labs.nav', icon: <ExperimentOutlined />, permission: 'testing.read' },
  // Before /arrivals: the menu marks the first item whose path the page's starts with.
  {
    path: '/arrivals/review',
    labelKey: 'arrivals.review.nav',
    icon: <FileSearchOutlined />,
    permission: 'arrival.read',
  },
  { path: '/arrivals', labelKey: 'arrivals.nav', icon: <EnvironmentOutlined />, permission: 'arrival.read' },
  // Before /policy: the menu marks the first item whose path the page's starts with.
  {
    path: '/policy/documents',
    labelKey: 'documents.nav',
    icon: <BookOutlined />,
    permission: 'policy.read',
  },
  { path: '/policy', labelKey: 'policy.nav', icon: <DiffOutlined />, permission: 'policy.read' },
  { path: '/risk-areas', labelKey: 'riskAreas.nav', icon: <AlertOutlined />, permission: 'policy.read' },
  {
    path: '/jurisdictions',
    labelKey: 'nav.jurisdictions',
    icon: <ApartmentOutlined />,
    permission: 'jurisdiction.read',
  },
  { path: '/import', labelKey: 'nav.import', icon: <CloudUploadOutlined />, permission: 'person.import' },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  {
    path: '/privacy-alerts',
    labelKey: 'privacyAlerts.nav',
    icon: <AlertOutlined />,
    permission: 'user.admin',
  },
  { path: '/users', labelKey: 'nav.users', icon: <UserOutlined />, permission: 'user.read' },
  { path: '/checkpoints', labelKey: 'checkpoints.nav', icon: <SafetyOutlined />, permission: 'arrival.read' },
  { path: '/push-lists', labelKey: 'pushLists.nav', icon: <DatabaseOutlined />, permission: 'arrival.write' },
  {
    path: '/landing-code',
    labelKey: 'landing.nav.code',
    icon: <QrcodeOutlined />,
    permission: 'arrival.read',
  },
  {
    path: '/landing-queue',
    labelKey: 'landing.nav.queue',
    icon: <FieldTimeOutlined />,
    permission: 'arrival.read',
  },
  {
    path: '/landing-verify',
    labelKey: 'landing.nav.verify',
    icon: <CheckSquareOutlined />,
    permission: 'arrival.write',
  },
  {
    path: '/landing-board',
    labelKey: 'landing.nav.board',
    icon: <DashboardOutlined />,
    permission: 'arrival.read',
  },
  { path: '/trucks', labelKey: 'trucks.nav', icon: <CarOutlined />, permission: 'arrival.read' },
  { path: '/cadre-leave', labelKey: 'cadreLeave.nav', icon: <SolutionOutlined />, permission: 'person.read' },
  {
    path: '/boarding-check',
    labelKey: 'boarding.nav',
    icon: <FileDoneOutlined />,
    permission: 'arrival.read',
  },
];
