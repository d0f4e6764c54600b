import type { AppContext } from '../context.js';
import type { TypedApp } from '../http/app.js';

export function workRoutes(_api: TypedApp, _ctx: AppContext) {}
