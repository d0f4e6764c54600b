import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** The chains module's routes under /api. */
export async function chainRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
