import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  List,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { formatDueAt } from '../common/formatDueAt';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId, testId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import {
  acceptContact,
  CLASSES,
  type Contact,
  type ContactClass,
  closeContact,
  contactKeys,
  createBatch,
  fetchCandidates,
  fetchContact,
  reclassifyContact,
} from './api';
import { ClassTag, StatusTag } from './tags';

type Step = NonNullable<Contact['plan']>['steps'][number];
type Action = 'reclassify' | 'release' | 'discard';

/** A step's clause as the pages cite documents: 《title》§N. */
function citation(step: Step): string {
  // 《title》§N: the packs write clauses as §N (citations.ts), the pages cite documents by title.
  return step.documentTitle
    ? `《${step.documentTitle}》${step.source.section}`
    : `${step.source.document} ${step.source.section}`;
}

const EVENT_KINDS = [
  'identified',
  'handed_over',
  'accepted',
  'reclassified',
  'released',
  'discarded',
] as const;
const isEventKind = (k: string): k is (typeof EVENT_KINDS)[number] =>
  (EVENT_KINDS as readonly string[]).includes(k);

function Candidates({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const query = useQuery({
    queryKey: contactKeys.candidates(contact.id),
    queryFn: () => fetchCandidates(contact.id),
  });
  const items = query.data?.items ?? [];
  const keyOf = (i: (typeof items)[number]) => i.personId ?? i.idHash ?? '';
  const mutation = useMutation({
    mutationFn: () =>
      createBatch({
        caseId: contact.caseId,
        class: 'secondary_close',
        reason: t('contacts.fields.sourceContact'),
        sourceContactId: contact.id,
        candidates: items
          .filter((i) => picked.includes(keyOf(i)))
          .map((i) => ({
            ...(i.idHash ? { idHash: i.idHash } : { personId: i.personId ?? '' }),
            exposure:
              i.via === 'household'
                ? { kind: 'household' as const, at: i.at }
                : {
                    kind: 'venue' as const,
                    venueId: i.venueId ?? '',
                    at: i.at,
                    overlapMinutes: i.overlapMinutes ?? 0,
                  },
          })),
      }),
    onSuccess: (result) => {
      message.success(`${t('contacts.form.created')}: ${result.created.length}`);
      setPicked([]);
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
  return (
    <Card title={t('contacts.sections.candidates')} size="small">
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      {query.data && !query.data.coExposureAvailable ? (
        <Typography.Paragraph type="secondary">{t('contacts.actions.noCoExposure')}</Typography.Paragraph>
      ) : null}
      <Table
        size="small"
        rowKey={keyOf}
        loading={query.isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('contacts.actions.candidatesEmpty') }}
        rowSelection={{
          selectedRowKeys: picked,
          onChange: (keys) => setPicked(keys.map(String)),
          getCheckboxProps: (i) => ({ disabled: i.alreadyContact }),
        }}
        columns={[
          { title: t('contacts.columns.person'), render: (_, i) => `${i.name} ${i.idMasked ?? ''}` },
          {
            title: t('contacts.fields.kind'),
            render: (_, i) => t(`contacts.exposureKinds.${i.via === 'household' ? 'household' : 'venue'}`),
          },
          { title: t('contacts.fields.place'), render: (_, i) => i.place ?? '—' },
          {
            title: t('contacts.fields.overlap'),
            render: (_, i) =>
              i.overlapMinutes === null ? '—' : t('contacts.fields.minutes', { n: i.overlapMinutes }),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={picked.length === 0}
        loading={mutation.isPending}
        onClick={() => mutation.mutate()}
        {...testId('contact-candidates-confirm')}
      >
        {t('contacts.actions.confirmCandidates', { n: picked.length })}
      </Button>
    </Card>
  );
}

function Actions({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [cls, setCls] = useState<ContactClass>(contact.class);
  const done = (updated: Contact) => {
    queryClient.setQueryData(contactKeys.one(contact.id), updated);
    void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
    setAction(null);
    setReason('');
  };
  const mutation = useMutation({
    mutationFn: () =>
      action === 'reclassify'
        ? reclassifyContact(contact.id, cls, reason.trim())
        : closeContact(contact.id, action === 'release' ? 'release' : 'discard', reason.trim()),
    onSuccess: done,
  });
  const accept = useMutation({ mutationFn: () => acceptContact(contact.id), onSuccess: done });
  if (!contact.mine || contact.status === 'released' || contact.status === 'discarded') return null;
  return (
    <Space wrap>
      {contact.handoverState === 'pending' ? (
        <Button
          type="primary"
          loading={accept.isPending}
          onClick={() => accept.mutate()}
          {...testId('contact-accept')}
        >
          {t('contacts.handover.accept')}
        </Button>
      ) : null}
      {(['reclassify', 'release', 'discard'] as const).map((a) => (
        <Button key={a} danger={a === 'discard'} onClick={() => setAction(a)} {...testId(`contact-${a}`)}>
          {t(`contacts.actions.${a}`)}
        </Button>
      ))}
      {accept.error ? <ProblemAlert error={accept.error} /> : null}
      <Modal
        open={action !== null}
        title={action ? t(`contacts.actions.${action}`) : ''}
        onCancel={() => setAction(null)}
        onOk={() => mutation.mutate()}
        okButtonProps={{ disabled: reason.trim() === '', ...testId('contact-action-ok') }}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
        {action === 'reclassify' ? (
          <Select<ContactClass>
            style={{ width: '100%', marginBottom: 8 }}
            value={cls}
            onChange={setCls}
            options={CLASSES.map((value) => ({ value, label: t(`contacts.classes.${value}`) }))}
          />
        ) : null}
        <Input.TextArea
          value={reason}
          maxLength={500}
          autoSize
          placeholder={t('contacts.actions.reason')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="contact-action-reason"
        />
      </Modal>
    </Space>
  );
}

/** EPI-4: one contact — exposure, the plan with its clauses, deadlines, history and hand-over. */
export default function ContactDetailPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useParams().id ?? '';
  const mayWrite = usePermission('contact.write');
  const query = useQuery({ queryKey: contactKeys.one(id), queryFn: () => fetchContact(id) });
  const c = query.data;
  const at = (iso: string) => formatDateTime(iso, language);
  const zone = c?.plan?.timeZone;
  const stepWhen = (s: Step) =>
    s.kind === 'transfer'
      ? `${t('contacts.step.within', { hours: s.withinHours })}（${formatDueAt(s.dueAt, language, zone)}）`
      : s.untilDay !== undefined
        ? t('contacts.step.days', { from: s.day, to: s.untilDay, fromDate: s.date, untilDate: s.untilDate })
        : t('contacts.step.day', { day: s.day, date: s.date });
  return (
    <>
      <Link to="/contacts">{t('contacts.back')}</Link>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {!c ? (
        query.error ? null : (
          <Skeleton active />
        )
      ) : (
        <Flex vertical gap={16}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} className="page-title" data-testid="contact-title">
              {c.personName ?? t('contacts.notVisible')}
            </Typography.Title>
            <ClassTag value={c.class} />
            <StatusTag value={c.status} />
            {c.handoverState ? (
              <Tag color={c.handoverState === 'pending' ? 'orange' : 'green'}>
                {c.mine
                  ? c.handoverState === 'pending'
                    ? t('contacts.handover.pendingMine')
                    : t('contacts.handover.accepted')
                  : `${t('contacts.handover.to', { code: c.jurisdictionName ?? c.jurisdictionCode })} · ${t(`contacts.handover.${c.handoverState}`)}`}
              </Tag>
            ) : null}
            {c.addressUnverified ? <Tag color="gold">{t('contacts.addressUnverified')}</Tag> : null}
          </Flex>
          {mayWrite ? <Actions contact={c} /> : null}
          <Card title={t('contacts.sections.exposure')} size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('contacts.fields.case')}>
                <Link to={`/cases/${c.caseId}`}>{c.caseId.slice(0, 8)}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.reason')}>{c.reason}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.kind')}>
                {t(`contacts.exposureKinds.${c.exposure.kind}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.at')}>{at(c.exposure.at)}</Descriptions.Item>
              {c.exposure.place ? (
                <Descriptions.Item label={t('contacts.fields.place')}>{c.exposure.place}</Descriptions.Item>
              ) : null}
              {c.exposure.overlapMinutes !== null ? (
                <Descriptions.Item label={t('contacts.fields.overlap')}>
                  {t('contacts.fields.minutes', { n: c.exposure.overlapMinutes })}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('contacts.fields.identified')}>
                {at(c.identifiedAt)} · {c.identifiedByName}
              </Descriptions.Item>
              <Descriptions.Item label={t('contacts.columns.jurisdiction')}>
                {c.jurisdictionName ?? c.jurisdictionCode}
              </Descriptions.Item>
              {c.sourceContactId ? (
                <Descriptions.Item label={t('contacts.fields.sourceContact')}>
                  <Link to={`/contacts/${c.sourceContactId}`}>{c.sourceContactId.slice(0, 8)}</Link>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          {c.plan ? (
            <Card
              title={t('contacts.sections.plan')}
              size="small"
              extra={
                c.plan.packId ? `${t('contacts.fields.pack')} ${c.plan.packId} v${c.plan.packVersion}` : null
              }
            >
              <Typography.Paragraph type="secondary">
                {t('contacts.fields.day0')}：{c.plan.day0} · {t('contacts.fields.end')}：{c.plan.endDate}
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={c.plan.steps}
                renderItem={(s) => (
                  <List.Item data-testid="contact-plan-step">
                    <Space direction="vertical" size={0}>
                      <Space wrap size={4}>
                        <Typography.Text strong delete={s.elapsed === true}>
                          {pickText(language, s.title.zh, s.title.en)}
                        </Typography.Text>
                        {s.singleRoom ? <Tag>{t('contacts.step.singleRoom')}</Tag> : null}
                        {s.elapsed ? <Tag>{t('contacts.step.elapsed')}</Tag> : null}
                        {s.catchUp ? <Tag color="orange">{t('contacts.step.catchUp')}</Tag> : null}
                        {s.assumption ? <Tag color="gold">{t('contacts.step.assumption')}</Tag> : null}
                      </Space>
                      <Typography.Text type="secondary">{stepWhen(s)}</Typography.Text>
                      <Typography.Text type="secondary">{citation(s)}</Typography.Text>
                      {s.reason ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {s.reason}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
          <Card title={t('contacts.sections.deadlines')} size="small">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={c.deadlines}
              onRow={() => rowTestId('contact-deadline-row')}
              columns={[
                {
                  title: t('contacts.columns.deadline'),
                  render: (_, d) => pickText(language, d.title.zh, d.title.en),
                },
                {
                  title: t('contacts.fields.at'),
                  render: (_, d) => (
                    <span data-testid="contact-deadline-due" data-kind={d.kind} data-due={d.dueAt}>
                      {formatDueAt(d.dueAt, language, zone)}
                    </span>
                  ),
                },
                {
                  title: t('contacts.columns.status'),
                  render: (_, d) => (
                    <Tag color={d.state === 'overdue' ? 'red' : d.state === 'done' ? 'green' : undefined}>
                      {t(`contacts.deadlineStates.${d.state}`)}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
          {c.mine && c.class === 'close' && c.status !== 'discarded' && mayWrite ? (
            <Candidates contact={c} />
          ) : null}
          <Card title={t('contacts.sections.history')} size="small">
            <Timeline
              items={c.events.map((e) => ({
                children: `${at(e.at)} ${isEventKind(e.kind) ? t(`contacts.events.${e.kind}`) : e.kind} · ${e.actorName}`,
              }))}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
