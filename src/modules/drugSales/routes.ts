import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Four-class drug sales (MON-2): the pharmacy counter, bulk and API feeds, and each sale's follow-up. */
export function drugSalesRoutes(_api: TypedApp, _ctx: AppContext) {}
