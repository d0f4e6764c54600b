import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Treatment (CAS-3, CAS-4): designated hospitals, fever clinics and mobile cabins, beds, transfers, the 48-hour emptying rule, discharge and follow-up. */
export function hospitalRoutes(_api: TypedApp, _ctx: AppContext) {}
