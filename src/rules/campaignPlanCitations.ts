/**
 * The seed clauses behind each figure of the full-population campaign planner (TST-6 … TST-9),
 * quoted so the planner page can show every figure with its rule.
 */
export interface Citation {
  ruleId: string;
  source: string;
  quote: string;
}

export const PLAN_CITATIONS = {
  deadlineCounty: {
    ruleId: 'TST-6',
    source: '004 §19',
    quote: '确保达到 24 小时完成全员核酸检测任务',
  },
  deadlineCity: {
    ruleId: 'TST-6',
    source: '002 §30',
    quote:
      '按照 500 万人以下的城市 … 力争在 2 天之内完成，500 万以上人口的城市 … 力争在 3-5 天内完成全员核酸检测的目标',
  },
  ringOrder: {
    ruleId: 'TST-7',
    source: '002 §24',
    quote:
      '按照涉疫地人员、14天内到过涉疫地人员、高风险地区人员、中风险地区人员、重点人群、低风险地区人员的圈层逐步扩大检测范围',
  },
  sites: { ruleId: 'TST-8', source: '004 §20', quote: '2000-3000人设置一个采样点' },
  tables: { ruleId: 'TST-8', source: '004 §20', quote: '600-800人设置一个采样台' },
  samplingStaff: {
    ruleId: 'TST-8',
    source: '004 §20',
    quote: '测算所需采样人员数量，不足的要列出清单，明确解决办法和需要支援的数量',
  },
  instruments: {
    ruleId: 'TST-9',
    source: '004 §19',
    quote: '核酸检测设备按照每日工作 18 小时测算，确保达到 24 小时完成全员核酸检测任务',
  },
  reagents: {
    ruleId: 'TST-9',
    source: '004 §19',
    quote: '核酸检测试剂要按照 10 轮进行储备，其中实物储备不少于 6 轮',
  },
} as const satisfies Record<string, Citation>;

/** TST-7 rings, innermost first [002 §24]. */
export const RING_ORDER = [
  { stage: 'outbreak_place', zh: '涉疫地人员' },
  { stage: 'visited_within_14_days', zh: '14天内到过涉疫地人员' },
  { stage: 'high_risk_areas', zh: '高风险地区人员' },
  { stage: 'medium_risk_areas', zh: '中风险地区人员' },
  { stage: 'key_groups', zh: '重点人群' },
  { stage: 'low_risk_areas', zh: '低风险地区人员' },
] as const;
export type RingStage = (typeof RING_ORDER)[number]['stage'];
