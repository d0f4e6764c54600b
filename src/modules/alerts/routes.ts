import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Multi-point triggers (MON-4): trigger rules from the packs evaluated over the signal feeds, alerts acknowledged, assessed and closed. */
export function alertRoutes(_api: TypedApp, _ctx: AppContext) {}
