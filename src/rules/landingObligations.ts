import type {
  OriginRisk,
  PhaseKind,
  Plan,
  PlanTest,
  RestrictionSpec,
  TestKind,
  Text,
} from './policy/types.js';

/**
 * ARR-11: after a landing-code report, the traveller reads what they must do, in plain Chinese
 * (English beside it): the plan's phases and tests with their dates, the restrictions, what was
 * missing on arrival, and what happens next. No protocol matched still means registering with the
 * community. Pure: the plan is the one the policy engine produced for this arrival.
 */

type ObligationKind = 'phase' | 'test' | 'restriction' | 'shortfall' | 'release' | 'truck' | 'next';

interface ObligationLine {
  kind: ObligationKind;
  text: Text;
}

export interface Obligations {
  /** False when no protocol of the pack in force matched the arrival. */
  matched: boolean;
  /** B7: no measures yet: the CDC establishes the origin first. */
  originReview: boolean;
  /** No protocol, or no pack in force on the arrival date, applies: the CDC decides the measures. */
  cdcReview: boolean;
  headline: Text;
  lines: ObligationLine[];
}

export interface ObligationInput {
  plan: Plan | null;
  /** The destination community's name, where the traveller registers. */
  destinationName: string;
  truckDriver: boolean;
  itineraryStar: boolean;
  /** B7: the pack sends an origin known only to a level holding a published area to the CDC. */
  originReview?: boolean;
  /** Why staff would find no plan; 'no_protocol' and 'no_pack' go to the CDC's review list. */
  review?: string | null;
}

const PHASES: Record<PhaseKind, Text> = {
  centralised_isolation: { zh: '集中隔离医学观察', en: 'centralised isolation (medical observation)' },
  home_isolation: { zh: '居家隔离医学观察', en: 'home isolation (medical observation)' },
  health_monitoring: { zh: '居家健康监测', en: 'health monitoring at home' },
  designated_place: { zh: '到指定场所进行医学检测', en: 'testing at a designated place' },
};

const TESTS: Record<TestKind, Text> = {
  nat: { zh: '核酸检测', en: 'NAT' },
  antigen: { zh: '抗原检测', en: 'antigen test' },
  serum: { zh: '血清抗体检测', en: 'serum antibody test' },
};

const RESTRICTIONS: Record<RestrictionSpec['id'], Text> = {
  no_gatherings: { zh: '不聚集、不参加聚餐等聚集性活动', en: 'no gatherings or group meals' },
  no_movement: { zh: '不外出', en: 'do not go out' },
  daily_health_report: {
    zh: '每日向社区报告体温和健康状况',
    en: 'report your temperature and health to the community daily',
  },
  closed_loop_transfer: {
    zh: '由专人闭环转运，不得自行前往',
    en: 'you will be transferred in a closed loop; do not travel on your own',
  },
  register_with_community: { zh: '主动向社区报到登记', en: 'register with the community' },
  register_with_employer: { zh: '主动向所在单位登记', en: 'register with your employer' },
};

const SHORTFALLS: Record<Plan['shortfalls'][number]['id'], Text> = {
  negative_nat_within_hours: {
    zh: '您未提供规定时限内的核酸检测阴性证明，请尽快就近进行核酸检测',
    en: 'you have no negative NAT within the required hours: get tested as soon as possible',
  },
  green_health_code_or_negative_nat: {
    zh: '您未提供绿码或核酸检测阴性证明，请尽快就近进行核酸检测',
    en: 'you have neither a green health code nor a negative NAT: get tested as soon as possible',
  },
};

/** "11月24日", with the year when it is not the year of day 0. */
function zhDate(date: string, year: string): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  return `${y === year ? '' : `${y}年`}${Number(m)}月${Number(d)}日`;
}

function range(start: string, end: string, year: string): Text {
  if (start === end) return { zh: zhDate(start, year), en: start };
  return { zh: `${zhDate(start, year)}至${zhDate(end, year)}`, en: `${start} to ${end}` };
}

