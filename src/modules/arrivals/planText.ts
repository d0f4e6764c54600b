import type { PhaseKind, PlanPhase, PlanTest, TestKind, Text } from '../../rules/policy/types.js';

const PHASE_NAMES: Record<PhaseKind, Text> = {
  centralised_isolation: { zh: '集中隔离医学观察', en: 'centralised isolation' },
  home_isolation: { zh: '居家隔离医学观察', en: 'home isolation' },
  health_monitoring: { zh: '健康监测', en: 'health monitoring' },
  designated_place: { zh: '指定场所医学检测', en: 'testing at a designated place' },
};

const TEST_NAMES: Record<TestKind, Text> = {
  nat: { zh: '核酸检测', en: 'NAT' },
  antigen: { zh: '抗原检测', en: 'antigen test' },
  serum: { zh: '血清抗体检测', en: 'serum antibody test' },
};

/** A phase's name: "集中隔离医学观察". */
export const phaseName = (kind: PhaseKind): Text => PHASE_NAMES[kind];

/** A test's name: "核酸检测". */
export const testName = (kind: TestKind): Text => TEST_NAMES[kind];

/** "核酸检测（第7天，2种试剂平行检测）" / "NAT (day 7, 2 reagents)": how a test reads on a work list. */
export function testText(test: Pick<PlanTest, 'kind' | 'day' | 'reagents'>): Text {
  const name = TEST_NAMES[test.kind];
  const reagents = test.reagents > 1;
  return {
    zh: `${name.zh}（第${test.day}天${reagents ? `，${test.reagents}种试剂平行检测` : ''}）`,
    en: `${name.en} (day ${test.day}${reagents ? `, ${test.reagents} reagents in parallel` : ''})`,
  };
}

export function phaseText(phase: PlanPhase, next: PlanPhase | undefined): Text {
  const name = PHASE_NAMES[phase.kind];
  if (!next)
    return {
      zh: `解除${name.zh}（第${phase.endDay}天）`,
      en: `Release from ${name.en} (day ${phase.endDay})`,
    };
  const following = PHASE_NAMES[next.kind];
  return {
    zh: `${name.zh}期满，转${following.zh}（第${phase.endDay}天）`,
    en: `End of ${name.en}, transfer to ${following.en} (day ${phase.endDay})`,
  };
}
