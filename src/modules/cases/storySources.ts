import type { StoryEvent, StorySource, Text } from '../../platform/surfaces/types.js';

const CLASS_WORDS: Record<string, Text> = {
  suspected: { zh: '疑似病例', en: 'suspected case' },
  confirmed: { zh: '确诊病例', en: 'confirmed case' },
  asymptomatic: { zh: '无症状感染者', en: 'asymptomatic infection' },
};
const word = (value: string | null): Text =>
  value ? (CLASS_WORDS[value] ?? { zh: '', en: '' }) : { zh: '', en: '' };

interface ChangeRow {
  caseId: string;
  kind: 'report' | 'reclassify' | 'discard';
  fromClassification: string | null;
  toClassification: string;
  reason: string | null;
  changedAt: Date;
  reviewedAt: Date | null;
  reportingInstitution: string;
}

function changeEvents(row: ChangeRow): StoryEvent[] {
  const href = `/cases/${row.caseId}`;
  const to = word(row.toClassification);
  const from = word(row.fromClassification);
  const reason: Text | null = row.reason ? { zh: `原因：${row.reason}`, en: `Reason: ${row.reason}` } : null;
  const head: Record<ChangeRow['kind'], StoryEvent> = {
    report: {
      at: row.changedAt.toISOString(),
      source: 'cases',
      title: { zh: `报告为${to.zh}`, en: `Reported as a ${to.en}` },
      detail: { zh: `报告单位：${row.reportingInstitution}`, en: `Reported by ${row.reportingInstitution}` },
      href,
      tone: 'danger',
    },
    reclassify: {
      at: row.changedAt.toISOString(),
      source: 'cases',
      title: { zh: `由${from.zh}订正为${to.zh}`, en: `Reclassified from ${from.en} to ${to.en}` },
      detail: reason,
      href,
      tone: 'warning',
    },
    discard: {
      at: row.changedAt.toISOString(),
      source: 'cases',
      title: { zh: '病例排除', en: 'Case discarded' },
      detail: reason,
      href,
      tone: 'good',
    },
  };
  const events = [head[row.kind]];
  if (row.reviewedAt)
    events.push({
      at: row.reviewedAt.toISOString(),
      source: 'cases',
      title: { zh: '疾控已审核', en: 'Reviewed by the CDC' },
      detail: null,
      href,
      tone: 'normal',
    });
  return events;
}

/** CAS-1, CAS-2: the person's case reported, reclassified, discarded, and each step reviewed. */
const cases: StorySource = {
  id: 'cases',
  label: { zh: '病例报告', en: 'Case reports' },
  permission: 'case.read',
  async load({ tx, personId, limit }) {
    const rows = await tx.query<ChangeRow>(
      `SELECT ch.case_id AS "caseId", ch.kind, ch.from_classification AS "fromClassification",
         ch.to_classification AS "toClassification", ch.reason, ch.changed_at AS "changedAt",
         ch.reviewed_at AS "reviewedAt", c.reporting_institution AS "reportingInstitution"
       FROM case_changes ch JOIN cases c ON c.id = ch.case_id
       WHERE c.person_id = $1 ORDER BY ch.seq DESC LIMIT $2`,
      [personId, limit],
    );
    return rows
      .flatMap(changeEvents)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit);
  },
};

/** What the cases module adds to a person's story. */
export const casesStorySources: readonly StorySource[] = [cases];