function testName(test: PlanTest): Text {
  const name = TESTS[test.kind];
  const extra = {
    zh: [test.reagents > 1 ? `${test.reagents}种试剂` : '', test.forRelease ? '解除前须阴性' : ''].filter(
      Boolean,
    ),
    en: [
      test.reagents > 1 ? `${test.reagents} reagents` : '',
      test.forRelease ? 'negative before release' : '',
    ].filter(Boolean),
  };
  return {
    zh: extra.zh.length > 0 ? `${name.zh}（${extra.zh.join('，')}）` : name.zh,
    en: extra.en.length > 0 ? `${name.en} (${extra.en.join(', ')})` : name.en,
  };
}

/** One line per test day: "11月24日（第0天）：核酸检测、抗原检测". */
function testLines(plan: Plan, year: string): ObligationLine[] {
  const byDate = new Map<string, { day: number; tests: PlanTest[] }>();
  for (const test of [...plan.tests].sort((a, b) => a.day - b.day)) {
    const sameDay = byDate.get(test.date);
    if (sameDay) sameDay.tests.push(test);
    else byDate.set(test.date, { day: test.day, tests: [test] });
  }
  return [...byDate].map(([date, { day, tests }]) => {
    const names = tests.map(testName);
    return {
      kind: 'test',
      text: {
        zh: `${zhDate(date, year)}（第${day}天）：${names.map((n) => n.zh).join('、')}`,
        en: `${date} (day ${day}): ${names.map((n) => n.en).join(', ')}`,
      },
    };
  });
}

function planLines(plan: Plan): ObligationLine[] {
  const year = plan.day0.slice(0, 4);
  const lines: ObligationLine[] = [];
  for (const phase of plan.phases) {
    const when = range(phase.startDate, phase.endDate, year);
    const name = PHASES[phase.kind];
    lines.push({
      kind: 'phase',
      text: {
        zh: `${when.zh}（第${phase.startDay}天至第${phase.endDay}天）：${name.zh}`,
        en: `${when.en} (days ${phase.startDay}–${phase.endDay}): ${name.en}`,
      },
    });
  }
  lines.push(...testLines(plan, year));
  for (const restriction of plan.restrictions) {
    const when = range(restriction.startDate, restriction.endDate, year);
    const what = RESTRICTIONS[restriction.id];
    lines.push({ kind: 'restriction', text: { zh: `${when.zh}：${what.zh}`, en: `${when.en}: ${what.en}` } });
  }
  for (const shortfall of plan.shortfalls) lines.push({ kind: 'shortfall', text: SHORTFALLS[shortfall.id] });
  lines.push({
    kind: 'release',
    text: { zh: `解除条件：${plan.release.zh}`, en: `Release: ${plan.release.en}` },
  });
  return lines;
}

/** ARR-12: "在车辆到达我市24小时前向收发货单位主动报备…由收发货单位向属地社区(村嘎查)报告" [004 §5]. */
const TRUCK: Text = {
  zh: '您是行程卡带星的货车司机：收发货单位须在车辆到达24小时前报备车牌号、计划抵达时间及司乘人员信息并告知属地社区；到达后由专人引导至目的地，装卸货后立即返回',
  en: 'You drive a truck with a starred itinerary card: the consignee must report plate, planned arrival and crew at least 24 hours ahead and tell the community; you are escorted to the destination and leave right after unloading',
};

const LEVELS: Record<OriginRisk, Text> = {
  high: { zh: '高风险', en: 'high-risk' },
  medium: { zh: '中风险', en: 'medium-risk' },
  low: { zh: '低风险', en: 'low-risk' },
  key_concern: { zh: '重点关注', en: 'key-concern' },
};

/**
 * B7: the origin was known only to a level (a district) holding a published area finer than it;
 * the traveller reads which reading the measures follow and how to have it corrected.
 */
