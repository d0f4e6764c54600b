import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Modal, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { textRule } from '../trucks/formRules';
import { type ConferenceView, recordConference } from './api';

interface Values {
  heldAt: Dayjs;
  place: string;
  spokesperson: string;
  note?: string;
}

/** County codes have six digits: the press conference is the county government's (CAS-5). */
const countyOf = (code: string) => (code.length >= 6 ? code.slice(0, 6) : null);

function RecordModal({ county, open, onClose }: { county: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      heldAt: t('bulletin.conference.heldAt'),
      place: t('bulletin.conference.place'),
      spokesperson: t('bulletin.conference.spokesperson'),
      note: t('bulletin.conference.note'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      recordConference({
        jurisdictionCode: county,
        heldAt: v.heldAt.toISOString(),
        place: v.place.trim(),
        spokesperson: v.spokesperson.trim(),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['bulletin'] });
      message.success(t('bulletin.conference.saved'));
      form.resetFields();
      onClose();
    },
  });
  useEffect(() => {
    setPlaced(mutation.error ? applyFieldProblems(form, mutation.error, labels, t, language) : []);
  }, [mutation.error, form, labels, t, language]);
  return (
    <Modal
      open={open}
      title={t('bulletin.conference.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okButtonProps={{ ...testId('conference-ok') }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ heldAt: dayjs() }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item
          name="heldAt"
          label={labels.heldAt}
          rules={[{ required: true, message: t('bulletin.conference.heldAtRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
            {...testId('conference-held-at')}
          />
        </Form.Item>
        <Form.Item name="place" label={labels.place} rules={[textRule(t, labels.place, 100)]}>
          <Input maxLength={100} {...testId('conference-place')} />
        </Form.Item>
        <Form.Item
          name="spokesperson"
          label={labels.spokesperson}
          rules={[textRule(t, labels.spokesperson, 100)]}
        >
          <Input maxLength={100} {...testId('conference-spokesperson')} />
        </Form.Item>
        <Form.Item name="note" label={labels.note}>
          <Input.TextArea maxLength={500} rows={3} {...testId('conference-note')} />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={placed} /> : null}
    </Modal>
  );
}

/**
 * CAS-5: the county's press conferences — the one owed after a first local case (due by the end of
 * the next day) first, then those held — and the form that records one.
 */
export function ConferencePanel({ jurisdiction, items }: { jurisdiction: string; items: ConferenceView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const mayRecord = usePermission('bulletin.release');
  const [open, setOpen] = useState(false);
  const county = countyOf(jurisdiction);
  const now = Date.now();
  return (
    <Card
      id="conference"
      className="bulletin-no-print"
      title={t('bulletin.conference.title')}
      extra={
        mayRecord && county ? (
          <Button type="primary" onClick={() => setOpen(true)} {...testId('conference-record')}>
            {t('bulletin.conference.record')}
          </Button>
        ) : null
      }
    >
      {items.length === 0 ? (
        <Empty description={t('bulletin.conference.none')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(item) => {
            const overdue = !item.heldAt && item.dueAt && new Date(item.dueAt).getTime() < now;
            return (
              <List.Item data-testid="conference-item">
                <Flex vertical gap={4}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{item.jurisdictionName}</Typography.Text>
                    {item.heldAt ? (
                      <Tag color="green">{t('bulletin.conference.held')}</Tag>
                    ) : (
                      <Tag color={overdue ? 'red' : 'orange'}>
                        {overdue ? t('bulletin.conference.overdue') : t('bulletin.conference.owed')}
                      </Tag>
                    )}
                    {item.dueAt ? (
                      <Tag>{t('bulletin.conference.afterFirstCase')}</Tag>
                    ) : (
                      <Tag>{t('bulletin.conference.regular')}</Tag>
                    )}
                  </Flex>
                  {item.dueAt ? (
                    <Typography.Text type="secondary">
                      {t('bulletin.conference.dueAt', { time: formatDateTime(item.dueAt, language) })}
                    </Typography.Text>
                  ) : null}
                  {item.heldAt ? (
                    <Typography.Text>
                      {t('bulletin.conference.heldLine', {
                        time: formatDateTime(item.heldAt, language),
                        place: item.place ?? '',
                        spokesperson: item.spokesperson ?? '',
                      })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
      {county ? <RecordModal county={county} open={open} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}
