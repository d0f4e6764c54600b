import { Grid } from 'antd';
import type { PlanJson } from './api';
import { PlanGantt } from './PlanGantt';
import { PlanStack } from './PlanStack';

/** The plan's phases and tests on their days: a day axis on wide screens, stacked bands on a phone. */
export function PlanTimeline({ plan, results }: { plan: PlanJson; results: ReadonlyMap<string, string> }) {
  const wide = Grid.useBreakpoint().md ?? false;
  return wide ? <PlanGantt plan={plan} results={results} /> : <PlanStack plan={plan} results={results} />;
}
