/**
 * TST-2 turnaround: how long a lab has from sampling to result, by sample category.
 * "检测机构要在 12 小时内反馈实验室检测结果,其中对风险人群要在 6 小时内出具核酸检测结果" [001 §9];
 * hospitals "4-6小时报告核酸检测结果" [002 §10]; rural "村报告、乡采样、县检测 … 采样 12 小时内反馈检测结果" [002 §18].
 */
export const SAMPLE_CATEGORIES = ['general', 'risk_group', 'hospital', 'rural'] as const;
export type SampleCategory = (typeof SAMPLE_CATEGORIES)[number];

export interface Turnaround {
  /** The result is overdue after this many hours. */
  dueHours: number;
  /** The plan's own target inside that limit (hospitals: 4 of "4–6 h"), shown as due soon from then. */
  targetHours: number;
  ruleSource: string;
}

export const TURNAROUND: Readonly<Record<SampleCategory, Turnaround>> = {
  general: { dueHours: 12, targetHours: 12, ruleSource: '001 §9' },
  risk_group: { dueHours: 6, targetHours: 6, ruleSource: '001 §9' },
  // Assumption: "4–6 h" read as 6 h owed, 4 h aimed for.
  hospital: { dueHours: 6, targetHours: 4, ruleSource: '002 §10' },
  rural: { dueHours: 12, targetHours: 12, ruleSource: '002 §18' },
};

const HOUR = 3_600_000;

/** When the result of a tube first sampled at `sampledAt` is owed (an elapsed-time limit, not calendar days). */
export function resultDueAt(category: SampleCategory, sampledAt: Date): Date {
  return new Date(sampledAt.getTime() + TURNAROUND[category].dueHours * HOUR);
}

export type TurnaroundState = 'pending' | 'due_soon' | 'overdue' | 'on_time' | 'late';

/**
 * A tube's turnaround state at `now`: before a result, pending → due soon (past the target, or in
 * the last quarter of the window) → overdue; after it, on time or late.
 */
export function turnaroundState(
  category: SampleCategory,
  sampledAt: Date,
  resultedAt: Date | null,
  now: Date,
): TurnaroundState {
  const due = resultDueAt(category, sampledAt).getTime();
  if (resultedAt) return resultedAt.getTime() <= due ? 'on_time' : 'late';
  if (now.getTime() > due) return 'overdue';
  const { dueHours, targetHours } = TURNAROUND[category];
  const soonFrom = sampledAt.getTime() + Math.min(targetHours, dueHours * 0.75) * HOUR;
  return now.getTime() >= soonFrom ? 'due_soon' : 'pending';
}
