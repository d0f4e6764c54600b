import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDueAt } from '../common/formatDueAt';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { ContactClass, ContactRow, ContactStatus } from './api';

const CLASS_COLOR: Record<ContactClass, string> = {
  close: 'red',
  secondary_close: 'volcano',
  general: 'blue',
};
const STATUS_COLOR: Record<ContactStatus, string> = {
  identified: 'orange',
  under_control: 'processing',
  released: 'success',
  discarded: 'default',
};

export function ClassTag({ value }: { value: ContactClass }) {
  const { t } = useTranslation();
  return <Tag color={CLASS_COLOR[value]}>{t(`contacts.classes.${value}`)}</Tag>;
}

export function StatusTag({ value }: { value: ContactStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[value]}>{t(`contacts.statuses.${value}`)}</Tag>;
}

/** A deadline: its title and due time, red when overdue (the e2e reads the 12-hour transfer here). */
export function DeadlineCell({ deadline }: { deadline: ContactRow['nextDeadline'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  const overdue = deadline.state === 'overdue';
  return (
    <Space
      direction="vertical"
      size={0}
      data-testid="contact-deadline"
      data-kind={deadline.kind}
      data-due={deadline.dueAt}
    >
      <Typography.Text>{pickText(language, deadline.title.zh, deadline.title.en)}</Typography.Text>
      <Typography.Text type={overdue ? 'danger' : 'secondary'}>
        {overdue ? `${t('contacts.overdue')} · ` : ''}
        {t('contacts.due', { at: formatDueAt(deadline.dueAt, language) })}
      </Typography.Text>
    </Space>
  );
}
