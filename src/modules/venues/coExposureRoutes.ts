import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Co-exposure search (EPI-3) under /api/co-exposure. */
export async function coExposureRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
