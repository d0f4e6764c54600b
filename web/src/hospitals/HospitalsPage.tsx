import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Flex,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { formatDueAt } from '../common/formatDueAt';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { type Awaiting, fetchAwaiting, fetchHospitals, type Hospital, hospitalKeys } from './api';
import { HospitalFormModal } from './HospitalFormModal';
import { ReadinessTags } from './ReadinessTags';
import { TransferModal } from './TransferModal';

/**
 * Treatment (CAS-3, CAS-4): the hospitals serving the jurisdiction with their readiness, summed, and
 * the cases awaiting transfer. The dashboard's figures open it filtered (kind, shortfall, emptying).
 */
export default function HospitalsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const canWrite = usePermission('hospital.write');
  const [registering, setRegistering] = useState(false);
  const [transferring, setTransferring] = useState<Awaiting | null>(null);
  const jurisdiction = params.get('jurisdiction') ?? undefined;
  const filters = {
    kind: params.get('kind') ?? undefined,
    shortfall: params.get('shortfall') ?? undefined,
    emptying: params.get('emptying') ?? undefined,
  };
  const tab = params.get('tab') === 'awaiting' ? 'awaiting' : 'hospitals';
  const list = useQuery({
    queryKey: hospitalKeys.list(jurisdiction, filters),
    queryFn: () => fetchHospitals(jurisdiction, filters),
  });
  const awaiting = useQuery({
    queryKey: hospitalKeys.awaiting(jurisdiction),
    queryFn: () => fetchAwaiting(jurisdiction),
  });
  const sum = list.data?.readiness;

  const columns: TableColumnsType<Hospital> = [
    {
      key: 'name',
      title: t('hospitals.fields.name'),
      render: (_, h) => (
        <Flex vertical gap={4}>
          <Link to={`/hospitals/${h.id}`}>{h.name}</Link>
          <span>
            <Tag>{t(`hospitals.kind.${h.kind}`)}</Tag>
            {h.isCountyHospital ? <Tag color="blue">{t('hospitals.countyHospital')}</Tag> : null}
            <Tag color={h.status === 'in_use' ? 'green' : 'default'}>{t(`hospitals.status.${h.status}`)}</Tag>
            {h.emptyingOwedAt && !h.emptiedAt ? (
              <Tag color={h.emptyingOverdue ? 'red' : 'volcano'}>{t('hospitals.emptying.tag')}</Tag>
            ) : null}
          </span>
        </Flex>
      ),
    },
    {
      key: 'beds',
      title: t('hospitals.fields.beds'),
      render: (_, h) => `${h.inHospital} / ${h.beds}`,
    },
    {
      key: 'icu',
      title: t('hospitals.fields.icuBeds'),
      render: (_, h) => `${h.icuBeds}（${h.icuSharePct}%）`,
      responsive: ['sm'],
    },
    {
      key: 'np',
      title: t('hospitals.fields.negativePressureBeds'),
      dataIndex: 'negativePressureBeds',
      responsive: ['md'],
    },
    { key: 'supply', title: t('hospitals.fields.supplyDays'), dataIndex: 'supplyDays', responsive: ['lg'] },
    {
      key: 'readiness',
      title: t('hospitals.fields.readiness'),
      render: (_, h) => <ReadinessTags hospital={h} />,
    },
  ];

  const awaitingColumns: TableColumnsType<Awaiting> = [
    {
      key: 'person',
      title: t('hospitals.stays.person'),
      render: (_, c) => <Link to={`/persons/${c.personId}`}>{c.personName}</Link>,
    },
    {
      key: 'class',
      title: t('hospitals.stays.classification'),
      render: (_, c) =>
        t(`hospitals.classification.${c.classification}` as 'hospitals.classification.confirmed'),
    },
    {
      key: 'where',
      title: t('hospitals.fields.jurisdiction'),
      dataIndex: 'jurisdictionName',
      responsive: ['md'],
    },
    {
      key: 'reported',
      title: t('hospitals.awaiting.reportedAt'),
      render: (_, c) => formatDateTime(c.reportedAt, language),
      responsive: ['sm'],
    },
    {
      key: 'due',
      title: t('hospitals.awaiting.due'),
      render: (_, c) => (
        <span>
          {formatDueAt(c.transferDueAt, language)}{' '}
          {c.overdue ? <Tag color="red">{t('hospitals.awaiting.overdue')}</Tag> : null}
        </span>
      ),
    },
    ...(canWrite
      ? [
          {
            key: 'action',
            title: '',
            render: (_: unknown, c: Awaiting) => (
              <Button
                size="small"
                type="primary"
                onClick={() => setTransferring(c)}
                data-testid="transfer-open"
              >
                {t('hospitals.transfer.action')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          {t('hospitals.title')}
        </Typography.Title>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="hospital-new"
          >
            {t('hospitals.register')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('hospitals.hint')}</Typography.Paragraph>
      {sum ? (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="hospital-readiness">
          {(
            [
              ['beds', sum.beds],
              ['inHospital', sum.inHospital],
              ['freeBeds', sum.freeBeds],
              ['icuShare', `${sum.icuSharePct}%`],
              ['cabinsStandby', `${sum.mobileCabinsStandby} / ${sum.mobileCabins}`],
              ['shortfalls', sum.withShortfalls],
            ] as const
          ).map(([key, value]) => (
            <Col key={key} xs={12} sm={8} lg={4}>
              <Card size="small">
                <Statistic
                  title={t(`hospitals.summary.${key}`)}
                  value={value}
                  valueStyle={
                    (key === 'shortfalls' && sum.withShortfalls > 0) ||
                    (key === 'icuShare' && sum.beds > 0 && sum.icuSharePct < 10)
                      ? { color: '#d46b08' }
                      : undefined
                  }
                />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'awaiting') next.set('tab', 'awaiting');
          else next.delete('tab');
          setParams(next);
        }}
        items={[
          {
            key: 'hospitals',
            label: t('hospitals.tabs.hospitals'),
            children: (
              <>
                {list.error ? <ProblemAlert error={list.error} /> : null}
                <Table<Hospital>
                  rowKey="id"
                  size="small"
                  loading={list.isLoading}
                  columns={columns}
                  dataSource={list.data?.items ?? []}
                  pagination={false}
                  locale={{ emptyText: t('hospitals.empty') }}
                  onRow={() => rowTestId('hospital-row')}
                />
              </>
            ),
          },
          {
            key: 'awaiting',
            label: `${t('hospitals.tabs.awaiting')}（${awaiting.data?.total ?? 0}）`,
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  {t('hospitals.awaiting.assumption')}
                </Typography.Paragraph>
                {awaiting.error ? <ProblemAlert error={awaiting.error} /> : null}
                <Table<Awaiting>
                  rowKey="caseId"
                  size="small"
                  loading={awaiting.isLoading}
                  columns={awaitingColumns}
                  dataSource={awaiting.data?.items ?? []}
                  pagination={false}
                  locale={{ emptyText: t('hospitals.awaiting.none') }}
                />
              </>
            ),
          },
        ]}
      />
      <HospitalFormModal open={registering} onClose={() => setRegistering(false)} />
      <TransferModal item={transferring} onClose={() => setTransferring(null)} />
    </>
  );
}
