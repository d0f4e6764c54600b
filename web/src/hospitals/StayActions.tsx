import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { cancelStay, dischargeStay, hospitalKeys, type Stay, stepStay } from './api';

type Step = 'depart' | 'admit' | 'discharge' | 'cancel';

/**
 * CAS-3: the next steps of a transfer and stay: departed, admitted (closes the transfer's deadline),
 * discharged (opens the follow-up plan), or cancelled before admission (the case still owes one).
 */
export function StayActions({ stay }: { stay: Stay }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<'discharge' | 'cancel' | null>(null);
  const [text, setText] = useState('');
  const mutation = useMutation({
    mutationFn: (step: Step) => {
      if (step === 'discharge') return dischargeStay(stay.id, text.trim());
      if (step === 'cancel') return cancelStay(stay.id, text.trim());
      return stepStay(stay.id, step);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hospitalKeys.all });
      message.success(t('hospitals.saved'));
      setAsking(null);
      setText('');
    },
  });
  const live = stay.status === 'requested' || stay.status === 'departed';
  return (
    <>
      <Space size={4} wrap>
        {stay.status === 'requested' ? (
          <Button size="small" onClick={() => mutation.mutate('depart')} data-testid="stay-depart">
            {t('hospitals.stays.depart')}
          </Button>
        ) : null}
        {live ? (
          <Button
            size="small"
            type="primary"
            onClick={() => mutation.mutate('admit')}
            data-testid="stay-admit"
          >
            {t('hospitals.stays.admit')}
          </Button>
        ) : null}
        {stay.status === 'admitted' ? (
          <Button size="small" onClick={() => setAsking('discharge')} data-testid="stay-discharge">
            {t('hospitals.stays.discharge')}
          </Button>
        ) : null}
        {live ? (
          <Button size="small" danger onClick={() => setAsking('cancel')}>
            {t('hospitals.stays.cancel')}
          </Button>
        ) : null}
      </Space>
      {mutation.error && asking === null ? <ProblemAlert error={mutation.error} /> : null}
      <Modal
        open={asking !== null}
        title={asking ? `${t(`hospitals.stays.${asking}`)}：${stay.personName}` : ''}
        onCancel={() => setAsking(null)}
        onOk={() => asking && mutation.mutate(asking)}
        okButtonProps={{ disabled: asking === 'cancel' && text.trim().length === 0 }}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        <Input.TextArea
          maxLength={200}
          autoSize
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={
            asking === 'cancel' ? t('hospitals.stays.cancelReason') : t('hospitals.stays.dischargeNote')
          }
          data-testid="stay-note"
        />
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
