import { alertRoutes } from '../../modules/alerts/index.js';
import { arrivalRoutes } from '../../modules/arrivals/index.js';
import { auditRoutes } from '../../modules/audit/index.js';
import { boardingRoutes } from '../../modules/boarding/index.js';
import { bulletinRoutes } from '../../modules/bulletin/index.js';
import { cadreLeaveRoutes } from '../../modules/cadreLeave/index.js';
import { campaignRoutes } from '../../modules/campaigns/index.js';
import { casesRoutes } from '../../modules/cases/index.js';
import { chainRoutes } from '../../modules/chains/index.js';
import { checkpointRoutes } from '../../modules/checkpoints/index.js';
import { contactRoutes } from '../../modules/contacts/index.js';
import { documentRoutes } from '../../modules/documents/index.js';
import { drugSalesRoutes } from '../../modules/drugSales/index.js';
import { epiTeamRoutes } from '../../modules/epiTeams/index.js';
import { monitoringPublicRoutes, monitoringRoutes } from '../../modules/healthMonitoring/index.js';
import { hospitalRoutes } from '../../modules/hospitals/index.js';
import { investigationRoutes } from '../../modules/investigations/index.js';
import {
  isolationDemandRoutes,
  isolationReleaseRoutes,
  isolationSiteRoutes,
  isolationStayRoutes,
} from '../../modules/isolation/index.js';
import { jurisdictionRoutes } from '../../modules/jurisdictions/index.js';
import { labResultRoutes } from '../../modules/labResults/index.js';
import { labRoutes } from '../../modules/labs/index.js';
import { landingModule } from '../../modules/landing/index.js';
import { personImportRoutes, personRoutes } from '../../modules/persons/index.js';
import { policyRoutes } from '../../modules/policy/index.js';
import { pushListRoutes } from '../../modules/pushLists/index.js';
import { riskAreaRoutes } from '../../modules/riskAreas/index.js';
import { routineTestingRoutes } from '../../modules/routineTesting/index.js';
import { samplingRoutes } from '../../modules/sampling/index.js';
import { sentinelRoutes } from '../../modules/sentinels/index.js';
import { sessionRoutes } from '../../modules/session/index.js';
import { systemRoutes } from '../../modules/system/index.js';
import { truckRoutes } from '../../modules/trucks/index.js';
import { userRoutes } from '../../modules/users/index.js';
import { coExposureRoutes, venueRoutes } from '../../modules/venues/index.js';
import type { AppContext } from '../context.js';
import { deadlineRoutes } from '../deadlines/routes.js';
import { dashboardRoutes } from '../surfaces/dashboardRoutes.js';
import { storyRoutes } from '../surfaces/storyRoutes.js';
import { workRoutes } from '../surfaces/workRoutes.js';
import type { TypedApp } from './app.js';

/** Every feature module's routes, mounted under /api. A new module adds one line here. */
export const modules: ReadonlyArray<(api: TypedApp, ctx: AppContext) => Promise<void> | void> = [
  systemRoutes,
  sessionRoutes,
  jurisdictionRoutes,
  personRoutes,
  personImportRoutes,
  userRoutes,
  auditRoutes,
  deadlineRoutes,
  riskAreaRoutes,
  documentRoutes,
  policyRoutes,
  arrivalRoutes,
  landingModule,
  checkpointRoutes,
  pushListRoutes,
  truckRoutes,
  cadreLeaveRoutes,
  boardingRoutes,
  campaignRoutes,
  samplingRoutes,
  // After sampling: test/support/routeRequests.ts results the tube sampling's requests made.
  labResultRoutes,
  routineTestingRoutes,
  labRoutes,
  casesRoutes,
  hospitalRoutes,
  drugSalesRoutes,
  sentinelRoutes,
  alertRoutes,
  bulletinRoutes,
  venueRoutes,
  coExposureRoutes,
  epiTeamRoutes,
  investigationRoutes,
  contactRoutes,
  chainRoutes,
  isolationSiteRoutes,
  isolationStayRoutes,
  isolationReleaseRoutes,
  isolationDemandRoutes,
  monitoringRoutes,
  monitoringPublicRoutes,
  dashboardRoutes,
  workRoutes,
  storyRoutes,
];
