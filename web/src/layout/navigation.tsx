import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../session/api';

export interface NavigationItem {
  path: string;
  labelKey: 'nav.persons' | 'nav.jurisdictions' | 'nav.import' | 'nav.audit' | 'nav.users';
  icon: ReactNode;
  permission: Permission;
}

/** The side menu, in order; an item shows only to users holding its permission. */
export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/persons', labelKey: 'nav.persons', icon: <TeamOutlined />, permission: 'person.read' },
  {
    path: '/jurisdictions',
    labelKey: 'nav.jurisdictions',
    icon: <ApartmentOutlined />,
    permission: 'jurisdiction.read',
  },
  { path: '/import', labelKey: 'nav.import', icon: <CloudUploadOutlined />, permission: 'person.import' },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/users', labelKey: 'nav.users', icon: <UserOutlined />, permission: 'user.read' },
];
