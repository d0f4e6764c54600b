import { joinText, linkIf, newestFirst } from '../../platform/surfaces/storyText.js';
import type { StoryEvent, StorySource, Text } from '../../platform/surfaces/types.js';

type Purpose = 'campaign' | 'routine' | 'arrival' | 'resample' | 'clinical' | 'other';
type Result = 'negative' | 'positive' | 'invalid';

const PURPOSES: Record<Purpose, Text> = {
  campaign: { zh: '全员或区域核酸检测', en: 'testing campaign' },
  routine: { zh: '重点人群常态检测', en: 'routine testing' },
  arrival: { zh: '来返人员检测', en: 'arrival test' },
  resample: { zh: '单管复采', en: 'individual re-test' },
  clinical: { zh: '诊疗检测', en: 'clinical test' },
  other: { zh: '其他检测', en: 'other test' },
};

const RESULT_WORDS: Record<Result, Text> = {
  negative: { zh: '阴性', en: 'negative' },
  positive: { zh: '阳性', en: 'positive' },
  invalid: { zh: '无效', en: 'invalid' },
};

const TONES: Record<Result, StoryEvent['tone']> = {
  negative: 'good',
  positive: 'danger',
  invalid: 'warning',
};

/** TST-1: "10合1" for a pool, 单管 for a tube of one. */
const poolText = (capacity: number): Text =>
  capacity > 1
    ? { zh: `${capacity}合1混采`, en: `pool of ${capacity}` }
    : { zh: '单管单采', en: 'individual tube' };

interface SampleRow {
  tubeId: string;
  sampledAt: Date;
  purpose: Purpose;
  arrivalId: string | null;
  campaignId: string | null;
  capacity: number;
  memberCount: number;
  result: Result | null;
  resultedAt: Date | null;
  siteName: string | null;
  campaignName: string | null;
}

interface CorrectionRow {
  tubeId: string;
  previousResult: Result;
  result: Result;
  reason: string;
  correctedAt: Date;
}

/** A result reads as a pool's when the tube held more than one person, as controls are opened (TST-1). */
function resultTitle(result: Result, row: Pick<SampleRow, 'capacity' | 'memberCount'>): Text {
  const words = RESULT_WORDS[result];
  if (result === 'invalid') return { zh: '检测结果无效', en: 'Result invalid' };
  if (row.memberCount > 1)
    return {
      zh: `混采${words.zh}（${row.capacity}合1）`,
      en: `Pool ${words.en} (pool of ${row.capacity})`,
    };
  return { zh: `单管${words.zh}`, en: `Individual tube ${words.en}` };
}

/**
 * TST-1 … TST-3: each sample taken (pool size, purpose, site, campaign), its tube's result as first
 * reported, and every correction of it with the reason. Rows the caller's scope cannot see (a
 * sample taken at another county's site) stay out, as on every list.
 */
