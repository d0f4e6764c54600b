import type { HomeOutlined } from '@ant-design/icons';
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
  | 'bulletin.nav'
  | 'venues.nav'
  | 'investigations.nav'
  | 'contacts.nav'
  | 'chains.nav'
  | 'epiTeams.nav'
  | 'isolationDemand.nav'
  | 'isolationSites.nav'
  | 'isolationStays.nav'
  | 'healthMonitoring.nav';

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

type GroupKey =
  | 'workbench'
  | 'persons'
  | 'arrivals'
  | 'testing'
  | 'outbreak'
  | 'tracing'
  | 'isolation'
  | 'policy'
  | 'system';

export interface NavigationGroup {
  key: GroupKey;
  labelKey: `nav.groups.${GroupKey}`;
  icon: NavigationIcon;
  items: readonly NavigationItem[];
}
