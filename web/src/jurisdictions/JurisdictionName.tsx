import { useQuery } from '@tanstack/react-query';
import { fetchJurisdiction, jurisdictionKeys } from './api';

/**
 * A jurisdiction's name (盘山县), as pages name places: its code only while the name loads or when
 * the user may not read that jurisdiction.
 */
export function useJurisdictionName(code: string | undefined): string | undefined {
  const detail = useQuery({
    queryKey: jurisdictionKeys.detail(code ?? ''),
    queryFn: () => fetchJurisdiction(code ?? ''),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
  return detail.data?.name ?? code;
}

/** A jurisdiction by its name, for lists of places. */
export function JurisdictionName({ code }: { code: string }) {
  return <>{useJurisdictionName(code)}</>;
}
