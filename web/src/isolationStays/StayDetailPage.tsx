import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { StayReadings } from '../healthMonitoring/StayReadings';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { IsolationTabs } from '../isolation/IsolationTabs';
import { ReleasePanel } from '../isolationRelease/ReleasePanel';
import { usePermission } from '../session/useSession';
import { arrive, cancelStay, fetchStay, type Stay, stayKeys } from './api';
import { StatusTag } from './StatusTag';

interface ArriveValues {
  fromPlace: string;
  vehicle?: string;
  escortName?: string;
  departedAt?: Dayjs;
  arrivedAt?: Dayjs;
}

/** The point-to-point transfer in (EPI-4): the centralised phase starts on arrival. */
function ArriveModal({ stay, onClose }: { stay: Stay; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ArriveValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      fromPlace: t('isolationStays.arrive.fromPlace'),
      vehicle: t('isolationStays.arrive.vehicle'),
      escortName: t('isolationStays.arrive.escortName'),
      departedAt: t('isolationStays.arrive.departedAt'),
      arrivedAt: t('isolationStays.arrive.arrivedAt'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (v: ArriveValues) =>
      arrive(stay.id, {
        fromPlace: v.fromPlace.trim(),
        ...(v.vehicle?.trim() && { vehicle: v.vehicle.trim() }),
        ...(v.escortName?.trim() && { escortName: v.escortName.trim() }),
        ...(v.departedAt && { departedAt: v.departedAt.toISOString() }),
        ...(v.arrivedAt && { arrivedAt: v.arrivedAt.toISOString() }),
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(stayKeys.one(stay.id), view);
      void queryClient.invalidateQueries({ queryKey: stayKeys.all });
      message.success(t('isolationStays.arrive.done'));
      onClose();
    },
  });
  useEffect(() => {
    setPlaced(mutation.error ? applyFieldProblems(form, mutation.error, labels, t, language) : []);
  }, [mutation.error, form, labels, t, language]);
  return (
    <Modal
      open
      title={t('isolationStays.arrive.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('isolationStays.arrive.submit')}
      okButtonProps={{ ...testId('arrive-submit') }}
      destroyOnHidden
    >
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={placed} /> : null}
      <Form<ArriveValues> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="fromPlace"
          label={labels.fromPlace}
          rules={[{ required: true, whitespace: true, message: labels.fromPlace }]}
        >
          <Input maxLength={200} data-testid="arrive-from" />
        </Form.Item>
        <Form.Item name="vehicle" label={labels.vehicle}>
          <Input maxLength={50} data-testid="arrive-vehicle" />
        </Form.Item>
        <Form.Item name="escortName" label={labels.escortName}>
          <Input maxLength={50} data-testid="arrive-escort" />
        </Form.Item>
        <Form.Item name="departedAt" label={labels.departedAt}>
          <DatePicker showTime style={{ width: '100%' }} data-testid="arrive-departed" />
        </Form.Item>
        <Form.Item name="arrivedAt" label={labels.arrivedAt} extra={t('isolationStays.arrive.arrivedHelp')}>
          <DatePicker showTime style={{ width: '100%' }} data-testid="arrive-arrived" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelModal({ stay, onClose }: { stay: Stay; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => cancelStay(stay.id, reason.trim()),
    onSuccess: (view) => {
      queryClient.setQueryData(stayKeys.one(stay.id), view);
      void queryClient.invalidateQueries({ queryKey: stayKeys.all });
      message.success(t('isolationStays.cancel.done'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('isolationStays.cancel.title')}
      onCancel={onClose}
      onOk={() => mutation.mutate()}
      okButtonProps={{ disabled: reason.trim().length === 0, danger: true, ...testId('cancel-submit') }}
      confirmLoading={mutation.isPending}
      okText={t('isolationStays.cancel.submit')}
      destroyOnHidden
    >
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      <Typography.Text>{t('isolationStays.cancel.reason')}</Typography.Text>
      <Input.TextArea
        maxLength={500}
        autoSize
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="cancel-reason"
      />
    </Modal>
  );
}

/** One stay (ISO-4, ISO-5): the person masked, the source, the room, transfers, readings and release. */
export default function StayDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const mayWrite = usePermission('isolation.write');
  const [dialog, setDialog] = useState<'arrive' | 'cancel' | null>(null);
  const query = useQuery({ queryKey: stayKeys.one(id), queryFn: () => fetchStay(id) });
  const stay = query.data;
  if (query.error)
    return (
      <>
        <IsolationTabs />
        <ProblemAlert error={query.error} />
      </>
    );
  if (!stay) return <Skeleton active />;
  const source = stay.sourceType === 'contact' ? `/contacts/${stay.sourceId}` : `/arrivals/${stay.sourceId}`;
  const monitored = stay.status === 'in_room' || stay.status === 'home' || stay.status === 'ended';
  return (
    <>
      <IsolationTabs />
      <Link to="/isolation/stays?tab=centralised">{t('isolationStays.detail.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Typography.Title level={3} className="page-title">
          {stay.personName}
        </Typography.Title>
        {mayWrite && stay.status === 'allocated' ? (
          <Space wrap>
            <Button type="primary" data-testid="arrive-button" onClick={() => setDialog('arrive')}>
              {t('isolationStays.arrive.button')}
            </Button>
            <Button danger data-testid="cancel-button" onClick={() => setDialog('cancel')}>
              {t('isolationStays.cancel.button')}
            </Button>
          </Space>
        ) : null}
      </Flex>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small">
            <Descriptions.Item label={t('isolationStays.detail.status')}>
              <StatusTag value={stay.status} testId="stay-status" />
            </Descriptions.Item>
            <Descriptions.Item label={t('isolationStays.detail.idNumber')}>
              {stay.personIdMasked ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('isolationStays.detail.source')}>
              <Link to={source}>
                {t(`isolationStays.sources.${stay.sourceType}`)}
                {stay.purpose ? ` · ${t(`isolationStays.purposes.${stay.purpose}`)}` : ''}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('isolationStays.detail.kind')}>
              {t(`isolationStays.detail.kinds.${stay.kind}`)}
            </Descriptions.Item>
            {stay.kind === 'centralised' ? (
              <>
                <Descriptions.Item label={t('isolationStays.detail.site')}>
                  {stay.siteName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('isolationStays.detail.room')}>
                  <span data-testid="stay-room">{stay.roomNumber ?? '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('isolationStays.detail.allocatedAt')}>
                  {stay.allocatedAt ? formatDateTime(stay.allocatedAt, language) : '—'}
                </Descriptions.Item>
              </>
            ) : null}
            <Descriptions.Item label={t('isolationStays.detail.startedAt')}>
              {stay.startedAt ? formatDateTime(stay.startedAt, language) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('isolationStays.detail.plannedEndDate')}>
              {formatDay(stay.plannedEndDate, language)}
            </Descriptions.Item>
            {stay.transfer ? (
              <Descriptions.Item label={t('isolationStays.detail.transferDue')}>
                <Space size={4} wrap>
                  <span>{formatDateTime(stay.transfer.dueAt, language)}</span>
                  {stay.transfer.doneAt ? (
                    <Tag color="green">
                      {t('isolationStays.detail.transferDone', {
                        at: formatDateTime(stay.transfer.doneAt, language),
                      })}
                    </Tag>
                  ) : null}
                  {stay.transfer.overdue ? (
                    <Tag color="red">{t('isolationStays.detail.transferOverdue')}</Tag>
                  ) : null}
                </Space>
              </Descriptions.Item>
            ) : null}
            {stay.endedAt ? (
              <Descriptions.Item label={t('isolationStays.detail.endedAt')}>
                {formatDateTime(stay.endedAt, language)}
                {stay.endKind ? ` · ${t(`isolationStays.endKinds.${stay.endKind}`)}` : ''}
              </Descriptions.Item>
            ) : null}
            {stay.endReason ? (
              <Descriptions.Item label={t('isolationStays.detail.endReason')}>
                {stay.endReason}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        {stay.homeRules.length > 0 ? (
          <Card size="small" title={t('isolationStays.detail.homeRules')}>
            <Space wrap>
              {stay.homeRules.map((rule) => (
                <Tag key={rule.zh} color="cyan" data-testid="home-rule">
                  {pickText(language, rule.zh, rule.en)}
                </Tag>
              ))}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {t('isolationStays.detail.homeRulesCitation')}
              </Typography.Text>
            </div>
          </Card>
        ) : null}
        {stay.kind === 'centralised' ? (
          <Card size="small" title={t('isolationStays.detail.transfers')}>
            <Table
              data-testid="stay-transfers"
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={stay.transfers}
              locale={{ emptyText: t('isolationStays.detail.noTransfers') }}
              columns={[
                { title: t('isolationStays.detail.transfer.from'), dataIndex: 'fromPlace' },
                { title: t('isolationStays.detail.transfer.to'), dataIndex: 'toPlace' },
                { title: t('isolationStays.detail.transfer.vehicle'), render: (_, r) => r.vehicle ?? '—' },
                { title: t('isolationStays.detail.transfer.escort'), render: (_, r) => r.escortName ?? '—' },
                {
                  title: t('isolationStays.detail.transfer.departed'),
                  render: (_, r) => formatDateTime(r.departedAt, language),
                },
                {
                  title: t('isolationStays.detail.transfer.arrived'),
                  render: (_, r) => (r.arrivedAt ? formatDateTime(r.arrivedAt, language) : '—'),
                },
              ]}
            />
          </Card>
        ) : null}
        <Card size="small" title={t('isolationStays.detail.timeline')}>
          {stay.timeline.length > 0 ? (
            <Timeline
              items={stay.timeline.map((entry) => ({
                key: `${entry.kind}-${entry.at}`,
                children: `${formatDateTime(entry.at, language)} ${pickText(language, entry.text.zh, entry.text.en)}`,
              }))}
            />
          ) : (
            <Typography.Text type="secondary">{t('isolationStays.empty')}</Typography.Text>
          )}
        </Card>
        {monitored ? <StayReadings stayId={stay.id} /> : null}
        {stay.status !== 'allocated' && stay.status !== 'cancelled' ? (
          <ReleasePanel stayId={stay.id} />
        ) : null}
      </Space>
      {dialog === 'arrive' ? <ArriveModal stay={stay} onClose={() => setDialog(null)} /> : null}
      {dialog === 'cancel' ? <CancelModal stay={stay} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
