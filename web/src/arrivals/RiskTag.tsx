import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The seeds' colours: high red, medium orange, low green, key concern (ARR-6) purple. */
const COLORS: Record<string, string> = { high: 'red', medium: 'orange', low: 'green', key_concern: 'purple' };
const LEVELS = ['high', 'medium', 'low', 'key_concern'] as const;
type Level = (typeof LEVELS)[number];

export const isRiskLevel = (value: string | null | undefined): value is Level =>
  LEVELS.includes(value as Level);

/** A risk level as a coloured tag; `district` words it as the origin district's status (ARR-9). */
export function RiskTag({ level, district = false }: { level: string | null; district?: boolean }) {
  const { t } = useTranslation();
  if (!isRiskLevel(level)) return null;
  const text = t(`arrivals.risk.${level}`);
  return (
    <Tag color={COLORS[level]} data-testid={district ? 'district-risk' : 'origin-risk'} data-level={level}>
      {district ? t('arrivals.districtRisk', { level: text }) : text}
    </Tag>
  );
}
