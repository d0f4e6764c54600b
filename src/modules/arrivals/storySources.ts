import type { REVIEW_DECISIONS, ReviewReason } from '../../api/arrivals.js';
import { dateText, joinText, newestFirst } from '../../platform/surfaces/storyText.js';
import type { StoryEvent, StorySource, Text } from '../../platform/surfaces/types.js';
import { phaseKey, SHORTFALL_NAT_ITEM, testKey } from '../../rules/policy/itemKeys.js';
import type { Plan, TestKind } from '../../rules/policy/types.js';
import { startOfLocalDay } from '../../rules/time.js';
import { phaseName, phaseText, testName, testText } from './planText.js';
import type { Channel } from './register.js';

const CHANNELS: Record<Channel, Text> = {
  checkpoint: { zh: '卡口', en: 'checkpoint' },
  station: { zh: '车站、机场', en: 'station or airport' },
  push_list: { zh: '大数据推送', en: 'big-data push list' },
  landing_code: { zh: '落地码', en: 'landing code' },
  truck: { zh: '货车报备', en: 'truck pre-report' },
  cadre_return: { zh: '干部返岗', en: 'cadre return' },
  manual: { zh: '人工登记', en: 'registered by hand' },
};

const REVIEW_REASONS: Record<ReviewReason, Text> = {
  origin_review: { zh: '来源地待核实', en: 'the origin is to be established' },
  no_protocol: { zh: '现行方案没有相符的管控措施', en: 'no protocol of the plan applies' },
  no_pack: { zh: '抵达时无生效政策', en: 'no policy was in force on the arrival date' },
};

const DECISIONS: Record<(typeof REVIEW_DECISIONS)[number], Text> = {
  no_measures: { zh: '无需采取管控措施', en: 'no measures needed' },
  measures_arranged: { zh: '已另行安排管控措施', en: 'measures arranged by hand' },
};

const RESULTS: Record<PlanEventRow['result'], { text: Text; tone: StoryEvent['tone'] }> = {
  negative: { text: { zh: '阴性', en: 'negative' }, tone: 'good' },
  positive: { text: { zh: '阳性', en: 'positive' }, tone: 'danger' },
  done: { text: { zh: '已完成', en: 'done' }, tone: 'good' },
};

/** A registration is told apart from the arrival when it came more than an hour later. */
const LATE_REGISTRATION_MS = 3_600_000;

interface ArrivalRow {
  id: string;
  channel: Channel;
  origin: 'overseas' | 'domestic';
  originName: string | null;
  originCountry: string | null;
  arrivedAt: Date;
  createdAt: Date;
  reviewDetail: { reason: ReviewReason } | null;
  reviewDecision: { decision: (typeof REVIEW_DECISIONS)[number]; reason: string; at: string } | null;
}

interface PlanRow {
  id: string;
  arrivalId: string;
  plan: Plan;
  createdAt: Date;
  replaces: Plan | null;
  replacedAt: Date | null;
}

interface PlanEventRow {
  planId: string;
  item: string;
  result: 'negative' | 'positive' | 'done';
  at: Date;
  satisfiedBy: string | null;
}

function whereFrom(row: ArrivalRow): string {
  if (row.originName) return row.originName;
  if (row.originCountry) return row.originCountry;
  return row.origin === 'overseas' ? '境外' : '国内';
}

/** "集中隔离医学观察（第0天至第14天），居家隔离医学观察（第14天至第21天）". */
function phasesText(plan: Plan): Text | null {
  if (plan.phases.length === 0) return null;
  const each = plan.phases.map((phase) => {
    const name = phaseName(phase.kind);
    return {
      zh: `${name.zh}（第${phase.startDay}天至第${phase.endDay}天）`,
      en: `${name.en} (day ${phase.startDay} to ${phase.endDay})`,
    };
  });
  return joinText(each, '，', ', ');
}