function coarseOriginLine(plan: Plan): ObligationLine | undefined {
  const coarse = plan.risk?.coarse;
  if (!coarse) return undefined;
  const level = LEVELS[coarse.finerRisk];
  return {
    kind: 'next',
    text: {
      zh: `您填报的来源地内有已公布的${level.zh}地区，按从严口径，以上措施按来自${level.zh}地区执行。如您未到过该地区，请向社区说明具体到过的街道（乡镇），核实后将调整管控措施`,
      en: `Your place of origin contains a published ${level.en} area; the measures above take the cautious reading and treat you as coming from it. If you were not there, tell the community which street or town you came from: once verified, your measures are adjusted`,
    },
  };
}

/** B7: the pack sends the case to the CDC before any measures are set. */
const ORIGIN_REVIEW: ObligationLine[] = [
  {
    kind: 'next',
    text: {
      zh: '您填报的来源地内有已公布的风险地区，疾控人员将与您联系，核实您到过的具体街道（乡镇）后告知管控措施；核实前请居家等候，不要外出',
      en: 'Your place of origin contains a published risk area: the CDC will contact you to establish which street or town you came from, then tell you your measures; until then stay at home',
    },
  },
];

/**
 * No protocol of the pack matched, or no pack was in force on the arrival date: the arrival is on
 * the CDC's review list, so the traveller is not told that nothing applies (never understate risk).
 */
const CDC_REVIEW: ObligationLine[] = [
  {
    kind: 'next',
    text: {
      zh: '您的情况暂无可直接适用的管控方案，疾控人员将核定您的管控措施并告知；核定前请减少外出，不参加聚集性活动',
      en: 'No protocol applies to your case directly: the CDC will decide your measures and tell you; until then go out as little as possible and avoid gatherings',
    },
  },
];

export function buildObligations(input: ObligationInput): Obligations {
  const { plan } = input;
  const coarse = plan ? coarseOriginLine(plan) : undefined;
  const cdcReview =
    plan === null && !input.originReview && (input.review === 'no_protocol' || input.review === 'no_pack');
  const lines: ObligationLine[] = plan
    ? [...planLines(plan), ...(coarse ? [coarse] : [])]
    : input.originReview
      ? ORIGIN_REVIEW
      : cdcReview
        ? [...CDC_REVIEW]
        : [
            {
              kind: 'restriction',
              text: {
                zh: `暂未匹配到需执行的隔离管控方案，但您仍须主动向${input.destinationName}报到登记`,
                en: `No control protocol applies to you, but you must still register with ${input.destinationName}`,
              },
            },
          ];
  if (input.truckDriver && input.itineraryStar) lines.push({ kind: 'truck', text: TRUCK });
  lines.push(
    {
      kind: 'next',
      text: {
        zh: `您的报备将推送至${input.destinationName}，社区工作人员将在今天与您联系核实，请保持电话畅通`,
        en: `Your report goes to ${input.destinationName}; a community worker will contact you today, keep your phone on`,
      },
    },
    {
      kind: 'next',
      text: {
        zh: '如出现发热、干咳等症状，请立即告知社区，并佩戴口罩到发热门诊就诊',
        en: 'If you develop fever or a cough, tell the community at once and go to a fever clinic wearing a mask',
      },
    },
  );
  return {
    matched: plan !== null,
    originReview: plan === null && input.originReview === true,
    cdcReview,
    headline: plan
      ? { zh: `您需执行：${plan.title.zh}`, en: `Your protocol: ${plan.title.en}` }
      : input.originReview
        ? { zh: '您的来源地需由疾控部门核实', en: 'The CDC will establish where you came from' }
        : cdcReview
          ? { zh: '您的管控措施由疾控部门核定', en: 'The CDC will decide your measures' }
          : { zh: '您无需隔离，但须向社区报到', en: 'No isolation, but register with the community' },
    lines,
  };
}
