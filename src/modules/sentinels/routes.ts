import { Type } from 'typebox';
import {
  FeedBatchBody,
  FeedReportView,
  feedRowView,
  OverviewQuery,
  OverviewView,
  RecentQuery,
  SiteBody,
  SitesQuery,
  SiteView,
} from '../../api/sentinels.js';
import { withScope } from '../../platform/access/scope.js';
import { uploadBody, withUpload } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { FEEDS, SITE_COLUMN } from '../../rules/sentinels.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { ingestRows, readFeedSheet, requireSender } from './ingest.js';
import { MAX_OVERVIEW_DAYS, recentRows, sentinelOverview } from './overview.js';
import { listSites, registerSite } from './sites.js';

const tags = ['sentinels'];

/** Sentinel feeds (MON-1, MON-3, MON-5): fever-clinic visits, school absence and zero reports, environment and goods samples, influenza-like illness and unexplained pneumonia counts. */
export function sentinelRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/sentinels/sites',
    {
      // Site names are not personal data: every signed-in role that reads its jurisdiction sees them.
      config: { permission: 'jurisdiction.read' },
      schema: {
        tags,
        summary:
          'Sentinel sites in your jurisdiction: fever clinics, schools, hospitals, markets, cold-chain places, ports',
        querystring: SitesQuery,
        response: { 200: Type.Array(SiteView) },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { kind } = request.query;
      return withScope(ctx.db, actor, (tx) => listSites(tx, kind ? [kind] : undefined));
    },
  );

  api.post(
    '/sentinels/sites',
    {
      config: { permission: 'sentinel.report' },
      schema: {
        tags,
        summary: 'Register a sentinel site (the CDC: holders of sentinel.read and sentinel.report)',
        body: SiteBody,
        response: { 200: SiteView },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return withScope(ctx.db, actor, (tx) => registerSite(tx, actor, request.body));
    },
  );

  api.get(
    '/sentinels/overview',
    {
      config: { permission: 'sentinel.read' },
      schema: {
        tags,
        summary: 'The feeds’ recent series per site under a jurisdiction, with missing reports as null',
        querystring: OverviewQuery,
        response: { 200: OverviewView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const jurisdiction = request.query.jurisdiction ?? actor.scopes[0] ?? '';
      if (!actor.scopes.some((scope) => jurisdiction.startsWith(scope))) throw forbidden();
      const days = Math.min(request.query.days ?? 14, MAX_OVERVIEW_DAYS);
      return withScope(ctx.db, actor, async (tx) => {
        const timeZone = await effectiveTimeZone(tx, jurisdiction, ctx.config.defaultTimeZone);
        const today = localDate(ctx.now(), timeZone);
        return { jurisdiction, ...(await sentinelOverview(tx, jurisdiction, today, days, timeZone)) };
      });
    },
  );

  for (const feed of FEEDS) {
    const headers = [SITE_COLUMN.zh, ...feed.columns.map((c) => `${c.zh}${c.required ? '' : '（选填）'}`)];
    api.get(
      `/sentinels/${feed.path}`,
      {
        config: { permission: 'sentinel.report' },
        schema: {
          tags,
          summary: `Rows of the ${feed.id} feed sent in the last days, newest first`,
          querystring: RecentQuery,
          response: { 200: feedRowView(feed) },
        },
      },
      (request) => {
        const actor = actorOf(request);
        requireSender(actor, feed);
        const since = new Date(ctx.now().getTime() - (request.query.days ?? 7) * 86_400_000);
        return withScope(ctx.db, actor, (tx) => recentRows(tx, feed, since, 500));
      },
    );

    api.post(
      `/sentinels/${feed.path}`,
      {
        config: { permission: 'sentinel.report' },
        schema: {
          tags,
          summary: `Send rows of the ${feed.id} feed (a form sends one); each wrong row is refused with its place and reason`,
          description:
            `Keys: siteId (or site, the site's name), ${feed.columns.map((c) => c.key).join(', ')}. ` +
            'Rows are identified by their site and natural key: sending the same row again changes nothing; ' +
            'a changed row replaces the stored one. Accepted rows are written together.',
          body: FeedBatchBody,
          response: { 200: FeedReportView },
        },
      },
      (request) => {
        const actor = actorOf(request);
        const rows = request.body.rows.map((raw, i) => ({ line: i + 1, raw }));
        return withScope(ctx.db, actor, (tx) => ingestRows(ctx, tx, actor, feed, rows, 'api'));
      },
    );

    api.post(
      `/sentinels/${feed.path}/import`,
      {
        config: { permission: 'sentinel.report' },
        // The body is a multipart stream the handler reads as it arrives; the schema documents it.
        validatorCompiler: () => () => true,
        schema: {
          tags,
          summary: `Import the ${feed.id} feed from .csv or .xlsx (Chinese headers); every rejected row is reported`,
          description: `Headers: ${headers.join(', ')}. Times without an offset are Beijing time.`,
          consumes: ['multipart/form-data'],
          body: uploadBody,
          response: { 200: FeedReportView },
        },
      },
      (request) => {
        const actor = actorOf(request);
        requireSender(actor, feed);
        return withUpload(request, async ({ file, format, fileName }) => {
          const rows = await readFeedSheet(ctx, feed, file, format);
          return withScope(ctx.db, actor, (tx) => ingestRows(ctx, tx, actor, feed, rows, fileName));
        });
      },
    );
  }
}
