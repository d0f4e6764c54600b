import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** The investigations module's routes under /api. */
export async function investigationRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
