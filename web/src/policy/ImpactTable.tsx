import { Col, Row, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rowTestId } from '../common/testId';
import type { ImpactPreview, PlanChange } from './api';
import { impactTestText } from './matchText';

/** Totals of a preview: plans examined, changed, unchanged, tests removed and added. */
export function ImpactTotals({ preview }: { preview: ImpactPreview }) {
  const { t } = useTranslation();
  const sum = (pick: (change: PlanChange) => string[]) =>
    preview.changes.reduce((total, change) => total + pick(change).length, 0);
  const totals = [
    { key: 'examined', value: preview.examined },
    { key: 'changed', value: preview.changes.length },
    { key: 'unchanged', value: preview.unchanged },
    { key: 'removed', value: sum((change) => change.removedTests) },
    { key: 'added', value: sum((change) => change.addedTests) },
  ] as const;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="impact-totals">
      {totals.map(({ key, value }) => (
        <Col key={key} xs={12} sm={8} md={4}>
          <Statistic
            title={t(`policy.impact.totals.${key}`)}
            value={value}
            data-testid={`impact-total-${key}`}
          />
        </Col>
      ))}
    </Row>
  );
}

/** Per person: the protocol change, the tests removed and added, the release date before → after. */
export function ImpactTable({ changes }: { changes: PlanChange[] }) {
  const { t } = useTranslation();
  const tests = (labels: string[], color: string) =>
    labels.length === 0
      ? '—'
      : labels.map((label) => (
          <Tag key={label} color={color} style={{ marginBottom: 2 }}>
            {impactTestText(t, label)}
          </Tag>
        ));
  const columns: TableColumnsType<PlanChange> = [
    {
      key: 'person',
      title: t('policy.impact.columns.person'),
      render: (_, change) => (
        <>
          <Link to={`/arrivals/${change.arrivalId}`}>{change.personName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {change.idNumberMasked}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'protocol',
      title: t('policy.impact.columns.protocol'),
      render: (_, change) => (
        <span data-testid="impact-protocol">
          <Typography.Text type="secondary">v{change.fromVersion}</Typography.Text> {change.fromProtocol} →{' '}
          {change.toProtocol ?? <Tag color="warning">{t('policy.impact.noProtocol')}</Tag>}
        </span>
      ),
    },
    {
      key: 'removed',
      title: t('policy.impact.columns.removed'),
      render: (_, change) => <span data-testid="impact-removed">{tests(change.removedTests, 'red')}</span>,
    },
    {
      key: 'added',
      title: t('policy.impact.columns.added'),
      render: (_, change) => <span data-testid="impact-added">{tests(change.addedTests, 'green')}</span>,
    },
    {
      key: 'endDate',
      title: t('policy.impact.columns.endDate'),
      render: (_, change) => (
        <span data-testid="impact-end-date">
          {change.endDateBefore} → {change.endDateAfter ?? '—'}
        </span>
      ),
    },
  ];
  return (
    <Table<PlanChange>
      data-testid="impact-table"
      rowKey="planId"
      size="middle"
      columns={columns}
      dataSource={changes}
      scroll={{ x: 'max-content' }}
      onRow={() => rowTestId('impact-row')}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('policy.impact.noChanges') }}
    />
  );
}
