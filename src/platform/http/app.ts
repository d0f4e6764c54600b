import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress, { type FastifyCompressOptions } from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import { registerUploads } from '../bulk/upload.js';
import type { AppContext } from '../context.js';
import { registerAuth } from './auth.js';
import { errorHandler, frameworkErrorHandler, MAX_PARAM_LENGTH } from './errorHandler.js';
import { registerSecurityHeaders, securityHeaders } from './headers.js';
import { modules } from './modules.js';
import { registerSameOriginCheck } from './sameOrigin.js';
import { validatorCompiler } from './validation.js';
import { registerWebApp } from './webApp.js';

export type TypedApp = ReturnType<typeof typed>;
const typed = (app: FastifyInstance) => app.withTypeProvider<TypeBoxTypeProvider>();

const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');
const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * API answers over 1 KB are compressed when the client accepts it (brotli or gzip); what is already
 * compressed (.xlsx, images) is not. A streamed export still streams, through the compressor. Only
 * answers: a compressed request body would be inflated before the size limits count it, and no
 * client sends one. The session cookie is SameSite=Lax, so a foreign page cannot have a browser fetch
 * signed-in answers with its own text mixed in to measure their compressed size (BREACH).
 */
const API_COMPRESSION: FastifyCompressOptions = {
  encodings: ['br', 'gzip'],
  threshold: 1024,
  globalDecompression: false,
};

export interface BuiltApp {
  app: FastifyInstance;
  /** Every route registered, for tests that must cover all of them. */
  routes: RouteOptions[];
}

/** The proxy addresses or CIDRs whose forwarding headers are believed; none by default. */
function trustProxySetting(value: string | undefined): boolean | string[] {
  if (!value) return false;
  return value.split(',').map((part) => part.trim());
}

/** Assembles the HTTP app without listening, so tests drive it with inject(). */
export async function buildApp(ctx: AppContext): Promise<BuiltApp> {
  const headers = securityHeaders(ctx.config);
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: trustProxySetting(ctx.config.trustProxy),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrorHandler(headers),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });

  // First, so even a refused or failed request carries the headers, and a foreign page's write is
  // refused before anything else runs.
  registerSecurityHeaders(app, headers);
  registerSameOriginCheck(app, ctx.config);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await registerUploads(app, ctx.config.uploads);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Fangkong API',
        version: '1',
        description: '疫情防控指挥平台 / epidemic prevention and control command platform',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fk_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerAuth(app, ctx);

  await app.register(
    async (api) => {
      await api.register(fastifyCompress, API_COMPRESSION);
      for (const register of modules) await register(typed(api), ctx);
    },
    { prefix: '/api' },
  );

  await registerWebApp(app, webDist);
  await app.ready();
  return { app, routes };
}
