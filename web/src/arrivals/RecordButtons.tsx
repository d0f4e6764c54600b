import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventResult } from './api';

interface RecordButtonsProps {
  item: string;
  label: string;
  busy: boolean;
  onRecord: (item: string, result: EventResult) => void;
}

/** Negative / positive for a test, "end phase" for a phase; each asks once before recording. */
export function RecordButtons({ item, label, busy, onRecord }: RecordButtonsProps) {
  const { t } = useTranslation();
  if (item.startsWith('phase:')) {
    return (
      <Popconfirm
        title={t('arrivals.record.confirmPhase', { item: label })}
        onConfirm={() => onRecord(item, 'done')}
      >
        <Button size="small" loading={busy} data-testid="record-phase-end" data-item={item}>
          {t('arrivals.record.endPhase')}
        </Button>
      </Popconfirm>
    );
  }
  const ask = (result: 'negative' | 'positive') =>
    t('arrivals.record.confirmTest', { item: label, result: t(`arrivals.plan.results.${result}`) });
  return (
    <Space size={4}>
      <Popconfirm title={ask('negative')} onConfirm={() => onRecord(item, 'negative')}>
        <Button size="small" loading={busy} data-testid="record-negative" data-item={item}>
          {t('arrivals.record.negative')}
        </Button>
      </Popconfirm>
      <Popconfirm title={ask('positive')} onConfirm={() => onRecord(item, 'positive')}>
        <Button size="small" danger loading={busy} data-testid="record-positive" data-item={item}>
          {t('arrivals.record.positive')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
