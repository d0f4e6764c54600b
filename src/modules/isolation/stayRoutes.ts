import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';

/** Isolation stays (ISO-4 … ISO-6): the queue, allocation, transfers, room turnover, tests and release, under /api/isolation. */
export async function isolationStayRoutes(_api: TypedApp, _ctx: AppContext): Promise<void> {}
