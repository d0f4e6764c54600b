import { Type } from 'typebox';
import { IsoDate, JurisdictionCode, Paging, SafeText, Uuid } from '../../api/common.js';
import { KeyGroupOption, PersonPage, PersonView, UnmaskedPerson } from '../../api/persons.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError, invalid } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { ID_TYPES } from '../../rules/idNumber.js';
import { KEY_GROUP_IDS, KEY_GROUPS } from '../../rules/keyGroups.js';
import { isRealReason } from '../../rules/unmaskReason.js';
import { privacyAlertRoutes } from './alertRoutes.js';
import { handoverRoutes } from './handoverRoutes.js';
import { guardExactSearch, guardIdNumberWrite, guardUnmask } from './privacyGuard.js';
import { exactTerms, searchPersons } from './search.js';
import { createPerson, getPerson, unmaskPerson, updatePerson } from './service.js';

const Nullable = <T extends ReturnType<typeof SafeText>>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

const PersonBody = Type.Object(
  {
    name: SafeText(50, { minLength: 1 }),
    idType: Type.Optional(Type.Union(ID_TYPES.map((t) => Type.Literal(t)))),
    idNumber: SafeText(30, { minLength: 1 }),
    phone: Nullable(SafeText(20)),
    sex: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Null()])),
    birthDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    jurisdictionCode: JurisdictionCode,
    address: Nullable(SafeText(200)),
    employer: Nullable(SafeText(100)),
    householdCode: Nullable(SafeText(40)),
    keyGroups: Type.Optional(
      Type.Array(Type.Union(KEY_GROUP_IDS.map((g) => Type.Literal(g))), { maxItems: 20 }),
    ),
  },
  { additionalProperties: false },
);

export const PersonQuery = Type.Object({
  q: Type.Optional(SafeText(50)),
  idNumber: Type.Optional(SafeText(30)),
  phone: Type.Optional(SafeText(20)),
  jurisdiction: Type.Optional(JurisdictionCode),
  keyGroup: Type.Optional(Type.Union(KEY_GROUP_IDS.map((g) => Type.Literal(g)))),
  householdCode: Type.Optional(SafeText(40)),
});

const IdParams = Type.Object({ id: Uuid });
const tags = ['persons'];

export function personRoutes(api: TypedApp, ctx: AppContext) {
  privacyAlertRoutes(api, ctx);
  handoverRoutes(api, ctx);
  api.get(
    '/persons',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary:
          'Search persons in your jurisdiction (name prefix, or a whole ID number or phone in q; exact ID number or phone, filters). Exact searches are audited by keyed hash and limited per user (429 past it)',
        querystring: Type.Object({ ...PersonQuery.properties, ...Paging.properties }),
        response: { 200: PersonPage },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const terms = exactTerms(ctx, filter);
      if (terms.idHash || terms.phoneHash) await guardExactSearch(ctx, actorOf(request), terms);
      const result = await withScope(ctx.db, actorOf(request), (tx) =>
        searchPersons(ctx, tx, actorOf(request), filter, page, pageSize),
      );
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/persons/key-groups',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary: 'The key groups (重点人群) a person can be tagged with',
        response: { 200: Type.Array(KeyGroupOption) },
      },
    },
    async () => KEY_GROUP_IDS.map((id) => ({ id, ...KEY_GROUPS[id] })),
  );

  api.post(
    '/persons',
    {
      config: { permission: 'person.write' },
      schema: {
        tags,
        summary:
          'Register a person. Without the unmask permission, the typed ID number counts as an exact search (audited by keyed hash when it hits; limited per user, 429 past it)',
        body: PersonBody,
        response: { 201: PersonView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const terms = exactTerms(ctx, { idNumber: request.body.idNumber });
      const person = await guardIdNumberWrite(ctx, actor, terms, () =>
        withScope(ctx.db, actor, (tx) => createPerson(ctx, tx, actor, request.body)),
      );
      return reply.status(201).send(person);
    },
  );

  api.get(
    '/persons/:id',
    {
      config: { permission: 'person.read' },
      schema: { tags, summary: 'One person, masked', params: IdParams, response: { 200: PersonView } },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) => getPerson(ctx, tx, actorOf(request), request.params.id)),
  );

  api.put(
    '/persons/:id',
    {
      config: { permission: 'person.write' },
      schema: {
        tags,
        summary:
          'Replace a person’s fields; `version` must be the one you read. An omitted idNumber or phone keeps the stored one (null clears the phone). Without the unmask permission, a typed idNumber counts as an exact search (limited per user, 429 past it).',
        params: IdParams,
        body: Type.Object(
          {
            ...PersonBody.properties,
            idNumber: Type.Optional(PersonBody.properties.idNumber),
            version: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: PersonView },
      },
    },
    (request) => {
      const { version, ...input } = request.body;
      const actor = actorOf(request);
      const terms = exactTerms(ctx, { idNumber: input.idNumber });
      return guardIdNumberWrite(ctx, actor, terms, () =>
        withScope(ctx.db, actor, (tx) => updatePerson(ctx, tx, actor, request.params.id, version, input)),
      );
    },
  );

  api.post(
    '/persons/:id/unmask',
    {
      config: { permission: 'person.unmask' },
      schema: {
        tags,
        summary:
          'Show the full ID number and phone; needs a real reason, is limited per user (429 past it) and recorded in the audit log',
        params: IdParams,
        body: Type.Object({ reason: SafeText(200, { minLength: 2 }) }, { additionalProperties: false }),
        response: { 200: UnmaskedPerson },
      },
    },
    async (request) => {
      if (!isRealReason(request.body.reason)) throw invalid([fieldError('reason', 'reason_too_short')]);
      await guardUnmask(ctx, actorOf(request));
      return withScope(ctx.db, actorOf(request), (tx) =>
        unmaskPerson(ctx, tx, actorOf(request), request.params.id, request.body.reason),
      );
    },
  );
}
