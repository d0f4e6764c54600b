import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hospital } from './api';

/** CAS-4: a hospital's shortfalls, each in words with what it has and what is required; or "ready". */
export function ReadinessTags({ hospital }: { hospital: Hospital }) {
  const { t } = useTranslation();
  if (hospital.kind === 'fever_clinic' && hospital.shortfalls.length === 0) return null;
  if (hospital.shortfalls.length === 0) return <Tag color="green">{t('hospitals.ready')}</Tag>;
  return (
    <Space size={[4, 4]} wrap>
      {hospital.shortfalls.map((s) => (
        <Tag key={s.code} color="orange" style={{ whiteSpace: 'normal' }}>
          {t(`hospitals.shortfall.${s.code}`, { actual: s.actual, required: s.required })}
        </Tag>
      ))}
    </Space>
  );
}
