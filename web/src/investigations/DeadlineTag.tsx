import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { useLanguage } from '../i18n/useLanguage';
import type { InvestigationStatus, InvestigationSummary } from './api';

const COLOR = {
  open: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  done: 'green',
  cancelled: 'default',
} as const;
const STATUS_COLOR: Record<InvestigationStatus, string> = {
  open: 'blue',
  first_done: 'cyan',
  submitted: 'orange',
  returned: 'magenta',
  released: 'green',
  closed: 'default',
};

/** One EPI-1 deadline: due time and state in words. */
export function DeadlineTag({ deadline }: { deadline: InvestigationSummary['first'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const due = formatDateTime(deadline.dueAt, language);
  return <Tag color={COLOR[deadline.state]}>{t(`investigations.deadline.${deadline.state}`, { due })}</Tag>;
}

export function StatusTag({ status }: { status: InvestigationStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`investigations.status.${status}`)}</Tag>;
}
