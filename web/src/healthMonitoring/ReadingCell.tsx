import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface SlotReading {
  temperature: number;
  symptoms: readonly string[];
  abnormal: boolean;
  source: 'staff' | 'self';
}

/** A slot's temperature, red when abnormal (≥ 37.3 ℃ or a symptom), with its symptoms; a dash when none. */
export function ReadingCell({ reading }: { reading: SlotReading | null }) {
  const { t } = useTranslation();
  if (!reading) return <Typography.Text type="secondary">—</Typography.Text>;
  const symptoms = reading.symptoms
    .map((s) => t(`healthMonitoring.symptom.${s}` as 'healthMonitoring.symptom.fever'))
    .join('、');
  return (
    <span>
      <Typography.Text type={reading.abnormal ? 'danger' : undefined} strong={reading.abnormal}>
        {reading.temperature.toFixed(1)}℃
      </Typography.Text>
      {symptoms ? <Typography.Text type="danger">（{symptoms}）</Typography.Text> : null}
      {reading.source === 'self' ? (
        <Tag style={{ marginInlineStart: 4 }}>{t('healthMonitoring.source.self')}</Tag>
      ) : null}
    </span>
  );
}
