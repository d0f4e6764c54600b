import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import {
  fetchReleaseCheck,
  type Reason,
  type ReleaseCheck,
  recordTest,
  refusalReasons,
  releaseKeys,
  releaseStay,
  stayToHospital,
  TEST_KINDS,
  TEST_RESULTS,
} from './api';

/** The local time now as a datetime-local input wants it (YYYY-MM-DDTHH:mm). */
function localNow(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** The reasons release is refused, as a list (the check's, or a refusal's). */
export function ReasonList({ reasons, testid }: { reasons: readonly Reason[]; testid?: string }) {
  const { language } = useLanguage();
  return (
    <ul data-testid={testid} style={{ margin: 0, paddingInlineStart: 20 }}>
      {reasons.map((reason) => (
        <li key={`${reason.code}:${reason.zh}`} data-code={reason.code}>
          {pickText(language, reason.zh, reason.en)}
        </li>
      ))}
    </ul>
  );
}

interface TestForm {
  kind: (typeof TEST_KINDS)[number];
  reagents: number;
  result: (typeof TEST_RESULTS)[number];
  sampledAt: string;
}

/** ISO-6: record a test taken during the stay. */
function TestEntry({ stayId }: { stayId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TestForm>();
  const [notes, setNotes] = useState<string | null>(null);
  const { language } = useLanguage();
  const mutation = useMutation({
    mutationFn: (values: TestForm) =>
      recordTest(stayId, {
        kind: values.kind,
        reagents: values.reagents,
        result: values.result,
        sampledAt: new Date(values.sampledAt).toISOString(),
      }),
    onSuccess: (recorded) => {
      message.success(t('isolationRelease.tested'));
      setNotes(recorded.planNote ? pickText(language, recorded.planNote.zh, recorded.planNote.en) : null);
      queryClient.setQueryData(releaseKeys.check(stayId), recorded.check);
      void queryClient.invalidateQueries({ queryKey: releaseKeys.all });
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'nat', reagents: 1, result: 'negative', sampledAt: localNow() }}
      onFinish={(values) => mutation.mutate(values)}
    >
      <Typography.Text strong>{t('isolationRelease.recordTest')}</Typography.Text>
      <Flex wrap gap={12} style={{ marginTop: 8 }}>
        <Form.Item name="kind" label={t('isolationRelease.fields.kind')} style={{ minWidth: 140 }}>
          <Select
            data-testid="test-kind"
            options={TEST_KINDS.map((kind) => ({ value: kind, label: t(`isolationRelease.kinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="reagents" label={t('isolationRelease.fields.reagents')} style={{ minWidth: 110 }}>
          <Select
            data-testid="test-reagents"
            options={[1, 2, 3].map((n) => ({ value: n, label: String(n) }))}
          />
        </Form.Item>
        <Form.Item name="result" label={t('isolationRelease.fields.result')} style={{ minWidth: 110 }}>
          <Select
            data-testid="test-result"
            options={TEST_RESULTS.map((result) => ({
              value: result,
              label: t(`isolationRelease.resultsWords.${result}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="sampledAt"
          label={t('isolationRelease.fields.sampledAt')}
          rules={[{ required: true }]}
          style={{ minWidth: 200 }}
        >
          <Input type="datetime-local" data-testid="test-sampled-at" />
        </Form.Item>
      </Flex>
      <Button htmlType="submit" loading={mutation.isPending} data-testid="test-submit">
        {t('isolationRelease.recordTest')}
      </Button>
      {mutation.error ? (
        <div style={{ marginTop: 8 }}>
          <ProblemAlert error={mutation.error} />
        </div>
      ) : null}
      {notes ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title={`${t('isolationRelease.planNotes')}${notes}`}
        />
      ) : null}
    </Form>
  );
}

interface ReleaseForm {
  reason: string;
  toPlace?: string;
  vehicle?: string;
  escortName?: string;
}

/** The release itself: disabled with the reasons while the plan does not allow it. */
function ReleaseAction({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReleaseForm>();
  const [hospital, setHospital] = useState(false);
  const [hospitalReason, setHospitalReason] = useState('');
  const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const mutation = useMutation({
    mutationFn: (values: ReleaseForm) =>
      releaseStay(check.stayId, {
        reason: values.reason.trim(),
        ...(blank(values.toPlace) && { toPlace: blank(values.toPlace) }),
        ...(blank(values.vehicle) && { vehicle: blank(values.vehicle) }),
        ...(blank(values.escortName) && { escortName: blank(values.escortName) }),
      }),
    onSuccess: (ended) => {
      message.success(
        `${t(ended.endKind === 'next_phase' ? 'isolationRelease.movedOn' : 'isolationRelease.released')}${
          ended.roomCleaning ? `；${t('isolationRelease.roomCleaning')}` : ''
        }`,
      );
      for (const note of ended.notes) message.warning(pickText(language, note.zh, note.en));
      void queryClient.invalidateQueries();
    },
  });
  const toHospital = useMutation({
    mutationFn: () => stayToHospital(check.stayId, { reason: hospitalReason.trim() }),
    onSuccess: () => {
      message.success(t('isolationRelease.toHospitalDone'));
      setHospital(false);
      void queryClient.invalidateQueries();
    },
  });
  const refused = refusalReasons(mutation.error);
  const positive = check.reasons.some((reason) => reason.code === 'positive_result');
  return (
    <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
      <Flex wrap gap={12}>
        <Form.Item
          name="reason"
          label={t('isolationRelease.fields.reason')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
          style={{ minWidth: 240, flex: 1 }}
        >
          <Input data-testid="release-reason" maxLength={500} />
        </Form.Item>
        <Form.Item
          name="toPlace"
          label={t('isolationRelease.fields.toPlace')}
          tooltip={t('isolationRelease.fields.toPlaceHint')}
          style={{ minWidth: 200, flex: 1 }}
        >
          <Input data-testid="release-to-place" maxLength={200} />
        </Form.Item>
        <Form.Item name="vehicle" label={t('isolationRelease.fields.vehicle')} style={{ minWidth: 120 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="escortName"
          label={t('isolationRelease.fields.escortName')}
          style={{ minWidth: 120 }}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Flex>
      <Flex wrap gap={8}>
        <Button
          type="primary"
          htmlType="submit"
          disabled={!check.allowed}
          loading={mutation.isPending}
          data-testid="release-submit"
        >
          {check.next ? t('isolationRelease.releaseNext') : t('isolationRelease.release')}
        </Button>
        {positive ? (
          <Button danger onClick={() => setHospital(true)} data-testid="to-hospital">
            {t('isolationRelease.toHospital')}
          </Button>
        ) : null}
      </Flex>
      {mutation.error ? (
        <div style={{ marginTop: 8 }}>
          <ProblemAlert error={mutation.error} />
          {refused.length > 0 ? <ReasonList reasons={refused} testid="release-refused-reasons" /> : null}
        </div>
      ) : null}
      <Modal
        open={hospital}
        title={t('isolationRelease.toHospital')}
        onCancel={() => setHospital(false)}
        onOk={() => toHospital.mutate()}
        okButtonProps={{ danger: true, disabled: !hospitalReason.trim(), ...testId('to-hospital-confirm') }}
        confirmLoading={toHospital.isPending}
      >
        <Typography.Paragraph type="secondary">{t('isolationRelease.toHospitalHint')}</Typography.Paragraph>
        <Input
          placeholder={t('isolationRelease.fields.hospitalReason')}
          value={hospitalReason}
          maxLength={500}
          onChange={(event) => setHospitalReason(event.target.value)}
        />
        {toHospital.error ? <ProblemAlert error={toHospital.error} /> : null}
      </Modal>
    </Form>
  );
}

/** Tests during a stay, the release check against the plan and the release itself (ISO-6). */
export function ReleasePanel({ stayId }: { stayId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const mayWrite = usePermission('isolation.write');
  const query = useQuery({ queryKey: releaseKeys.check(stayId), queryFn: () => fetchReleaseCheck(stayId) });
  const check = query.data;
  const open = check?.status === 'in_room' || check?.status === 'home';
  return (
    <Card title={t('isolationRelease.title')} size="small" data-testid="release-panel">
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.isLoading ? <Skeleton active /> : null}
      {check ? (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('isolationRelease.basis')}
          </Typography.Text>
          <div>
            <Typography.Text strong>{t('isolationRelease.requiredTests')}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {t('isolationRelease.lastDate', { date: formatDay(check.lastDate, language) })}
            </Typography.Text>
            {check.requiredTests.length === 0 ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('isolationRelease.noRequiredTests')}
              </Typography.Paragraph>
            ) : (
              <List
                size="small"
                dataSource={check.requiredTests}
                renderItem={(test) => (
                  <List.Item data-testid="required-test" data-satisfied={test.satisfied}>
                    <Flex vertical gap={2} style={{ width: '100%' }}>
                      <Flex wrap gap={8} align="center">
                        <span>{pickText(language, test.label.zh, test.label.en)}</span>
                        <Typography.Text type="secondary">
                          {t('isolationRelease.testDate', { date: formatDay(test.date, language) })}
                        </Typography.Text>
                        <Tag color={test.satisfied ? 'green' : 'orange'}>
                          {test.satisfied ? t('isolationRelease.satisfied') : t('isolationRelease.pending')}
                        </Tag>
                      </Flex>
                      {test.assumption ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {pickText(language, test.assumption.zh, test.assumption.en)}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </div>
          <div>
            <Typography.Text strong>{t('isolationRelease.results')}</Typography.Text>
            <Table
              size="small"
              rowKey={(r) => `${r.origin}:${r.id ?? ''}:${r.sampledAt ?? r.sampledDate}:${r.kind}`}
              dataSource={check.results}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('isolationRelease.noResults') }}
              columns={[
                {
                  title: t('isolationRelease.fields.sampledAt'),
                  render: (_, r) =>
                    r.sampledAt ? formatDateTime(r.sampledAt, language) : formatDay(r.sampledDate, language),
                },
                {
                  title: t('isolationRelease.fields.kind'),
                  render: (_, r) => t(`isolationRelease.kinds.${r.kind}`),
                },
                { title: t('isolationRelease.fields.reagents'), dataIndex: 'reagents' },
                {
                  title: t('isolationRelease.fields.result'),
                  render: (_, r) => (
                    <Tag
                      color={r.result === 'positive' ? 'red' : r.result === 'negative' ? 'green' : 'default'}
                    >
                      {t(`isolationRelease.resultsWords.${r.result}`)}
                    </Tag>
                  ),
                },
                {
                  title: t('isolationRelease.fields.origin'),
                  render: (_, r) => t(`isolationRelease.origins.${r.origin}`),
                },
              ]}
            />
          </div>
          {open && mayWrite ? <TestEntry stayId={stayId} /> : null}
          <div>
            <Typography.Text strong>{t('isolationRelease.check')}</Typography.Text>
            {!open ? (
              <Typography.Paragraph type="secondary">{t('isolationRelease.closed')}</Typography.Paragraph>
            ) : check.allowed ? (
              <Alert
                type="success"
                showIcon
                title={t('isolationRelease.allowed')}
                data-testid="release-allowed"
              />
            ) : (
              <Alert
                type="warning"
                showIcon
                title={t('isolationRelease.notAllowed')}
                description={<ReasonList reasons={check.reasons} testid="release-check-reasons" />}
              />
            )}
            {open && check.next ? (
              <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                {t('isolationRelease.next', {
                  phase: t(
                    `isolationRelease.phases.${check.next.kind}` as 'isolationRelease.phases.home_isolation',
                  ),
                  date: formatDay(check.next.endDate, language),
                })}
              </Typography.Paragraph>
            ) : null}
          </div>
          {open && mayWrite ? <ReleaseAction check={check} /> : null}
        </Flex>
      ) : null}
    </Card>
  );
}
