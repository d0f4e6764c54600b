import { PhoneOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../common/problemText';
import { useLanguage } from '../i18n/useLanguage';
import { revealCallPhone } from './api';

/**
 * A work item whose job is a call, under the action's name: the number is shown on request to the item's assignee only, and
 * the server records it in the audit log (as an unmask), so the button says so before asking.
 */
export function CallButton({
  deadlineId,
  label,
  block,
}: {
  deadlineId: string;
  label: string;
  block?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const reveal = useMutation({
    mutationFn: () => revealCallPhone(deadlineId),
    onError: (error) => message.error(problemText(error, language, t)),
  });
  if (reveal.isSuccess) {
    const { phone } = reveal.data;
    return phone ? (
      <Button
        type="primary"
        href={`tel:${phone}`}
        icon={<PhoneOutlined />}
        block={block}
        data-testid="my-work-phone"
        aria-label={t('work.call.dial', { phone })}
      >
        {phone}
      </Button>
    ) : (
      <Typography.Text type="secondary" data-testid="my-work-no-phone">
        {t('work.call.noPhone')}
      </Typography.Text>
    );
  }
  return (
    <Popconfirm
      title={t('work.call.confirmTitle')}
      description={t('work.call.confirm')}
      okText={t('work.call.show')}
      cancelText={t('common.cancel')}
      onConfirm={() => reveal.mutate()}
    >
      <Button
        type="primary"
        icon={<PhoneOutlined />}
        loading={reveal.isPending}
        block={block}
        data-testid="my-work-call"
      >
        {label}
      </Button>
    </Popconfirm>
  );
}
