import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId, testId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { IsolationTabs } from '../isolation/IsolationTabs';
import { usePermission } from '../session/useSession';
import {
  fetchReleaseQueue,
  type QueueFilter,
  type QueueItem,
  refusalReasons,
  releaseKeys,
  releaseStay,
} from './api';
import { ReasonList } from './ReleasePanel';

/** ISO-6: release one person from the queue (the server checks the plan again). */
function ReleaseModal({ item, onClose }: { item: QueueItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string; toPlace?: string }>();
  const mutation = useMutation({
    mutationFn: (values: { reason: string; toPlace?: string }) =>
      releaseStay(item.stayId, {
        reason: values.reason.trim(),
        ...(values.toPlace?.trim() && { toPlace: values.toPlace.trim() }),
      }),
    onSuccess: (ended) => {
      message.success(
        `${t(ended.endKind === 'next_phase' ? 'isolationRelease.movedOn' : 'isolationRelease.released')}${
          ended.roomCleaning ? `；${t('isolationRelease.roomCleaning')}` : ''
        }`,
      );
      for (const note of ended.notes) message.warning(pickText(language, note.zh, note.en));
      void queryClient.invalidateQueries();
      onClose();
    },
  });
  const refused = refusalReasons(mutation.error);
  return (
    <Modal
      open
      title={`${item.next ? t('isolationRelease.releaseNext') : t('isolationRelease.release')}：${item.personName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ ...testId('release-submit') }}
      confirmLoading={mutation.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item
          name="reason"
          label={t('isolationRelease.fields.reason')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input data-testid="release-reason" maxLength={500} />
        </Form.Item>
        {item.kind === 'centralised' ? (
          <Form.Item
            name="toPlace"
            label={t('isolationRelease.fields.toPlace')}
            extra={t('isolationRelease.fields.toPlaceHint')}
          >
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
      </Form>
      {item.next ? (
        <Typography.Paragraph>
          {t('isolationRelease.next', {
            phase: t(`isolationRelease.phases.${item.next.kind}` as 'isolationRelease.phases.home_isolation'),
            date: formatDay(item.next.endDate, language),
          })}
        </Typography.Paragraph>
      ) : null}
      {mutation.error ? (
        <>
          <ProblemAlert error={mutation.error} />
          {refused.length > 0 ? <ReasonList reasons={refused} testid="release-refused-reasons" /> : null}
        </>
      ) : null}
    </Modal>
  );
}

/** ISO-6 release queue: who may leave today or tomorrow, and what still holds the others. */
export default function ReleaseQueuePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const mayWrite = usePermission('isolation.write');
  const [releasing, setReleasing] = useState<QueueItem | null>(null);
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(name: string, values: readonly T[]) => {
    const value = params.get(name);
    return values.find((v) => v === value);
  };
  const filter: QueueFilter = {
    jurisdiction: params.get('jurisdiction') ?? undefined,
    due: pick('due', ['today', 'tomorrow'] as const),
    state: pick('state', ['allowed', 'blocked'] as const),
  };
  const query = useQuery({ queryKey: releaseKeys.queue(filter), queryFn: () => fetchReleaseQueue(filter) });
  const filtered = filter.due !== undefined || filter.state !== undefined;
  const items = query.data?.items ?? [];
  return (
    <>
      <IsolationTabs />
      <Flex vertical gap={12}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('isolationRelease.queueTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('isolationRelease.queueHint')}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="release-basis">
          {t('isolationRelease.basis')}
        </Typography.Text>
        {filtered ? (
          <Flex wrap gap={8} align="center">
            {filter.due ? <Tag>{t(`isolationRelease.due.${filter.due}`)}</Tag> : null}
            {filter.state ? <Tag>{t(`isolationRelease.states.${filter.state}`)}</Tag> : null}
            <Button size="small" onClick={() => setParams({})} data-testid="release-filter-clear">
              {t('isolationRelease.showAll')}
            </Button>
          </Flex>
        ) : null}
        {query.error ? <ProblemAlert error={query.error} /> : null}
        {query.data?.capped ? (
          <Alert type="info" showIcon title={t('isolationRelease.capped', { n: items.length })} />
        ) : null}
        <Table
          size="small"
          rowKey="stayId"
          loading={query.isLoading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={() => rowTestId('release-row')}
          locale={{ emptyText: t('isolationRelease.empty') }}
          columns={[
            {
              title: t('isolationRelease.columns.person'),
              render: (_, item) => <Link to={`/isolation/stays/${item.stayId}`}>{item.personName}</Link>,
            },
            {
              title: t('isolationRelease.columns.place'),
              render: (_, item) =>
                item.kind === 'home'
                  ? t('isolationRelease.columns.home')
                  : `${item.siteName ?? ''} ${item.roomNumber ?? ''}`.trim(),
            },
            {
              title: t('isolationRelease.columns.plannedEnd'),
              render: (_, item) => (
                <Flex gap={4} wrap>
                  <span>{formatDay(item.plannedEndDate, language)}</span>
                  <Tag color={item.due === 'today' ? 'blue' : 'default'}>
                    {t(`isolationRelease.due.${item.due}`)}
                  </Tag>
                </Flex>
              ),
            },
            {
              title: t('isolationRelease.columns.state'),
              render: (_, item) =>
                item.allowed ? (
                  <Tag color="green">{t('isolationRelease.allowed')}</Tag>
                ) : (
                  <ReasonList reasons={item.reasons} testid="release-check-reasons" />
                ),
            },
            {
              title: t('isolationRelease.columns.next'),
              render: (_, item) =>
                item.next
                  ? t(`isolationRelease.phases.${item.next.kind}` as 'isolationRelease.phases.home_isolation')
                  : '—',
            },
            {
              title: t('isolationRelease.columns.action'),
              render: (_, item) => (
                <Flex gap={8}>
                  <Link to={`/isolation/stays/${item.stayId}`}>{t('isolationRelease.open')}</Link>
                  {mayWrite && item.allowed ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setReleasing(item)}
                      data-testid="release-open"
                    >
                      {item.next ? t('isolationRelease.releaseNext') : t('isolationRelease.release')}
                    </Button>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
      {releasing ? <ReleaseModal item={releasing} onClose={() => setReleasing(null)} /> : null}
    </>
  );
}
