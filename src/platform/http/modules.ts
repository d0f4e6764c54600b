import { auditRoutes } from '../../modules/audit/routes.js';
import { jurisdictionRoutes } from '../../modules/jurisdictions/routes.js';
import { personImportRoutes } from '../../modules/persons/importRoutes.js';
import { personRoutes } from '../../modules/persons/routes.js';
import { sessionRoutes } from '../../modules/session/routes.js';
import { systemRoutes } from '../../modules/system/routes.js';
import { userRoutes } from '../../modules/users/routes.js';
import type { AppContext } from '../context.js';
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
];
