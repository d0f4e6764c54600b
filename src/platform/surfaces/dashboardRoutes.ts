import type { AppContext } from '../context.js';
import type { TypedApp } from '../http/app.js';

export function dashboardRoutes(_api: TypedApp, _ctx: AppContext) {}
