import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Skeleton, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime, formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { type CrewMember, fetchTruckReport, truckKeys } from './api';
import { CrewUnmask } from './CrewUnmask';
import { TruckActions } from './TruckActions';
import { TruckLeadTag, TruckStatusTag } from './TruckTags';

/** One truck pre-report: what was reported, the crew masked, and the escort workflow (ARR-12). */
export default function TruckDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const canWrite = usePermission('arrival.write');
  const canUnmask = usePermission('person.unmask');
  const [clear, setClear] = useState<Record<number, { idNumber: string; phone: string }>>({});
  const query = useQuery({ queryKey: truckKeys.detail(id), queryFn: () => fetchTruckReport(id) });
  if (query.error) return <ProblemAlert error={query.error} />;
  const report = query.data;
  if (!report) return <Skeleton active />;
  const time = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');
  const crewColumns: TableColumnsType<CrewMember> = [
    { key: 'name', title: t('trucks.fields.name'), dataIndex: 'name' },
    {
      key: 'id',
      title: t('trucks.fields.idNumber'),
      render: (_, c) => clear[c.position]?.idNumber ?? c.idNumberMasked,
    },
    {
      key: 'phone',
      title: t('trucks.fields.phone'),
      render: (_, c) => clear[c.position]?.phone ?? c.phoneMasked,
    },
    {
      key: 'arrival',
      title: t('trucks.fields.arrival'),
      render: (_, c) =>
        c.personId ? <Link to={`/persons/${c.personId}`}>{t('trucks.actions.registered')}</Link> : '—',
    },
    {
      key: 'unmask',
      title: '',
      render: (_, c) =>
        canUnmask && !clear[c.position] ? (
          <CrewUnmask
            reportId={report.id}
            position={c.position}
            onShown={(v) => setClear((s) => ({ ...s, [c.position]: v }))}
          />
        ) : null,
    },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title
              level={3}
              className="page-title"
              style={{ margin: 0 }}
              data-testid="truck-detail-plate"
            >
              {report.plate}
            </Typography.Title>
            <TruckStatusTag status={report.status} />
            <TruckLeadTag report={report} />
          </Space>
        }
      >
        {canWrite ? (
          <div style={{ marginBottom: 16 }}>
            <TruckActions report={report} />
          </div>
        ) : null}
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('trucks.fields.plannedArrivalAt')}>
            <span style={report.late ? { color: '#cf1322' } : undefined}>
              {time(report.plannedArrivalAt)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.reportedAt')}>
            {time(report.reportedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.jurisdictionCode')}>
            {report.jurisdictionName}
          </Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.originDivisionCode')}>
            {report.originName}
          </Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.unitName')}>{report.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.unitCreditCode')}>
            {report.unitCreditCode}
          </Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.starred')}>
            {report.starred ? t('trucks.yes') : t('trucks.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.source')}>
            {t(`trucks.source.${report.source}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.escortName')}>
            {report.escortName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.arrivedAt')}>{time(report.arrivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('trucks.fields.leftAt')}>{time(report.leftAt)}</Descriptions.Item>
          {report.stayFirstDate ? (
            <Descriptions.Item label={t('trucks.fields.stayPeriod')}>
              {`${formatDay(report.stayFirstDate, language)} – ${report.stayLastDate ? formatDay(report.stayLastDate, language) : ''} · ${report.stayReason ?? ''}`}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('trucks.fields.crew')}>
        <Table<CrewMember>
          rowKey="position"
          size="small"
          columns={crewColumns}
          dataSource={report.crew ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="truck-crew-table"
        />
      </Card>
      <Button onClick={() => window.history.back()}>{t('common.cancel')}</Button>
    </Space>
  );
}
