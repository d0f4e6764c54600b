import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Alert } from './api';

const STATE_COLOURS: Record<Alert['state'], string> = {
  raised: 'red',
  acknowledged: 'orange',
  assessed: 'blue',
  closed: 'default',
};
const RISK_COLOURS: Record<NonNullable<Alert['riskLevel']>, string> = {
  low: 'green',
  medium: 'orange',
  high: 'red',
};
const WARNING_COLOURS: Record<NonNullable<Alert['warningLevel']>, string> = {
  blue: 'blue',
  yellow: 'gold',
  orange: 'orange',
  red: 'red',
};

export function StateTag({ state }: { state: Alert['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="alert-state" data-state={state}>
      {t(`alerts.states.${state}`)}
    </Tag>
  );
}

export function RiskTag({ level }: { level: NonNullable<Alert['riskLevel']> }) {
  const { t } = useTranslation();
  return <Tag color={RISK_COLOURS[level]}>{t(`alerts.riskLevels.${level}`)}</Tag>;
}

export function WarningTag({ level }: { level: NonNullable<Alert['warningLevel']> }) {
  const { t } = useTranslation();
  return <Tag color={WARNING_COLOURS[level]}>{t(`alerts.warningLevels.${level}`)}</Tag>;
}
