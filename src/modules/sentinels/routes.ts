import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Sentinel feeds (MON-1, MON-3, MON-5): fever-clinic visits, school absence and zero reports, environment and goods samples, influenza-like illness and unexplained pneumonia counts. */
export function sentinelRoutes(_api: TypedApp, _ctx: AppContext) {}