function planDetail(plan: Plan): Text {
  const release = dateText(plan.releaseDate);
  return joinText([
    phasesText(plan),
    {
      zh: `${plan.release.zh}（${release.zh}）`,
      en: `${plan.release.en} (${release.en})`,
    },
  ]);
}

/** "以第1天的核酸检测结果计": the test that satisfied a moved one (issue 12 Deliver 4). */
function satisfiedByText(item: string): Text | null {
  const match = /^test:(nat|antigen|serum):d(\d+)$/.exec(item);
  if (!match) return null;
  const name = testName(match[1] as TestKind);
  return {
    zh: `以第${match[2]}天的${name.zh}结果计`,
    en: `counted from the ${name.en} of day ${match[2]}`,
  };
}

function arrivalEvents(row: ArrivalRow, hasPlan: boolean, href: string): StoryEvent[] {
  const where = whereFrom(row);
  const channel = CHANNELS[row.channel];
  const late = row.createdAt.getTime() - row.arrivedAt.getTime() > LATE_REGISTRATION_MS;
  const review = !hasPlan && row.reviewDetail ? REVIEW_REASONS[row.reviewDetail.reason] : null;
  const toReview = review ? { zh: `转疾控核定：${review.zh}`, en: `sent to the CDC: ${review.en}` } : null;
  const registered = { zh: `登记渠道：${channel.zh}`, en: `registered through: ${channel.en}` };
  const events: StoryEvent[] = [
    {
      at: row.arrivedAt.toISOString(),
      source: 'arrivals',
      title: { zh: `来返抵达：来自${where}`, en: `Arrived from ${where}` },
      detail: late ? null : joinText([registered, toReview]),
      href,
    },
  ];
  if (late)
    events.push({
      at: row.createdAt.toISOString(),
      source: 'arrivals',
      title: { zh: `登记来返信息（${channel.zh}）`, en: `Arrival registered (${channel.en})` },
      detail: toReview,
      href,
    });
  if (row.reviewDecision) {
    const decision = DECISIONS[row.reviewDecision.decision];
    events.push({
      at: row.reviewDecision.at,
      source: 'arrivals',
      title: { zh: `疾控核定：${decision.zh}`, en: `CDC decided: ${decision.en}` },
      detail: { zh: `理由：${row.reviewDecision.reason}`, en: `Reason: ${row.reviewDecision.reason}` },
      href,
    });
  }
  return events;
}

