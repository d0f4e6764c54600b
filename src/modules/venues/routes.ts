import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** The venues module's routes under /api. */
export async function venueRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
