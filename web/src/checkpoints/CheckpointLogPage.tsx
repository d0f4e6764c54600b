import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, InputNumber, Popover, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { type Checkpoint, checkpointKeys, getCheckpoint, logPass, setNatWindow } from './api';
import { newId } from './newId';
import { PassDayList } from './PassDayList';
import { PASS_DEFAULTS, PassForm, type PassValues, toPassBody } from './PassForm';
import { PassResult } from './PassResult';

/** HC-3: the checkpoint's NAT window (hours); empty returns to the default 48 h. */
function NatWindow({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = usePermission('arrival.write');
  const [hours, setHours] = useState<number | null>(
    checkpoint.natWithinHoursSet ? checkpoint.natWithinHours : null,
  );
  const mutation = useMutation({
    mutationFn: () => setNatWindow(checkpoint.id, hours),
    onSuccess: () => {
      message.success(t('checkpoints.settingsSaved'));
      void queryClient.invalidateQueries({ queryKey: checkpointKeys.one(checkpoint.id) });
      void queryClient.invalidateQueries({ queryKey: checkpointKeys.list });
    },
  });
  const tag = (
    <Tag
      color="blue"
      style={canWrite ? { cursor: 'pointer' } : undefined}
      data-testid="checkpoint-nat-window"
    >
      {t('checkpoints.natWithinShort', { hours: checkpoint.natWithinHours })}
    </Tag>
  );
  if (!canWrite) return tag;
  return (
    <Popover
      trigger="click"
      title={t('checkpoints.natWithinHours')}
      content={
        <Flex vertical gap={8} style={{ maxWidth: 260 }}>
          <Typography.Text type="secondary">{t('checkpoints.natWithinHint')}</Typography.Text>
          <Space>
            <InputNumber
              min={1}
              max={168}
              precision={0}
              placeholder="48"
              value={hours}
              onChange={(value) => setHours(value ?? null)}
              data-testid="checkpoint-nat-hours-edit"
            />
            <Button
              type="primary"
              loading={mutation.isPending}
              onClick={() => mutation.mutate()}
              data-testid="checkpoint-nat-save"
            >
              {t('common.save')}
            </Button>
          </Space>
          {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
        </Flex>
      }
    >
      {tag}
    </Popover>
  );
}

/**
 * The checkpoint staff's phone page (ARR-15, HC-3): log a traveller, see what to do with them, and
 * the day's list below. Each traveller gets an id once, kept until the log succeeds, so a retry
 * after a lost answer logs nobody twice.
 */
export default function CheckpointLogPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PassValues>();
  const passId = useRef<string>(newId());
  const checkpoint = useQuery({ queryKey: checkpointKeys.one(id), queryFn: () => getCheckpoint(id) });
  const labels = {
    name: t('checkpoints.pass.name'),
    idNumber: t('checkpoints.pass.idNumber'),
    phone: t('checkpoints.pass.phone'),
    temperature: t('checkpoints.pass.temperature'),
    originDivisionCode: t('checkpoints.pass.originDivisionCode'),
    natAt: t('checkpoints.pass.natAt'),
    destinationCode: t('checkpoints.pass.destination'),
  };
  const mutation = useMutation({
    mutationFn: (values: PassValues) => logPass(id, toPassBody(passId.current, values)),
    onSuccess: () => {
      passId.current = newId();
      void queryClient.invalidateQueries({ queryKey: ['checkpoints', id, 'passes'] });
    },
    onError: (error) => applyFieldProblems(form, error, labels, t, language),
  });
  const next = () => {
    // The destination and the option usually stay the same for the next traveller in the queue.
    const keep = form.getFieldsValue(['destinationCode', 'registerEveryArrival', 'direction']);
    form.resetFields();
    form.setFieldsValue({ ...PASS_DEFAULTS, ...keep });
    mutation.reset();
  };
  return (
    <>
      <Typography.Title level={3} className="page-title" data-testid="checkpoint-title">
        {checkpoint.data?.name ?? t('checkpoints.pass.title')}{' '}
        {checkpoint.data ? <Tag>{t(`checkpoints.kinds.${checkpoint.data.kind}`)}</Tag> : null}
        {checkpoint.data ? (
          <NatWindow key={checkpoint.data.natWithinHours} checkpoint={checkpoint.data} />
        ) : null}
      </Typography.Title>
      {checkpoint.error ? <ProblemAlert error={checkpoint.error} /> : null}
      {mutation.data ? (
        <PassResult pass={mutation.data.pass} registration={mutation.data.registration} onNext={next} />
      ) : null}
      <Card style={{ marginBottom: 16, display: mutation.data ? 'none' : undefined }}>
        <PassForm
          form={form}
          saving={mutation.isPending}
          onSubmit={(values) => mutation.mutate(values)}
          natWithinHours={checkpoint.data?.natWithinHours}
        />
        {mutation.error ? (
          <div style={{ marginTop: 12 }}>
            <ProblemAlert error={mutation.error} hideFields={Object.keys(labels)} />
          </div>
        ) : null}
      </Card>
      <PassDayList checkpointId={id} />
    </>
  );
}
