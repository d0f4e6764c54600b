import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Isolation sites, rooms, readiness and the staff ledger (ISO-1, ISO-3) under /api/isolation/sites. */
export async function isolationSiteRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
