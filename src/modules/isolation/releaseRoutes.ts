import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Tests during a stay and release when the plan allows it (ISO-6), under /api/isolation. */
export async function isolationReleaseRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
