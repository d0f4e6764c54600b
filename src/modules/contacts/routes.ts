import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** The contacts module's routes under /api. */
export async function contactRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
