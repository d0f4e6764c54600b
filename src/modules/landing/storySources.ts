import { joinText, newestFirst } from '../../platform/surfaces/storyText.js';
import type { StoryEvent, StorySource, Text } from '../../platform/surfaces/types.js';
import type { DiscardReason, FeedbackMeasure, Verification } from '../../rules/landing.js';

const VERIFICATIONS: Record<Verification, { text: Text; tone: StoryEvent['tone'] }> = {
  found: { text: { zh: '已找到本人', en: 'person found' }, tone: 'good' },
  not_found: { text: { zh: '未找到', en: 'not found' }, tone: 'warning' },
  wrong_address: { text: { zh: '地址有误', en: 'wrong address' }, tone: 'warning' },
  moved_on: { text: { zh: '已离开', en: 'moved on' }, tone: 'normal' },
};

const MEASURES: Record<FeedbackMeasure, Text> = {
  nat_done: { zh: '已核酸', en: 'NAT done' },
  antigen_done: { zh: '已抗原', en: 'antigen test done' },
  home_isolation: { zh: '已居家隔离', en: 'home isolation' },
  centralised_isolation: { zh: '已集中隔离', en: 'centralised isolation' },
  health_monitoring: { zh: '已健康监测', en: 'health monitoring' },
  handed_over: { zh: '已移交属地', en: 'handed over' },
};

const DISCARDS: Record<DiscardReason, Text> = {
  duplicate: { zh: '重复报备', en: 'reported twice' },
  not_genuine: { zh: '信息不实', en: 'not genuine' },
  test: { zh: '测试', en: 'a test' },
};

interface ReportRow {
  arrivalId: string;
  staffEntered: boolean;
  originName: string | null;
  originCountry: string | null;
  submittedAt: Date;
  matchedAt: Date | null;
  match: 'existing' | 'registered' | null;
  lookedAt: Date | null;
  pushedAt: Date | null;
  pushedToName: string | null;
  verifiedAt: Date | null;
  verification: Verification | null;
  verificationNote: string | null;
  feedbackAt: Date | null;
  feedbackMeasures: FeedbackMeasure[] | null;
  feedbackNote: string | null;
  discardedAt: Date | null;
  discardReason: DiscardReason | null;
}

const note = (text: string | null): Text | null =>
  text ? { zh: `说明：${text}`, en: `Note: ${text}` } : null;

function reportEvents(row: ReportRow): StoryEvent[] {
  const href = `/arrivals/${row.arrivalId}`;
  const at = (date: Date) => date.toISOString();
  const where = row.originName ?? row.originCountry;
  const event = (date: Date, title: Text, more: Partial<StoryEvent> = {}): StoryEvent => ({
    at: at(date),
    source: 'landing',
    title,
    href,
    ...more,
  });
  const events = [
    event(
      row.submittedAt,
      row.staffEntered
        ? { zh: '工作人员代为落地码报备', en: 'Landing-code report taken by staff' }
        : { zh: '扫落地码报备', en: 'Reported through the landing code' },
      { detail: where ? { zh: `来自${where}`, en: `From ${where}` } : null },
    ),
  ];
  if (row.lookedAt) events.push(event(row.lookedAt, { zh: '专人查看报备', en: 'Report looked at' }));
  if (row.matchedAt)
    events.push(
      event(
        row.matchedAt,
        row.match === 'registered'
          ? { zh: '核对报备，登记为新人员', en: 'Report checked, person registered' }
          : { zh: '核对报备，关联本人', en: 'Report checked and tied to this person' },
      ),
    );
  if (row.pushedAt)
    events.push(
      event(row.pushedAt, {
        zh: `推送${row.pushedToName ?? '社区'}核实`,
        en: `Pushed to ${row.pushedToName ?? 'the community'} to verify`,
      }),
    );
  if (row.verifiedAt && row.verification) {
    const verified = VERIFICATIONS[row.verification];
    events.push(
      event(
        row.verifiedAt,
        { zh: `社区核实：${verified.text.zh}`, en: `Verified: ${verified.text.en}` },
        { detail: note(row.verificationNote), tone: verified.tone },
      ),
    );
  }
  if (row.feedbackAt) {
    const measures = joinText(
      (row.feedbackMeasures ?? []).map((measure) => MEASURES[measure]),
      '、',
      ', ',
    );
    events.push(
      event(
        row.feedbackAt,
        { zh: '反馈检测管控情况', en: 'Measures fed back' },
        { detail: joinText([measures.zh ? measures : null, note(row.feedbackNote)]) },
      ),
    );
  }
  if (row.discardedAt && row.discardReason) {
    const reason = DISCARDS[row.discardReason];
    events.push(
      event(row.discardedAt, { zh: `报备作废：${reason.zh}`, en: `Report set aside: ${reason.en}` }),
    );
  }
  return events;
}

/**
 * ARR-11: the landing-code reports tied to the person (a claim becomes theirs only once staff
 * verified it), each step from the report to the same-day feedback.
 */
const landing: StorySource = {
  id: 'landing',
  label: { zh: '落地码报备', en: 'Landing-code reports' },
  permission: 'arrival.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<ReportRow>(
      `SELECT r.arrival_id AS "arrivalId", r.entered_by IS NOT NULL AS "staffEntered", r.origin_name AS "originName",
         r.origin_country AS "originCountry", r.submitted_at AS "submittedAt", r.matched_at AS "matchedAt", r.match,
         r.looked_at AS "lookedAt", r.pushed_at AS "pushedAt",
         (SELECT j.name FROM jurisdictions j WHERE j.code = r.pushed_to) AS "pushedToName",
         r.verified_at AS "verifiedAt", r.verification, r.verification_note AS "verificationNote",
         r.feedback_at AS "feedbackAt", r.feedback_measures AS "feedbackMeasures", r.feedback_note AS "feedbackNote",
         r.discarded_at AS "discardedAt", r.discard_reason AS "discardReason"
       FROM landing_reports r
       WHERE r.arrival_id IN (SELECT a.id FROM arrivals a WHERE a.person_id = $1) AND r.person_id = $1
       ORDER BY r.submitted_at DESC LIMIT $2`,
      [personId, limit],
    );
    return newestFirst(rows.flatMap(reportEvents), limit);
  },
};

/** This module's events in a person's story (timeline). */
export const landingStorySources: readonly StorySource[] = [landing];
