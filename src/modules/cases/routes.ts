import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Cases (CAS-1, CAS-2): infectious-disease report cards, CDC review, reclassification and discard. */
export function casesRoutes(_api: TypedApp, _ctx: AppContext) {}
