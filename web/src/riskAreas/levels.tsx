import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AREA_LEVELS, type AreaLevel } from './api';

const COLOURS: Readonly<Record<AreaLevel, string>> = {
  high: 'red',
  medium: 'orange',
  key_concern: 'purple',
  low: 'green',
};

/** A risk level as a coloured tag: red high, orange medium, purple key concern, green low. */
export function LevelTag({ level }: { level: AreaLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[level]} data-testid={`risk-level-${level}`}>
      {t(`riskAreas.levels.${level}`)}
    </Tag>
  );
}

export function useLevelOptions(levels: readonly AreaLevel[] = AREA_LEVELS) {
  const { t } = useTranslation();
  return levels.map((level) => ({ value: level, label: t(`riskAreas.levels.${level}`) }));
}
