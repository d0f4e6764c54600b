import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "12:04" or "1:02:30": whole seconds as minutes (and hours), for a deadline shown live. */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

interface CountdownProps {
  dueAt: string;
  /** When the obligation was met; the countdown then stops. */
  doneAt?: string | null;
  'data-testid'?: string;
}

/** Time left to a deadline (ARR-11: the 30-minute look, same-day feedback), red once overdue. */
export function Countdown({ dueAt, doneAt, 'data-testid': testId }: CountdownProps) {
  const { t } = useTranslation();
  const now = useNow();
  const due = new Date(dueAt).getTime();
  if (doneAt) {
    return (
      <Tag color="green" data-testid={testId} data-due={dueAt}>
        {t('landing.countdown.done')}
      </Tag>
    );
  }
  const left = due - now;
  const soon = left < 7.5 * 60_000;
  return (
    <Tag color={left < 0 ? 'red' : soon ? 'orange' : 'blue'} data-testid={testId} data-due={dueAt}>
      {left < 0
        ? t('landing.countdown.overdue', { time: formatSpan(left) })
        : t('landing.countdown.left', { time: formatSpan(left) })}
    </Tag>
  );
}
