import { useQuery } from '@tanstack/react-query';
import { fetchJurisdiction, jurisdictionKeys } from '../jurisdictions/api';

/** A jurisdiction's name (盘山县); its code while the name loads or when it cannot be read. */
export function usePlaceName(code: string | undefined): string {
  const detail = useQuery({
    queryKey: jurisdictionKeys.detail(code ?? ''),
    queryFn: () => fetchJurisdiction(code ?? ''),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
  return detail.data?.name ?? code ?? '';
}

/** A jurisdiction by name, for a table cell or a filter tag. */
export function PlaceName({ code }: { code: string }) {
  return <>{usePlaceName(code)}</>;
}
