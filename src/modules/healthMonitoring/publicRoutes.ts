import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** The public self-report of a person in home isolation, by their personal link (ISO-5), under /api/public/self-report. */
export async function monitoringPublicRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
