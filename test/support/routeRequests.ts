import type { InjectOptions, RouteOptions } from 'fastify';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { multipartFile } from './multipart.js';
import { COUNTY_A, PERSON_A, type seedWorld, VILLAGE_A } from './world.js';

export type Build = () => Omit<InjectOptions, 'method' | 'headers'> & { headers?: Record<string, string> };
type World = Awaited<ReturnType<typeof seedWorld>>;

/**
 * One well-formed request per API route, aimed at the first county's data (see seedWorld).
 * Tests that must cover every route (cross-scope, hostile input) start from these; a route added
 * without an entry here fails them.
 */
export function routeRequests(world: World, importIdA: () => string): Record<string, Build> {
  return {
    'GET /api/session': () => ({ url: '/api/session' }),
    'DELETE /api/session': () => ({ url: '/api/session' }),
    'POST /api/session/tokens': () => ({ url: '/api/session/tokens', payload: { name: 'system' } }),
    'GET /api/jurisdictions': () => ({ url: `/api/jurisdictions?parent=${COUNTY_A}` }),
    'GET /api/jurisdictions/search': () => ({ url: `/api/jurisdictions/search?q=${COUNTY_A}` }),
    'GET /api/jurisdictions/:code': () => ({ url: `/api/jurisdictions/${VILLAGE_A}` }),
    'POST /api/jurisdictions/:code/grids': () => ({
      url: `/api/jurisdictions/${VILLAGE_A}/grids`,
      payload: { name: '新网格' },
    }),
    'PATCH /api/jurisdictions/:code': () => ({
      url: `/api/jurisdictions/${VILLAGE_A}`,
      payload: { timeZone: 'Asia/Shanghai' },
    }),
    'GET /api/persons': () => ({
      url: `/api/persons?jurisdiction=${COUNTY_A}&idNumber=${PERSON_A.idNumber}`,
    }),
    'GET /api/persons/key-groups': () => ({ url: '/api/persons/key-groups' }),
    'POST /api/persons': () => ({
      url: '/api/persons',
      payload: { name: '赵六', idNumber: withCheckDigit('21112219700707001'), jurisdictionCode: VILLAGE_A },
    }),
    'GET /api/persons/:id': () => ({ url: `/api/persons/${world.personA.id}` }),
    'PUT /api/persons/:id': () => ({
      url: `/api/persons/${world.personA.id}`,
      payload: { ...PERSON_A, name: '欧阳明', version: world.personA.version },
    }),
    'POST /api/persons/:id/unmask': () => ({
      url: `/api/persons/${world.personA.id}/unmask`,
      payload: { reason: '流调核实' },
    }),
    'POST /api/persons/import': () => {
      const file = multipartFile(
        'file',
        'a.csv',
        `姓名,证件号码,现住址区划代码\n孙七,${withCheckDigit('21112219600606001')},${VILLAGE_A}\n`,
      );
      return { url: '/api/persons/import', payload: file.payload, headers: file.headers };
    },
    'GET /api/persons/import/template.xlsx': () => ({ url: '/api/persons/import/template.xlsx' }),
    'GET /api/persons/imports/:id/errors.xlsx': () => ({
      url: `/api/persons/imports/${importIdA()}/errors.xlsx`,
    }),
    'GET /api/persons/export.xlsx': () => ({ url: `/api/persons/export.xlsx?jurisdiction=${COUNTY_A}` }),
    'GET /api/users': () => ({ url: '/api/users' }),
    'POST /api/users': () => ({
      url: '/api/users',
      payload: {
        username: 'new_a',
        displayName: 'x',
        password: 'long-enough-1',
        roles: ['lab'],
        scopes: [COUNTY_A],
      },
    }),
    'PATCH /api/users/:id': () => ({
      url: `/api/users/${world.users.a_community!.userId}`,
      payload: { displayName: '改名' },
    }),
    'GET /api/audit': () => ({ url: `/api/audit?entityId=${world.personA.id}` }),
  };
}

/** 'METHOD /url' of a route that needs a signed-in caller. */
export function guarded(route: RouteOptions): string[] {
  if (route.config && (route.config as { public?: boolean }).public) return [];
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return [];
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.filter((m) => m !== 'HEAD' && m !== 'OPTIONS').map((m) => `${m} ${route.url}`);
}
