import type { TFunction } from 'i18next';
import type { ScheduleItem } from './api';

type Frequency = Pick<ScheduleItem, 'times' | 'perDays' | 'allocation' | 'slot' | 'slots'>;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * A TST-4 frequency in the plan's own words: "每日 1 检", "每 2 天 1 检", "每周 2 检", or the schools'
 * working-day share ("每个工作日抽检 20%, 每周全覆盖" [004 §13]) with the person's own weekday.
 */
export function frequencyText(t: TFunction, frequency: Frequency): string {
  const { times, perDays } = frequency;
  if (frequency.allocation === 'working_day_share') {
    const base = frequency.slots
      ? t('routineTesting.frequency.share', { percent: Math.round(100 / frequency.slots) })
      : t('routineTesting.frequency.shareNoPercent');
    const day = frequency.slot === null ? undefined : WEEKDAYS[frequency.slot];
    return day
      ? `${base} · ${t('routineTesting.frequency.slot', { day: t(`routineTesting.weekdays.${day}`) })}`
      : base;
  }
  if (perDays === 1) return t('routineTesting.frequency.daily', { times });
  if (perDays === 7) return t('routineTesting.frequency.weekly', { times });
  return t('routineTesting.frequency.everyDays', { days: perDays, times });
}
