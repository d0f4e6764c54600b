import {
  BuildOutlined,
  FundOutlined,
  HeartOutlined,
  InsuranceOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { NavigationGroup } from './navigationTypes.js';

/** Isolation (ISO-*): the isolation tabs reach the pages a role's menu leaves out. */
export const ISOLATION_GROUP: NavigationGroup = {
  key: 'isolation',
  labelKey: 'nav.groups.isolation',
  icon: InsuranceOutlined,
  items: [
    {
      path: '/isolation',
      labelKey: 'isolationDemand.nav',
      icon: FundOutlined,
      permission: 'isolation.read',
      // ISO-2: the HQ weighs rooms demanded against rooms available.
      roles: ['commander', 'working_group'],
    },
    {
      path: '/isolation/stays',
      labelKey: 'isolationStays.nav',
      icon: UsergroupAddOutlined,
      permission: 'isolation.read',
      roles: ['isolation_manager', 'working_group'],
    },
    {
      path: '/isolation/sites',
      labelKey: 'isolationSites.nav',
      icon: BuildOutlined,
      permission: 'isolation.read',
      roles: ['isolation_manager'],
    },
    {
      path: '/monitoring',
      labelKey: 'healthMonitoring.nav',
      icon: HeartOutlined,
      permission: 'isolation.read',
      // ISO-4: site staff take the readings. The community's menu is full: its home-isolation
      // readings are reached from its dashboard tile and "my work".
      roles: ['isolation_manager'],
    },
  ],
};
