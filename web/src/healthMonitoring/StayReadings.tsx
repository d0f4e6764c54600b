import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Flex,
  Alert as Notice,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { AlertList } from './AlertList';
import {
  fetchStayReadings,
  issueLink,
  monitoringKeys,
  type Reading,
  revokeLink,
  type StayReadings as View,
} from './api';
import { ReadingCell } from './ReadingCell';

type Day = View['days'][number];

/** A slot of a day: the reading, or a missed mark (owed and not recorded by its due time). */
function SlotCell({ reading, missed }: { reading: Reading | null; missed: boolean }) {
  const { t } = useTranslation();
  if (missed) return <Tag color="orange">{t('healthMonitoring.stay.missed')}</Tag>;
  return (
    <Flex vertical gap={2}>
      <ReadingCell reading={reading} />
      {reading?.handleOutcome ? (
        <Typography.Text type="secondary">
          {t('healthMonitoring.alerts.handled')}：{t(`healthMonitoring.outcome.${reading.handleOutcome}`)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/**
 * A stay's readings by day and slot (ISO-4, ISO-5), missed slots and abnormal readings marked, the
 * open abnormal report with its handling, and for a home stay the personal self-report link.
 */
export function StayReadings({ stayId }: { stayId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const client = useQueryClient();
  const canWrite = usePermission('monitoring.write');
  const view = useQuery({ queryKey: monitoringKeys.stay(stayId), queryFn: () => fetchStayReadings(stayId) });
  const issue = useMutation({
    mutationFn: () => issueLink(stayId),
    onSuccess: () => client.invalidateQueries({ queryKey: monitoringKeys.stay(stayId) }),
  });
  const revoke = useMutation({
    mutationFn: () => revokeLink(stayId),
    onSuccess: () => {
      issue.reset();
      return client.invalidateQueries({ queryKey: monitoringKeys.stay(stayId) });
    },
  });
  const data = view.data;
  const columns: TableColumnsType<Day> = [
    { key: 'date', title: '', render: (_, day) => formatDay(day.date, language) },
    {
      key: 'am',
      title: t('healthMonitoring.slot.am'),
      render: (_, day) => <SlotCell reading={day.am} missed={day.missed.includes('am')} />,
    },
    {
      key: 'pm',
      title: t('healthMonitoring.slot.pm'),
      render: (_, day) => <SlotCell reading={day.pm} missed={day.missed.includes('pm')} />,
    },
  ];
  const active = data && (data.status === 'in_room' || data.status === 'home');
  return (
    <Card size="small" title={t('healthMonitoring.stay.title')} data-testid="stay-readings">
      <Space direction="vertical" style={{ width: '100%' }}>
        {view.error ? <ProblemAlert error={view.error} /> : null}
        {data ? <AlertList alerts={data.alerts} /> : null}
        {data && data.days.length > 0 ? (
          <Table<Day>
            rowKey="date"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={data.days}
          />
        ) : data ? (
          <Typography.Text type="secondary">{t('healthMonitoring.stay.none')}</Typography.Text>
        ) : null}
        {data?.kind === 'home' && active && canWrite ? (
          <Flex vertical gap={8}>
            {data.link ? (
              <Typography.Text>
                {t('healthMonitoring.stay.linkActive', {
                  date: formatDateTime(data.link.expiresAt, language),
                })}
              </Typography.Text>
            ) : null}
            <Flex wrap gap={8}>
              <Button
                onClick={() => issue.mutate()}
                loading={issue.isPending}
                data-testid="self-report-issue"
              >
                {data.link ? t('healthMonitoring.stay.reissueLink') : t('healthMonitoring.stay.issueLink')}
              </Button>
              {data.link ? (
                <Button danger onClick={() => revoke.mutate()} loading={revoke.isPending}>
                  {t('healthMonitoring.stay.revokeLink')}
                </Button>
              ) : null}
            </Flex>
            {issue.error ? <ProblemAlert error={issue.error} /> : null}
            {revoke.error ? <ProblemAlert error={revoke.error} /> : null}
            {issue.data ? (
              <Flex wrap gap={12} align="center">
                {/* The server renders the QR code (qrcode library) from the link it issued. */}
                <img
                  alt={t('healthMonitoring.stay.issueLink')}
                  width={160}
                  height={160}
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(issue.data.qrSvg)}`}
                />
                <Flex vertical gap={4} style={{ maxWidth: 420 }}>
                  <Typography.Text copyable data-testid="self-report-url">
                    {issue.data.url}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('healthMonitoring.stay.linkExpires', {
                      date: formatDateTime(issue.data.expiresAt, language),
                    })}
                  </Typography.Text>
                  <Notice type="warning" showIcon message={t('healthMonitoring.stay.linkOnce')} />
                </Flex>
              </Flex>
            ) : null}
          </Flex>
        ) : null}
      </Space>
    </Card>
  );
}
