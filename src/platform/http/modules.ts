import { arrivalRoutes } from '../../modules/arrivals/routes.js';
import { auditRoutes } from '../../modules/audit/routes.js';
import { boardingRoutes } from '../../modules/boarding/routes.js';
import { cadreLeaveRoutes } from '../../modules/cadreLeave/routes.js';
import { campaignRoutes } from '../../modules/campaigns/routes.js';
import { checkpointRoutes } from '../../modules/checkpoints/routes.js';
import { jurisdictionRoutes } from '../../modules/jurisdictions/routes.js';
import { labResultRoutes } from '../../modules/labResults/routes.js';
import { labRoutes } from '../../modules/labs/routes.js';
import { landingModule } from '../../modules/landing/module.js';
import { personImportRoutes } from '../../modules/persons/importRoutes.js';
import { personRoutes } from '../../modules/persons/routes.js';
import { policyRoutes } from '../../modules/policy/routes.js';
import { pushListRoutes } from '../../modules/pushLists/routes.js';
import { riskAreaRoutes } from '../../modules/riskAreas/routes.js';
import { routineTestingRoutes } from '../../modules/routineTesting/routes.js';
import { samplingRoutes } from '../../modules/sampling/routes.js';
import { sessionRoutes } from '../../modules/session/routes.js';
import { systemRoutes } from '../../modules/system/routes.js';
import { truckRoutes } from '../../modules/trucks/routes.js';
import { userRoutes } from '../../modules/users/routes.js';
import type { AppContext } from '../context.js';
import { deadlineRoutes } from '../deadlines/routes.js';
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
];
