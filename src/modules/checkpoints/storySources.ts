import { joinText, newestFirst } from '../../platform/surfaces/storyText.js';
import type { StoryEvent, StorySource, Text } from '../../platform/surfaces/types.js';

const OUTCOMES: Record<PassRow['outcome'], { text: Text; tone: StoryEvent['tone'] }> = {
  pass: { text: { zh: '通行', en: 'passed' }, tone: 'normal' },
  medical: { text: { zh: '发热，交医务人员处置', en: 'fever, handed to medical staff' }, tone: 'danger' },
  hold: { text: { zh: '红黄码，留验核查', en: 'red or yellow code, held for checks' }, tone: 'warning' },
  register_and_hand_over: {
    text: { zh: '登记备案，转交属地', en: 'registered and handed over' },
    tone: 'warning',
  },
};

const HEALTH_CODES: Record<string, Text> = {
  green: { zh: '绿码', en: 'green' },
  yellow: { zh: '黄码', en: 'yellow' },
  red: { zh: '红码', en: 'red' },
};

const REASONS: Record<string, Text> = {
  fever: { zh: '发热', en: 'fever' },
  health_code: { zh: '健康码异常', en: 'health code' },
  origin_risk: { zh: '来自中高风险或重点地区', en: 'risk-area origin' },
  origin_district_risk: { zh: '来自风险地区所在区', en: 'district of a risk area' },
  overseas: { zh: '境外来返', en: 'from overseas' },
};

interface PassRow {
  arrivalId: string;
  checkpointName: string | null;
  passedAt: Date;
  healthCode: string;
  temperature: string;
  outcome: 'pass' | 'medical' | 'hold' | 'register_and_hand_over';
  reasons: string[];
}

function passEvent(row: PassRow): StoryEvent {
  const outcome = OUTCOMES[row.outcome];
  const place = row.checkpointName ?? '卡口';
  const code = HEALTH_CODES[row.healthCode];
  const reasons = row.reasons.map((reason) => REASONS[reason]).filter((text): text is Text => Boolean(text));
  return {
    at: row.passedAt.toISOString(),
    source: 'checkpoints',
    title: { zh: `${place}：${outcome.text.zh}`, en: `${place}: ${outcome.text.en}` },
    detail: joinText([
      code ? { zh: `健康码${code.zh}`, en: `health code ${code.en}` } : null,
      { zh: `体温${row.temperature}℃`, en: `temperature ${row.temperature} °C` },
      reasons.length > 0 ? joinText(reasons, '、', ', ') : null,
    ]),
    href: `/arrivals/${row.arrivalId}`,
    tone: outcome.tone,
  };
}

/** ARR-13: the checkpoint passes that registered the person's arrivals, with what was found there. */
const checkpoints: StorySource = {
  id: 'checkpoints',
  label: { zh: '卡口通行', en: 'Checkpoint passes' },
  permission: 'arrival.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<PassRow>(
      `SELECT cp.arrival_id AS "arrivalId", (SELECT c.name FROM checkpoints c WHERE c.id = cp.checkpoint_id) AS
         "checkpointName", cp.passed_at AS "passedAt", cp.health_code AS "healthCode",
         cp.temperature::text AS temperature, cp.outcome, cp.reasons
       FROM checkpoint_passes cp
       WHERE cp.arrival_id IN (SELECT a.id FROM arrivals a WHERE a.person_id = $1)
       ORDER BY cp.passed_at DESC LIMIT $2`,
      [personId, limit],
    );
    return newestFirst(rows.map(passEvent), limit);
  },
};

/** This module's events in a person's story (timeline). */
export const checkpointsStorySources: readonly StorySource[] = [checkpoints];
