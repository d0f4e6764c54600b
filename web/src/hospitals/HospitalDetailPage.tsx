import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  List,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { formatDueAt } from '../common/formatDueAt';
import { ProblemAlert } from '../common/ProblemAlert';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { fetchHospital, type Hospital, hospitalKeys, recordEmptied, type Stay } from './api';
import { HospitalFormModal } from './HospitalFormModal';
import { ReadinessTags } from './ReadinessTags';
import { StayActions } from './StayActions';

/** CAS-4: the 48-hour emptying owed once the hospital holds 10 confirmed cases, and its record. */
function EmptyingBanner({ hospital }: { hospital: Hospital }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () => recordEmptied(hospital.id, note.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hospitalKeys.all });
      message.success(t('hospitals.saved'));
    },
  });
  if (!hospital.emptyingOwedAt || !hospital.emptyingDueAt) return null;
  if (hospital.emptiedAt)
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('hospitals.emptying.done', { at: formatDateTime(hospital.emptiedAt, language) })}
      />
    );
  const due = formatDueAt(hospital.emptyingDueAt, language);
  return (
    <Alert
      type={hospital.emptyingOverdue ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="emptying-banner"
      message={
        <Space size={4} wrap>
          {t('hospitals.emptying.owed', { due })}
          {hospital.emptyingOverdue ? t('hospitals.emptying.overdue', { due }) : null}
        </Space>
      }
      description={
        hospital.editable ? (
          <Flex gap={8} wrap>
            <Input
              style={{ maxWidth: 320 }}
              maxLength={200}
              placeholder={t('hospitals.emptying.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              type="primary"
              loading={mutation.isPending}
              onClick={() => mutation.mutate()}
              data-testid="emptied"
            >
              {t('hospitals.emptying.record')}
            </Button>
            {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
          </Flex>
        ) : null
      }
    />
  );
}

/** CAS-3: the plan recorded at discharge, each step with its date and owner. */
function FollowUp({ stay }: { stay: Stay }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!stay.followUp) return null;
  return (
    <Card size="small" title={t('hospitals.stays.followUp')}>
      {stay.followUp.fromPack ? null : (
        <Typography.Paragraph type="secondary">{t('hospitals.stays.followUpFallback')}</Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={stay.followUp.steps}
        renderItem={(step) => (
          <List.Item>
            {`${formatDay(step.date, language)} ${pickText(language, step.title.zh, step.title.en)}`}
            <Tag>{t(`hospitals.stays.owner.${step.owner}`)}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** One hospital (CAS-3, CAS-4): beds and readiness, the 48-hour banner, its patients and transfers. */
export default function HospitalDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: hospitalKeys.one(id), queryFn: () => fetchHospital(id) });
  if (query.error) return <ProblemAlert error={query.error} />;
  const detail = query.data;
  if (!detail) return null;
  const { hospital, stays } = detail;
  const time = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');
  const columns: TableColumnsType<Stay> = [
    {
      key: 'person',
      title: t('hospitals.stays.person'),
      render: (_, s) => (
        <Flex vertical gap={2}>
          <Link to={`/persons/${s.personId}`}>{`${s.personName} ${s.personIdNumberMasked}`}</Link>
          <span>
            <Tag>
              {t(`hospitals.classification.${s.classification}` as 'hospitals.classification.confirmed')}
            </Tag>
            <Tag color={s.status === 'admitted' ? 'blue' : s.status === 'discharged' ? 'green' : 'default'}>
              {t(`hospitals.stays.status.${s.status}`)}
            </Tag>
            {s.transferOverdue ? <Tag color="red">{t('hospitals.stays.overdue')}</Tag> : null}
          </span>
        </Flex>
      ),
    },
    {
      key: 'steps',
      title: t('hospitals.stays.steps'),
      render: (_, s) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {`${t('hospitals.stays.from')}：${s.fromHospitalName ?? s.fromPlace}`}
          <br />
          {`${t('hospitals.stays.due')}：${formatDueAt(s.transferDueAt, language)}`}
          <br />
          {`${t('hospitals.stays.departedAt')}：${time(s.departedAt)}；${t('hospitals.stays.admittedAt')}：${time(s.admittedAt)}`}
          {s.dischargedAt ? (
            <>
              <br />
              {`${t('hospitals.stays.dischargedAt')}：${time(s.dischargedAt)}`}
            </>
          ) : null}
        </Typography.Text>
      ),
      responsive: ['sm'],
    },
    ...(hospital.editable
      ? [{ key: 'actions', title: '', render: (_: unknown, s: Stay) => <StayActions stay={s} /> }]
      : []),
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {hospital.name}
        </Typography.Title>
        {hospital.editable ? <Button onClick={() => setEditing(true)}>{t('hospitals.edit')}</Button> : null}
      </Flex>
      <EmptyingBanner hospital={hospital} />
      <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('hospitals.fields.kind')}>
          {t(`hospitals.kind.${hospital.kind}`)}
          {hospital.isCountyHospital ? `（${t('hospitals.countyHospital')}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.status')}>
          {t(`hospitals.status.${hospital.status}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.jurisdiction')}>
          {hospital.jurisdictionName}
        </Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.beds')}>{hospital.beds}</Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.icuBeds')}>
          {`${hospital.icuBeds}（${hospital.icuSharePct}%）`}
        </Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.negativePressureBeds')}>
          {hospital.negativePressureBeds}
        </Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.supplyDays')}>{hospital.supplyDays}</Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.inHospital')}>{hospital.inHospital}</Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.confirmed')}>{hospital.confirmed}</Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.freeBeds')}>{hospital.freeBeds}</Descriptions.Item>
        <Descriptions.Item label={t('hospitals.fields.onTheWay')}>{hospital.onTheWay}</Descriptions.Item>
        {hospital.address ? (
          <Descriptions.Item label={t('hospitals.fields.address')}>{hospital.address}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('hospitals.fields.readiness')} span={3}>
          <ReadinessTags hospital={hospital} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4}>{t('hospitals.stays.title')}</Typography.Title>
      <Table<Stay>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={stays}
        pagination={false}
        locale={{ emptyText: t('hospitals.stays.none') }}
        expandable={{
          rowExpandable: (s) => s.followUp !== null,
          expandedRowRender: (s) => <FollowUp stay={s} />,
        }}
      />
      <HospitalFormModal open={editing} hospital={hospital} onClose={() => setEditing(false)} />
    </>
  );
}
