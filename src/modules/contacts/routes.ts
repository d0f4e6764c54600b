import { Type } from 'typebox';
import { Paging, Uuid } from '../../api/common.js';
import {
  BatchBody,
  BatchResult,
  ContactPage,
  ContactQuery,
  ContactView,
  CreateBody,
  ReasonBody,
  ReclassifyBody,
  SecondaryCandidates,
} from '../../api/contacts.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { secondaryCandidates } from './derive.js';
import { acceptHandover, closeContact, reclassify } from './lifecycle.js';
import { createBatch, createOne } from './service.js';
import { listContacts, readContact } from './view.js';

const tags = ['contacts'];
const IdParams = Type.Object({ id: Uuid });

/**
 * Contacts of a case (EPI-4): listed from co-exposure results or by hand, pushed to control by the
 * pack's plan with deadlines (12 h to centralised isolation for close and secondary close contacts),
 * handed to the county where they live, reclassified, released or discarded. Registered in workflow
 * order, the order the route-coverage tests walk them in.
 */
export async function contactRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.post(
    '/contacts/batch',
    {
      config: { permission: 'contact.write' },
      schema: {
        tags,
        summary:
          'List co-exposure results as contacts of a case in one action (EPI-4); a person already listed for the case is returned as existing',
        body: BatchBody,
        response: { 200: BatchResult },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => createBatch(ctx, tx, actor, request.body));
    },
  );

  api.post(
    '/contacts',
    {
      config: { permission: 'contact.write' },
      schema: {
        tags,
        summary:
          'List one contact typed by hand (EPI-4): a registered person, or name, ID number, phone and residence',
        body: CreateBody,
        response: { 200: ContactView, 201: ContactView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { view, existing } = await withScope(ctx.db, actor, async (tx) => {
        const made = await createOne(ctx, tx, actor, request.body);
        return { view: await readContact(tx, actor, made.contactId, ctx.now()), existing: made.existing };
      });
      return reply.status(existing ? 200 : 201).send(view);
    },
  );

  api.get(
    '/contacts',
    {
      config: { permission: 'contact.read' },
      schema: {
        tags,
        summary: 'Contacts managed in your jurisdiction and those you handed to another; open ones first',
        querystring: Type.Object({ ...ContactQuery.properties, ...Paging.properties }),
        response: { 200: ContactPage },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const actor = actorOf(request);
      const result = await withScope(ctx.db, actor, (tx) =>
        listContacts(tx, actor, filter, page, pageSize, ctx.now()),
      );
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/contacts/:id',
    {
      config: { permission: 'contact.read' },
      schema: {
        tags,
        summary: 'One contact: exposure, plan with its clauses, deadlines, history, hand-over',
        params: IdParams,
        response: { 200: ContactView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => readContact(tx, actor, request.params.id, ctx.now()));
    },
  );

  api.get(
    '/contacts/:id/secondary-candidates',
    {
      config: { permission: 'contact.read' },
      schema: {
        tags,
        summary:
          'Contacts of a close contact: people co-exposed with them after their exposure, and their household, as secondary close contact candidates',
        params: IdParams,
        response: { 200: SecondaryCandidates },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => secondaryCandidates(ctx, tx, actor, request.params.id));
    },
  );

  api.post(
    '/contacts/:id/reclassify',
    {
      config: { permission: 'contact.write' },
      schema: {
        tags,
        summary: 'Reclassify a contact: a new plan, the superseded deadlines cancelled (EPI-4)',
        params: IdParams,
        body: ReclassifyBody,
        response: { 200: ContactView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        await reclassify(ctx, tx, actor, request.params.id, request.body.class, request.body.reason);
        return readContact(tx, actor, request.params.id, ctx.now());
      });
    },
  );

  api.post(
    '/contacts/:id/accept',
    {
      config: { permission: 'contact.write' },
      schema: {
        tags,
        summary: 'Accept a contact handed over by another county (regional collaboration)',
        params: IdParams,
        response: { 200: ContactView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        await acceptHandover(ctx, tx, actor, request.params.id);
        return readContact(tx, actor, request.params.id, ctx.now());
      });
    },
  );

  for (const [path, how, summary] of [
    ['release', 'released', 'Release a contact from control (解除管控): its open deadlines are closed'],
    [
      'discard',
      'discarded',
      'Discard a contact listed in error (排除), with the reason: its deadlines are cancelled',
    ],
  ] as const) {
    api.post(
      `/contacts/:id/${path}`,
      {
        config: { permission: 'contact.write' },
        schema: { tags, summary, params: IdParams, body: ReasonBody, response: { 200: ContactView } },
      },
      (request) => {
        const actor = actorOf(request);
        return withScope(ctx.db, actor, async (tx) => {
          await closeContact(ctx, tx, actor, request.params.id, how, request.body.reason);
          return readContact(tx, actor, request.params.id, ctx.now());
        });
      },
    );
  }
}
