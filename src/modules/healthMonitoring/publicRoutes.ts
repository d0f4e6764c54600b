import { PublicSlotView, SelfReportBody, SelfReportedView, TokenParams } from '../../api/healthMonitoring.js';
import { publicActor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import {
  countHits,
  type PublicLimit,
  requireChallengeIfNear,
  solutionOf,
} from '../../platform/challenge/index.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { currentSlot } from '../../rules/healthMonitoring.js';
import { maskName } from '../../rules/landing.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { requireStayOfToken, tokenHash } from './links.js';
import { recordReading } from './readings.js';

const tags = ['health monitoring (public)'];
const READS_PER_MINUTE = 60;
/** A reading is three fields; the public form gets no more than it needs. */
const PUBLIC_BODY_LIMIT = 2 * 1024;
const solvedRequests = new WeakSet<object>();

/**
 * Persisted limits on self-reports (ISO-5; DESIGN "Safe by default"), as the public check-in's: an
 * address (a household's carrier may share one), and one link, which owes two readings a day.
 */
const PER_ADDRESS = { name: 'monitoring.self-report.address', max: 30, windowSeconds: 60 } as const;
const PER_LINK = { name: 'monitoring.self-report.link', max: 20, windowSeconds: 3600 } as const;
const nearing = (max: number) => Math.ceil(max / 2) + 1;

const SUCCESS = { zh: '已提交，感谢配合', en: 'Submitted, thank you' };
const SUCCESS_ABNORMAL = {
  zh: '已提交。您的体温或症状异常，社区工作人员将尽快与您联系，请留在家中',
  en: 'Submitted. Your temperature or symptoms are abnormal: the community will contact you soon; please stay at home',
};

/**
 * The self-report of a person in home isolation by their personal link (ISO-5), under
 * /api/public/self-report/:token. An unknown, expired or revoked token, or a stay no longer at home,
 * gets the same 404; a valid one shows only a masked name and today's slots.
 */
export async function monitoringPublicRoutes(api: TypedApp, ctx: AppContext): Promise<void> {
  api.get(
    '/public/self-report/:token',
    {
      config: { public: true, rateLimit: { max: READS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          'What a self-report link shows (ISO-5): the masked name, today’s date and slot, and which slots are recorded; 404 for any invalid link',
        params: TokenParams,
        response: { 200: PublicSlotView },
      },
    },
    async (request) => {
      const now = ctx.now();
      const stay = await requireStayOfToken(ctx.db, request.params.token, now);
      return withScope(ctx.db, publicActor(stay.jurisdictionCode, 'self_report'), async (tx) => {
        const timeZone = await effectiveTimeZone(tx, stay.jurisdictionCode, ctx.config.defaultTimeZone);
        const { date, slot } = currentSlot(now, timeZone);
        const rows = await tx.query<{ slot: 'am' | 'pm' }>(
          'SELECT slot FROM monitoring_readings WHERE stay_id = $1 AND local_date = $2',
          [stay.stayId, date],
        );
        const has = (s: string) => rows.some((r) => r.slot === s);
        return { name: maskName(stay.personName), date, slot, recorded: { am: has('am'), pm: has('pm') } };
      });
    },
  );

  api.post(
    '/public/self-report/:token',
    {
      config: { public: true },
      bodyLimit: PUBLIC_BODY_LIMIT,
      preValidation: async (request) => {
        const limits: PublicLimit[] = [
          { rule: PER_ADDRESS, key: request.ip, challengeFrom: nearing(PER_ADDRESS.max) },
        ];
        if (await requireChallengeIfNear(ctx, limits, solutionOf(request.headers)))
          solvedRequests.add(request);
        await countHits(ctx, limits);
      },
      schema: {
        tags,
        summary:
          'Record today’s reading by a self-report link (ISO-5, source self): slot, temperature and symptoms; an abnormal one opens its immediate report to the community. 409 reading_recorded for a slot already recorded; 404 for any invalid link; 428 asks for a solved challenge, 429 for a pause',
        params: TokenParams,
        body: SelfReportBody,
        response: { 201: SelfReportedView },
      },
    },
    async (request, reply) => {
      const now = ctx.now();
      const stay = await requireStayOfToken(ctx.db, request.params.token, now);
      const limits: PublicLimit[] = [
        {
          rule: PER_LINK,
          key: tokenHash(request.params.token).toString('hex'),
          challengeFrom: nearing(PER_LINK.max),
        },
      ];
      await requireChallengeIfNear(ctx, limits, solutionOf(request.headers), solvedRequests.has(request));
      await countHits(ctx, limits);
      const actor = publicActor(stay.jurisdictionCode, 'self_report');
      const reading = await withScope(ctx.db, actor, (tx) =>
        recordReading(tx, actor, stay.stayId, request.body, 'self', now, ctx.config.defaultTimeZone),
      );
      return reply.status(201).send({
        message: reading.abnormal ? SUCCESS_ABNORMAL : SUCCESS,
        date: reading.date,
        slot: reading.slot,
        abnormal: reading.abnormal,
      });
    },
  );
}
