import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { landingPublicRoutes } from './publicRoutes.js';
import { landingRoutes } from './routes.js';

/** The landing code (ARR-11): staff routes, then the public ones reached by its QR code. */
export function landingModule(api: TypedApp, ctx: AppContext) {
  landingRoutes(api, ctx);
  landingPublicRoutes(api, ctx);
}
