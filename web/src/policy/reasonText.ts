import { useCallback } from 'react';
import { bilingualPart } from '../../../src/rules/bilingualText';
import { useLanguage } from '../i18n/useLanguage';

/**
 * A pack's or the engine's `reason`, written "中文理由。English reason." in one string, as the page's
 * language reads it: only its Chinese on Chinese pages, only its English on English ones (DESIGN,
 * "Words users read"). Every place that shows a reason goes through this.
 */
export function useReasonText(): (reason: string | null | undefined) => string | undefined {
  const { language } = useLanguage();
  return useCallback(
    (reason: string | null | undefined) => (reason ? bilingualPart(reason, language) : undefined),
    [language],
  );
}
