import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Health monitoring of people in isolation (ISO-4, ISO-5) under /api/monitoring. */
export async function monitoringRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
