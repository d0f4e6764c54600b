import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** The epiTeams module's routes under /api. */
export async function epiTeamRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
