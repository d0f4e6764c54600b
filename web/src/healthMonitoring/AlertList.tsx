import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input, List, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDueAt } from '../common/formatDueAt';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { type Alert, handleAlert, monitoringKeys, OUTCOMES, type Outcome } from './api';

/** One open abnormal reading (ISO-4 一报告) and, for those who may, the form that handles it. */
function AlertRow({ alert, highlighted }: { alert: Alert; highlighted: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const canWrite = usePermission('monitoring.write');
  const client = useQueryClient();
  const [open, setOpen] = useState(highlighted);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [note, setNote] = useState('');
  const handle = useMutation({
    mutationFn: () => handleAlert(alert.id, { outcome: outcome as Outcome, note: note.trim() || null }),
    onSuccess: () => client.invalidateQueries({ queryKey: monitoringKeys.all }),
  });
  const place =
    alert.kind === 'centralised'
      ? `${alert.siteName ?? ''} ${alert.roomNumber ?? ''}`
      : t('healthMonitoring.kind.home');
  return (
    <List.Item data-testid="monitoring-alert" style={highlighted ? { background: '#fff1f0' } : undefined}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          <Link to={`/isolation/stays/${alert.stayId}`}>{alert.personName}</Link>
          <Typography.Text type="secondary">{place}</Typography.Text>
          <Tag color="red">
            {alert.temperature.toFixed(1)}℃
            {alert.symptoms.length > 0
              ? `，${alert.symptoms.map((s) => t(`healthMonitoring.symptom.${s}` as 'healthMonitoring.symptom.fever')).join('、')}`
              : ''}
          </Tag>
          <span>
            {t(`healthMonitoring.slot.${alert.slot}`)} ·{' '}
            {t('healthMonitoring.alerts.due', { due: formatDueAt(alert.dueAt, language) })}
          </span>
          {alert.overdue ? <Tag color="red">{t('healthMonitoring.alerts.overdue')}</Tag> : null}
          {canWrite && !open ? (
            <Button
              size="small"
              type="primary"
              danger
              onClick={() => setOpen(true)}
              data-testid="alert-handle"
            >
              {t('healthMonitoring.alerts.handle')}
            </Button>
          ) : null}
        </Flex>
        {canWrite && open ? (
          <Flex vertical gap={6}>
            <Radio.Group
              data-testid="alert-outcome"
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as Outcome)}
              options={OUTCOMES.map((value) => ({ value, label: t(`healthMonitoring.outcome.${value}`) }))}
            />
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={t('healthMonitoring.alerts.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            {handle.error ? <ProblemAlert error={handle.error} /> : null}
            <div>
              <Button
                type="primary"
                disabled={!outcome}
                loading={handle.isPending}
                onClick={() => handle.mutate()}
                data-testid="alert-submit"
              >
                {t('healthMonitoring.alerts.submit')}
              </Button>
            </div>
          </Flex>
        ) : null}
      </Flex>
    </List.Item>
  );
}

/** The open abnormal readings, due first (ISO-4 一报告): shown at the top of the board and of a stay. */
export function AlertList({ alerts, highlight }: { alerts: readonly Alert[]; highlight?: string | null }) {
  const { t } = useTranslation();
  if (alerts.length === 0) return null;
  return (
    <Card size="small" title={t('healthMonitoring.alerts.title')} styles={{ header: { color: '#cf1322' } }}>
      <List
        size="small"
        dataSource={[...alerts]}
        rowKey="id"
        renderItem={(alert) => <AlertRow alert={alert} highlighted={alert.id === highlight} />}
      />
    </Card>
  );
}
