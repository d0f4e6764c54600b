import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../common/problemText';
import { testId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { type Deadline, deadlineKeys, markDeadlineDone } from './api';

/** Marks an open obligation done by hand, with an optional outcome (the server audits it). */
export function MarkDoneButton({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  const mutation = useMutation({
    mutationFn: () => markDeadlineDone(deadline.id, outcome.trim() || undefined),
    onSuccess: () => {
      message.success(t('deadlines.markedDone'));
      setOpen(false);
      setOutcome('');
    },
    onError: (error) => message.error(problemText(error, language, t)),
    // A refused completion (already closed) also means the list is stale.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: deadlineKeys.all }),
  });
  return (
    <>
      <Button
        size="small"
        icon={<CheckOutlined />}
        onClick={() => setOpen(true)}
        data-testid="deadline-mark-done"
      >
        {t('deadlines.markDone')}
      </Button>
      <Modal
        open={open}
        title={t('deadlines.markDoneTitle', {
          title: pickText(language, deadline.title.zh, deadline.title.en),
        })}
        okText={t('deadlines.markDone')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => mutation.mutate()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ ...testId('deadline-mark-done-confirm') }}
        destroyOnHidden
      >
        <Input.TextArea
          value={outcome}
          onChange={(event) => setOutcome(event.target.value)}
          maxLength={500}
          rows={3}
          aria-label={t('deadlines.outcome')}
          placeholder={t('deadlines.outcomePlaceholder')}
          data-testid="deadline-outcome"
        />
      </Modal>
    </>
  );
}