const samples: StorySource = {
  id: 'samples',
  label: { zh: '采样与检测结果', en: 'Samples and results' },
  permission: 'testing.read',
  async load({ tx, actor, personId, limit }) {
    const rows = await tx.query<SampleRow>(
      `SELECT s.tube_id AS "tubeId", s.sampled_at AS "sampledAt", s.purpose, s.arrival_id AS "arrivalId",
         s.campaign_id AS "campaignId", t.capacity, t.member_count AS "memberCount", t.result, t.resulted_at AS "resultedAt",
         (SELECT ss.name FROM sampling_sites ss WHERE ss.id = t.site_id) AS "siteName",
         (SELECT c.name FROM campaigns c WHERE c.id = s.campaign_id) AS "campaignName"
       FROM samples s JOIN tubes t ON t.id = s.tube_id
       WHERE s.person_id = $1 ORDER BY s.sampled_at DESC LIMIT $2`,
      [personId, limit],
    );
    if (rows.length === 0) return [];
    const corrections = await tx.query<CorrectionRow>(
      `SELECT tube_id AS "tubeId", previous_result AS "previousResult", result, reason, corrected_at AS "correctedAt"
       FROM lab_result_corrections WHERE tube_id = ANY ($1::uuid[]) ORDER BY corrected_at`,
      [rows.map((row) => row.tubeId)],
    );
    const events: StoryEvent[] = [];
    for (const row of rows) {
      const pool = poolText(row.capacity);
      const href = row.arrivalId
        ? linkIf(actor, 'arrival.read', `/arrivals/${row.arrivalId}`)
        : row.campaignId
          ? `/campaigns/${row.campaignId}`
          : null;
      const where = [row.campaignName, row.siteName]
        .filter((name): name is string => Boolean(name))
        .map((name) => ({ zh: name, en: name }));
      events.push({
        at: row.sampledAt.toISOString(),
        source: 'samples',
        title: { zh: `核酸采样（${pool.zh}）`, en: `Sampled for NAT (${pool.en})` },
        detail: joinText([PURPOSES[row.purpose], ...where], '，', ', '),
        href,
      });
      const own = corrections.filter((correction) => correction.tubeId === row.tubeId);
      // The tube keeps its first result time: what was reported then is the first correction's "before".
      const first = own[0]?.previousResult ?? row.result;
      if (first && row.resultedAt) {
        const positive = first === 'positive';
        events.push({
          at: row.resultedAt.toISOString(),
          source: 'samples',
          title: resultTitle(first, row),
          detail:
            positive && row.memberCount > 1
              ? {
                  zh: '同管人员全部纳入管控，须单管复核',
                  en: 'Everyone in the pool is under control until re-tested',
                }
              : null,
          href: positive ? linkIf(actor, 'testing.read', '/person-controls') : href,
          tone: TONES[first],
        });
      }
      for (const correction of own) {
        const to = RESULT_WORDS[correction.result];
        const from = RESULT_WORDS[correction.previousResult];
        events.push({
          at: correction.correctedAt.toISOString(),
          source: 'samples',
          title: {
            zh: `检测结果更正为${to.zh}（原为${from.zh}）`,
            en: `Result corrected to ${to.en} (was ${from.en})`,
          },
          detail: { zh: `更正原因：${correction.reason}`, en: `Reason: ${correction.reason}` },
          href,
          tone: TONES[correction.result],
        });
      }
    }
    return newestFirst(events, limit);
  },
};

const CONTROL_REASONS: Record<ControlRow['reason'], Text> = {
  pool_positive: { zh: '混采阳性', en: 'a positive pool' },
  individual_positive: { zh: '单管阳性', en: 'a positive individual tube' },
};

const CLEARED_REASONS: Record<string, Text> = {
  negative_individual: { zh: '单管复核阴性', en: 'negative individual re-test' },
  result_corrected: { zh: '检测结果已更正', en: 'the result was corrected' },
};

interface ControlRow {
  reason: 'pool_positive' | 'individual_positive';
  startedAt: Date;
  clearedAt: Date | null;
  clearedReason: string | null;
}

/** TST-1: each control a positive tube put the person under, and its lifting with the reason. */
const controls: StorySource = {
  id: 'controls',
  label: { zh: '核酸管控', en: 'NAT controls' },
  permission: 'testing.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<ControlRow>(
      `SELECT reason, started_at AS "startedAt", cleared_at AS "clearedAt", cleared_reason AS "clearedReason"
       FROM person_controls WHERE person_id = $1 ORDER BY started_at DESC LIMIT $2`,
      [personId, limit],
    );
    const events: StoryEvent[] = [];
    for (const row of rows) {
      const reason = CONTROL_REASONS[row.reason];
      events.push({
        at: row.startedAt.toISOString(),
        source: 'controls',
        title: { zh: `因${reason.zh}纳入管控`, en: `Under control after ${reason.en}` },
        detail:
          row.reason === 'pool_positive'
            ? { zh: '须单管单采复核', en: 'An individual re-test is owed' }
            : { zh: '须上报并处置', en: 'To be reported and handled' },
        href: '/person-controls',
        tone: 'danger',
      });
      if (row.clearedAt)
        events.push({
          at: row.clearedAt.toISOString(),
          source: 'controls',
          title: { zh: '解除核酸管控', en: 'Control lifted' },
          detail: row.clearedReason ? (CLEARED_REASONS[row.clearedReason] ?? null) : null,
          href: '/person-controls',
          tone: 'good',
        });
    }
    return newestFirst(events, limit);
  },
};

/** This module's events in a person's story (timeline). */
export const testingStorySources: readonly StorySource[] = [samples, controls];
