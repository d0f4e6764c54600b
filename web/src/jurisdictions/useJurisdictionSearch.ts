import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { jurisdictionKeys, searchJurisdictions } from './api';

/** Server-side search by code prefix, name or pinyin initials, once typing pauses. */
export function useJurisdictionSearch(text: string) {
  const q = useDebouncedValue(text.trim());
  const query = useQuery({
    queryKey: jurisdictionKeys.search(q),
    queryFn: () => searchJurisdictions(q),
    enabled: q !== '',
  });
  return { ...query, active: text.trim() !== '' };
}