function planEvents(
  row: PlanRow,
  recorded: readonly PlanEventRow[],
  seen: Set<string>,
  now: Date,
  href: string,
): StoryEvent[] {
  const { plan } = row;
  const title = plan.title;
  const events: StoryEvent[] = [
    {
      at: row.createdAt.toISOString(),
      source: 'arrivals',
      title: row.replaces
        ? { zh: `管控方案调整为：${title.zh}`, en: `Plan changed to: ${title.en}` }
        : { zh: `制定管控方案：${title.zh}`, en: `Plan made: ${title.en}` },
      detail: row.replaces
        ? joinText([
            { zh: `原方案：${row.replaces.title.zh}`, en: `Replacing: ${row.replaces.title.en}` },
            planDetail(plan),
          ])
        : planDetail(plan),
      href,
      tone: plan.phases.length > 0 ? 'warning' : 'normal',
    },
  ];
  // A later phase begins at the start of its first day, while this plan is the one in force.
  const until = row.replacedAt ?? now;
  plan.phases.forEach((phase, index) => {
    if (index === 0) return;
    const start = startOfLocalDay(phase.startDate, plan.timeZone);
    if (start <= row.createdAt || start > until) return;
    const name = phaseName(phase.kind);
    events.push({
      at: start.toISOString(),
      source: 'arrivals',
      title: { zh: `转入${name.zh}`, en: `Moved to ${name.en}` },
      detail: { zh: `第${phase.startDay}天`, en: `Day ${phase.startDay}` },
      href,
      tone: 'warning',
    });
  });
  for (const event of recorded) {
    // A result a new plan carried over from the one it replaced is told once, on the first.
    const key = `${row.arrivalId}|${event.satisfiedBy ?? event.item}|${event.result}|${event.at.toISOString()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const result = RESULTS[event.result];
    const test = plan.tests.find((candidate) => testKey(candidate) === event.item);
    const phaseIndex = plan.phases.findIndex((_, i) => phaseKey(i) === event.item);
    const phase = plan.phases[phaseIndex];
    if (test) {
      const text = testText(test);
      events.push({
        at: event.at.toISOString(),
        source: 'arrivals',
        title: { zh: `${text.zh}：${result.text.zh}`, en: `${text.en}: ${result.text.en}` },
        detail: event.satisfiedBy ? satisfiedByText(event.satisfiedBy) : null,
        href,
        tone: result.tone,
      });
    } else if (event.item === SHORTFALL_NAT_ITEM) {
      events.push({
        at: event.at.toISOString(),
        source: 'arrivals',
        title: { zh: `补做核酸检测：${result.text.zh}`, en: `Make-up NAT: ${result.text.en}` },
        href,
        tone: result.tone,
      });
    } else if (phase) {
      const last = phaseIndex === plan.phases.length - 1;
      events.push({
        at: event.at.toISOString(),
        source: 'arrivals',
        title: phaseText(phase, plan.phases[phaseIndex + 1]),
        href,
        tone: last ? 'good' : 'normal',
      });
    }
  }
  return events;
}

/**
 * The person's arrivals (ARR-*): arrival and registration, each plan made or changed with its
 * phases and release in words, the phases begun, results and phase ends recorded on the plan, and
 * the CDC's decision on an arrival no plan covered.
 */
const arrivals: StorySource = {
  id: 'arrivals',
  label: { zh: '来返与管控方案', en: 'Arrivals and plans' },
  permission: 'arrival.read',
  async load({ tx, personId, now, limit }) {
    const rows = await tx.query<ArrivalRow>(
      `SELECT a.id, a.channel, a.origin, a.origin_name AS "originName", a.origin_country AS "originCountry",
         a.arrived_at AS "arrivedAt", a.created_at AS "createdAt", a.review_detail AS "reviewDetail",
         a.review_decision - 'by' AS "reviewDecision"
       FROM arrivals a WHERE a.person_id = $1 ORDER BY a.arrived_at DESC LIMIT $2`,
      [personId, limit],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const plans = await tx.query<PlanRow>(
      `SELECT p.id, p.arrival_id AS "arrivalId", p.plan, p.created_at AS "createdAt",
         (SELECT o.plan FROM arrival_plans o WHERE o.superseded_by = p.id LIMIT 1) AS replaces,
         (SELECT n.created_at FROM arrival_plans n WHERE n.id = p.superseded_by) AS "replacedAt"
       FROM arrival_plans p WHERE p.arrival_id = ANY ($1::uuid[]) ORDER BY p.created_at, p.id`,
      [ids],
    );
    const recorded = await tx.query<PlanEventRow>(
      `SELECT e.plan_id AS "planId", e.item, e.result, e.at, e.satisfied_by AS "satisfiedBy"
       FROM arrival_plan_events e JOIN arrival_plans p ON p.id = e.plan_id
       WHERE p.arrival_id = ANY ($1::uuid[]) ORDER BY e.at, e.item`,
      [ids],
    );
    const events: StoryEvent[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const href = `/arrivals/${row.id}`;
      const own = plans.filter((plan) => plan.arrivalId === row.id);
      events.push(...arrivalEvents(row, own.length > 0, href));
      for (const plan of own)
        events.push(
          ...planEvents(
            plan,
            recorded.filter((event) => event.planId === plan.id),
            seen,
            now,
            href,
          ),
        );
    }
    return newestFirst(events, limit);
  },
};

/** This module's events in a person's story (timeline). */
export const arrivalsStorySources: readonly StorySource[] = [arrivals];
