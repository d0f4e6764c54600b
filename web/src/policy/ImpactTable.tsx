import { Col, Flex, Row, Statistic, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../common/formatDateTime';
import { formatDueAt } from '../common/formatDueAt';
import { rowTestId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { ImpactPreview, PlanChange } from './api';
import { doneOn, testOn } from './impactText';
import { useReasonText } from './reasonText';

/** Totals of a preview: plans examined, changed, unchanged; tests done and counted, to make up, removed, added. */
export function ImpactTotals({ preview }: { preview: ImpactPreview }) {
  const { t } = useTranslation();
  const sum = (pick: (change: PlanChange) => readonly unknown[]) =>
    preview.changes.reduce((total, change) => total + pick(change).length, 0);
  const totals = [
    { key: 'examined', value: preview.examined },
    { key: 'changed', value: preview.changes.length },
    { key: 'unchanged', value: preview.unchanged },
    { key: 'satisfied', value: sum((change) => change.satisfied) },
    { key: 'catchUp', value: sum((change) => change.addedInPast) },
    { key: 'removed', value: sum((change) => change.removed) },
    { key: 'added', value: sum((change) => change.added) },
    { key: 'untouched', value: preview.governedElsewhere + preview.outsideWindow },
  ] as const;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="impact-totals">
      {totals.map(({ key, value }) => (
        <Col key={key} xs={12} sm={6} md={3}>
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

const sameTest = (a: { kind: string; day: number }, b: { kind: string; day: number }) =>
  a.kind === b.kind && a.day === b.day;

/** What the person has done: moved tests it satisfies (with the reading), refused, and dropped results. */
function DoneTests({ change }: { change: PlanChange }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const reasonText = useReasonText();
  const lines = [
    ...change.satisfied.map(({ test, by, assumption, reason }) => (
      <Flex key={`s:${by.item}`} gap={4} wrap align="center" data-testid="impact-satisfied">
        <Typography.Text type="success">
          {t('policy.impact.satisfied', { done: doneOn(t, language, by), test: testOn(t, language, test) })}
        </Typography.Text>
        {assumption ? (
          <Tooltip title={reasonText(reason)}>
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t('policy.impact.localReading')}
            </Tag>
          </Tooltip>
        ) : null}
      </Flex>
    )),
    ...change.positive.map(({ test, by }) => (
      <div key={`p:${by.item}`} data-testid="impact-positive">
        <Typography.Text type="danger">
          {t('policy.impact.positive', { done: doneOn(t, language, by), test: testOn(t, language, test) })}
        </Typography.Text>
      </div>
    )),
    ...change.refused.map(({ test, by }) => (
      <div key={`r:${by.item}`} data-testid="impact-refused">
        <Typography.Text type="warning">
          {t('policy.impact.refused', { done: doneOn(t, language, by), test: testOn(t, language, test) })}
        </Typography.Text>
      </div>
    )),
    ...change.doneDropped
      .filter((done) => !change.refused.some((r) => r.by.item === done.item))
      .map((done) => (
        <div key={`d:${done.item}`} data-testid="impact-dropped">
          <Typography.Text type="secondary">
            {t('policy.impact.dropped', { done: doneOn(t, language, done) })}
          </Typography.Text>
        </div>
      )),
  ];
  return lines.length > 0 ? lines : '—';
}

/** Restrictions a new version adds or drops: "新增管控：向所在单位登记（2026-11-20至2026-12-04）". */
function Restrictions({
  items,
  label,
}: {
  items: PlanChange['addedRestrictions'];
  label: 'policy.impact.restrictionAdded' | 'policy.impact.restrictionRemoved';
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <>
      {items.map((r) => (
        <div key={`${r.id}:${r.startDate}`} data-testid="impact-restriction">
          {t(label, {
            what: t(`arrivals.plan.restrictions.${r.id}`),
            from: formatDay(r.startDate, language),
            to: formatDay(r.endDate, language),
          })}
        </div>
      ))}
    </>
  );
}

/** The tests the new version adds that nothing satisfies: owed, each made up by its catch-up time when past. */
function OwedTests({ change }: { change: PlanChange }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  // Owed: added tests that no done test satisfies, no positive result answers, and no later catch-up makes up.
  const owed = change.added.filter(
    (test) =>
      !change.satisfied.some((s) => sameTest(s.test, test)) &&
      !change.positive.some((p) => sameTest(p.test, test)),
  );
  if (owed.length === 0 && change.addedRestrictions.length === 0) return <>—</>;
  return (
    <>
      <Restrictions items={change.addedRestrictions} label="policy.impact.restrictionAdded" />
      {owed.map((test) => {
        const past = change.addedInPast.find((p) => sameTest(p, test));
        const madeUp = change.madeUp.find((m) => sameTest(m.test, test));
        if (madeUp) {
          return (
            <div key={`${test.kind}:${test.day}`} data-testid="impact-made-up">
              <Typography.Text type="secondary">
                {t('policy.impact.madeUp', {
                  test: testOn(t, language, test),
                  by: testOn(t, language, madeUp.by),
                })}
              </Typography.Text>
            </div>
          );
        }
        return (
          <Flex key={`${test.kind}:${test.day}`} gap={4} wrap align="center" data-testid="impact-owed">
            <span>{testOn(t, language, test)}</span>
            {past ? (
              <Tag color="volcano" data-testid="impact-catch-up">
                {t('policy.impact.catchUp', { due: formatDueAt(past.catchUpDueAt, language) })}
              </Tag>
            ) : null}
          </Flex>
        );
      })}
    </>
  );
}

/** Per person: the plan before and after, what they have done, what they will owe, what is removed, the end date. */
export function ImpactTable({ changes }: { changes: PlanChange[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const version = (v: string) => t('policy.impact.version', { version: v });
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
        <Flex vertical gap={2} data-testid="impact-protocol" style={{ maxWidth: 280 }}>
          <span>
            <Tag style={{ marginInlineEnd: 4 }}>{change.fromRule}</Tag>
            {pickText(language, change.fromTitle.zh, change.fromTitle.en)}
            <Typography.Text type="secondary">{version(change.fromVersion)}</Typography.Text>
          </span>
          <span>
            →{' '}
            {change.toTitle ? (
              <>
                {change.toProtocol === change.fromProtocol ? (
                  <Typography.Text type="secondary">{t('policy.impact.sameProtocol')}</Typography.Text>
                ) : (
                  <>
                    <Tag style={{ marginInlineEnd: 4 }}>{change.toRule}</Tag>
                    {pickText(language, change.toTitle.zh, change.toTitle.en)}
                  </>
                )}
                {change.toVersion ? (
                  <Typography.Text type="secondary">{version(change.toVersion)}</Typography.Text>
                ) : null}
              </>
            ) : (
              <Tag color="warning">{t('policy.impact.noProtocol')}</Tag>
            )}
          </span>
        </Flex>
      ),
    },
    {
      key: 'done',
      title: t('policy.impact.columns.done'),
      render: (_, change) => (
        <div data-testid="impact-done" style={{ maxWidth: 360 }}>
          <DoneTests change={change} />
        </div>
      ),
    },
    {
      key: 'owed',
      title: t('policy.impact.columns.owed'),
      render: (_, change) => (
        <div data-testid="impact-added">
          <OwedTests change={change} />
        </div>
      ),
    },
    {
      key: 'removed',
      title: t('policy.impact.columns.removed'),
      render: (_, change) => (
        <div data-testid="impact-removed">
          {change.removed.length === 0 && change.removedRestrictions.length === 0 ? (
            '—'
          ) : (
            <>
              {change.removed.map((test) => (
                <div key={`${test.kind}:${test.day}`}>{testOn(t, language, test)}</div>
              ))}
              <Restrictions items={change.removedRestrictions} label="policy.impact.restrictionRemoved" />
            </>
          )}
        </div>
      ),
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
      onRow={(change) => {
        const arrival: Record<string, string> = { 'data-arrival': change.arrivalId };
        return { ...rowTestId('impact-row'), ...arrival };
      }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('policy.impact.noChanges') }}
    />
  );
}
