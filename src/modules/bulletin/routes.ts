import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Information release (CAS-5): daily figures from the data, the printable bulletin and .xlsx, the press-conference deadline. */
export function bulletinRoutes(_api: TypedApp, _ctx: AppContext) {}
