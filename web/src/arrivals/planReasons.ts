import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchPack, policyKeys } from '../policy/api';
import type { PlanJson } from './api';

type PlanTestJson = PlanJson['tests'][number];
type PlanPhaseJson = PlanJson['phases'][number];
type PlanRestrictionJson = PlanJson['restrictions'][number];

/** Why the pack took each of a plan's items as a local reading (本地口径), read from the pack itself. */
export interface PlanReasons {
  test: (test: Pick<PlanTestJson, 'kind' | 'day'>) => string | undefined;
  phase: (phase: Pick<PlanPhaseJson, 'startDay' | 'endDay'>) => string | undefined;
  restriction: (restriction: Pick<PlanRestrictionJson, 'id'>) => string | undefined;
}

/**
 * The reasons of a plan's local readings. A plan keeps each item's clause and whether it is a local
 * reading; the reason is the pack's (one per protocol item), so it is looked up in the pack version
 * the plan was made by. Without that pack (not loaded yet, or not readable), no reason is given.
 */
export function usePlanReasons(plan: Pick<PlanJson, 'packId' | 'packVersion' | 'protocolId'>): PlanReasons {
  const pack = useQuery({
    queryKey: policyKeys.pack(plan.packId, plan.packVersion),
    queryFn: () => fetchPack(plan.packId, plan.packVersion),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const protocol = pack.data?.content.protocols.find((candidate) => candidate.id === plan.protocolId);
  return useMemo(
    () => ({
      test: (test) =>
        protocol?.tests.find((spec) => spec.kind === test.kind && spec.days.includes(test.day))?.reason,
      phase: (phase) =>
        protocol?.phases.find((spec) => spec.startDay === phase.startDay && spec.endDay === phase.endDay)
          ?.reason,
      restriction: (restriction) =>
        protocol?.restrictions?.find((spec) => spec.id === restriction.id)?.reason,
    }),
    [protocol],
  );
}
