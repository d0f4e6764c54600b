import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { fetchKeyGroups, personKeys } from './api';

/** The key groups (重点人群) with labels in the UI language; the list changes only with a release. */
export function useKeyGroups() {
  const { language } = useLanguage();
  const query = useQuery({
    queryKey: personKeys.keyGroups,
    queryFn: fetchKeyGroups,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const groups = query.data ?? [];
  const labelOf = useCallback(
    (id: string) => {
      const group = groups.find((item) => item.id === id);
      return group ? pickText(language, group.zh, group.en) : id;
    },
    [groups, language],
  );
  const options = groups.map((group) => ({ value: group.id, label: pickText(language, group.zh, group.en) }));
  return { options, labelOf, isLoading: query.isLoading };
}
