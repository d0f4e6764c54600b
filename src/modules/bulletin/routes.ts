import {
  BulletinQuery,
  BulletinView,
  ConferenceBody,
  ConferenceList,
  ConferenceQuery,
  ConferenceView,
} from '../../api/bulletin.js';
import { withScope } from '../../platform/access/scope.js';
import { sendWorkbook, xlsxResponse } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { bulletinText } from '../../rules/bulletin.js';
import { listConferences, recordConference } from './conferences.js';
import { bulletinWorkbook } from './export.js';
import { bulletinOf, placeOf } from './figures.js';

const tags = ['bulletin'];

/** Information release (CAS-5): daily figures from the data, the printable bulletin and .xlsx, the press-conference deadline. */
export function bulletinRoutes(api: TypedApp, ctx: AppContext) {
  const read = (jurisdiction: string, date: string, actor: ReturnType<typeof actorOf>) =>
    withScope(ctx.db, actor, async (tx) => {
      const place = await placeOf(tx, actor, jurisdiction, ctx.config.defaultTimeZone);
      const { day, previous } = await bulletinOf(tx, place, date);
      const conferences = await listConferences(tx, place.code, 10);
      return { place, day, previous, text: bulletinText(place.name, day), conferences };
    });

  api.get(
    '/bulletin',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'The daily figures of a jurisdiction for a local day and the day before (CAS-5), computed from cases, hospitals, arrivals and testing, with the release text',
        querystring: BulletinQuery,
        response: { 200: BulletinView },
      },
    },
    async (request) => {
      const { place, ...rest } = await read(request.query.jurisdiction, request.query.date, actorOf(request));
      return {
        jurisdictionCode: place.code,
        jurisdictionName: place.name,
        timeZone: place.timeZone,
        ...rest,
      };
    },
  );

  api.get(
    '/bulletin/export.xlsx',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The daily bulletin as a workbook: a sheet per table and the release text (CAS-5)',
        querystring: BulletinQuery,
        response: xlsxResponse('The bulletin workbook'),
      },
    },
    async (request, reply) => {
      const { place, day, previous, text } = await read(
        request.query.jurisdiction,
        request.query.date,
        actorOf(request),
      );
      const workbook = await bulletinWorkbook(place.name, day, previous, text.zh);
      return sendWorkbook(
        reply,
        workbook,
        `bulletin-${day.date}.xlsx`,
        `${place.name}疫情通报${day.date}.xlsx`,
      );
    },
  );

  api.get(
    '/bulletin/conferences',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'Press conferences of the jurisdiction’s counties: owed and not held first (CAS-5), then those held',
        querystring: ConferenceQuery,
        response: { 200: ConferenceList },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, async (tx) => {
        await placeOf(tx, actor, request.query.jurisdiction, ctx.config.defaultTimeZone);
        return { items: await listConferences(tx, request.query.jurisdiction) };
      });
    },
  );

  api.post(
    '/bulletin/conferences',
    {
      config: { permission: 'bulletin.release' },
      schema: {
        tags,
        summary:
          'Record a press conference a county held: closes the conference owed after its first local case (CAS-5), or stands as a regular release',
        body: ConferenceBody,
        response: { 201: ConferenceView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await withScope(ctx.db, actor, (tx) => recordConference(ctx, tx, actor, request.body));
      return reply.status(201).send(view);
    },
  );
}
