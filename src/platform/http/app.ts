import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import { registerUploads } from '../bulk/upload.js';
import type { AppContext } from '../context.js';
import { AppError, toProblem } from '../errors.js';
import { registerAuth } from './auth.js';
import { errorHandler, frameworkErrorHandler, MAX_PARAM_LENGTH } from './errorHandler.js';
import { registerSecurityHeaders, securityHeaders } from './headers.js';
import { modules } from './modules.js';
import { registerSameOriginCheck } from './sameOrigin.js';
import { validatorCompiler } from './validation.js';

export type TypedApp = ReturnType<typeof typed>;
const typed = (app: FastifyInstance) => app.withTypeProvider<TypeBoxTypeProvider>();

const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');
const JSON_BODY_LIMIT = 1024 * 1024;

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
      for (const register of modules) await register(typed(api), ctx);
    },
    { prefix: '/api' },
  );

  if (existsSync(join(webDist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isFile = /\.[a-z0-9]+$/i.test(path);
    if (path.startsWith('/api/') || isFile || !existsSync(join(webDist, 'index.html'))) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send(toProblem(new AppError('not_found')));
    }
    // The web app routes on the client, so every other page path gets its shell.
    return reply.type('text/html').sendFile('index.html');
  });
  await app.ready();
  return { app, routes };
}
