import {
  CheckedInView,
  CheckInBody,
  PublicVenueView,
  VenueCodeKeyView,
  VenueCodeParams,
} from '../../api/venues.js';
import { publicActor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import {
  countHits,
  type PublicLimit,
  requireChallengeIfNear,
  solutionOf,
} from '../../platform/challenge/index.js';
import type { AppContext } from '../../platform/context.js';
import { type FieldError, fieldError, invalid, notFound } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { idHash } from '../../platform/pii/seal.js';
import { checkResidentId } from '../../rules/idNumber.js';
import { normalizePhone } from '../../rules/mask.js';
import { dayOf, ensureCheckInPartitions, insertCheckInsTx } from './checkIns.js';
import { venueForCode } from './registry.js';
import { publishedKey, type VenueCodeKeys, verifyVenueCode } from './venueCode.js';

const tags = ['venue code (public)'];
const READS_PER_MINUTE = 120;
/** A check-in is three fields; the public form gets no more than it needs. */
const PUBLIC_BODY_LIMIT = 4 * 1024;
const solvedRequests = new WeakSet<object>();

/**
 * Persisted limits on public check-ins (HC-2; DESIGN "Safe by default"). A venue's visitors may share
 * one carrier address, so the address limit is wide; a person scans a handful of venues an hour; a
 * venue's own limit is above any real hour of a large mall. Past half of a limit the form must solve
 * a proof-of-work challenge (the browser does it unseen).
 */
const PER_ADDRESS = { name: 'venue.check-in.address', max: 60, windowSeconds: 60 } as const;
const PER_ID_NUMBER = { name: 'venue.check-in.id', max: 30, windowSeconds: 3600 } as const;
const PER_VENUE = { name: 'venue.check-in.venue', max: 6000, windowSeconds: 3600 } as const;
const nearing = (max: number) => Math.ceil(max / 2) + 1;

const SUCCESS = { zh: '登记成功', en: 'Checked in' };

/**
 * The venue code's public side (HC-2): the published key, the venue a code names, and the check-in.
 * A forged, malformed or unknown code is 404. A check-in is a claim, not an act: it is stored as a
 * check-in with its identity sealed once per venue jurisdiction, and never attaches to or changes a
 * person record; the answer says only 登记成功, the venue and the time, the same whoever checks in.
 */
export function venuePublicRoutes(api: TypedApp, ctx: AppContext, keys: VenueCodeKeys) {
  const reads = { public: true, rateLimit: { max: READS_PER_MINUTE, timeWindow: 60_000 } };
  const published = publishedKey(keys.publicKey);

  /** The active venue a code names, or 404 (forged, tampered, unknown or deactivated). */
  const venueOf = async (code: string) => {
    const id = verifyVenueCode(code, keys.publicKey);
    const venue = id ? await venueForCode(ctx.db, id) : undefined;
    if (!venue || !venue.active) throw notFound();
    return venue;
  };

  api.get(
    '/public/venue-code-key',
    {
      config: reads,
      schema: {
        tags,
        summary:
          'The Ed25519 public key venue codes are signed with, to verify a code offline (the token layout and the signed message are described)',
        response: { 200: VenueCodeKeyView },
      },
    },
    async () => published,
  );

  api.get(
    '/public/check-in/:code',
    {
      config: reads,
      schema: {
        tags,
        summary: 'The venue a signed venue code names (404 for a forged, unknown or closed one)',
        params: VenueCodeParams,
        response: { 200: PublicVenueView },
      },
    },
    async (request) => {
      const venue = await venueOf(request.params.code);
      const path = await ctx.db.query<{ name: string }>(
        'SELECT name FROM jurisdictions WHERE $1 ^@ code ORDER BY length(code)',
        [venue.jurisdictionCode],
      );
      return { name: venue.name, kind: venue.kind as never, place: path.map((p) => p.name).join('') };
    },
  );

  api.post(
    '/public/check-in/:code',
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
          'Check in at a venue by its signed code (扫码登记, HC-2): name, ID number (GB 11643) and phone; answers 登记成功 with the venue and time only. 428 asks for a solved challenge (GET /public/challenge, header x-challenge), 429 for a pause',
        params: VenueCodeParams,
        body: CheckInBody,
        response: { 201: CheckedInView },
      },
    },
    async (request, reply) => {
      const venue = await venueOf(request.params.code);
      const now = ctx.now();
      const errors: FieldError[] = [];
      const name = request.body.name.trim();
      if (name === '') errors.push(fieldError('name', 'required'));
      const id = checkResidentId(request.body.idNumber, dayOf(now));
      if (!id.ok) errors.push(fieldError('idNumber', id.problem));
      const phone = normalizePhone(request.body.phone);
      if (!phone) errors.push(fieldError('phone', request.body.phone.trim() ? 'phone_format' : 'required'));
      if (!id.ok || !phone || errors.length > 0) throw invalid(errors);
      const hash = idHash(ctx.cipher, id.normalized);
      const limits: PublicLimit[] = [
        { rule: PER_ID_NUMBER, key: hash.toString('hex'), challengeFrom: nearing(PER_ID_NUMBER.max) },
        { rule: PER_VENUE, key: venue.id, challengeFrom: nearing(PER_VENUE.max) },
      ];
      await requireChallengeIfNear(ctx, limits, solutionOf(request.headers), solvedRequests.has(request));
      await countHits(ctx, limits);
      // To the second: a double tap is the same check-in (the unique key), and changes nothing.
      const at = new Date(Math.floor(now.getTime() / 1000) * 1000);
      const row = {
        venueId: venue.id,
        jurisdictionCode: venue.jurisdictionCode,
        at,
        idHash: hash,
        source: 'scan' as const,
        identity: { name, idNumber: id.normalized, phone },
      };
      await ensureCheckInPartitions(ctx, [row]);
      await withScope(ctx.db, publicActor(venue.jurisdictionCode, 'venue_code'), (tx) =>
        insertCheckInsTx(ctx.cipher, tx, [row]),
      );
      return reply.status(201).send({ message: SUCCESS, venueName: venue.name, at: at.toISOString() });
    },
  );
}
