import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Rooms demanded against rooms available (ISO-2) and every site's occupancy, under /api/isolation/demand. */
export async function isolationDemandRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
