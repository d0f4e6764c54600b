import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Spin, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { SourceCitation } from '../policy/SourceCitation';
import { type CampaignPlan, getPlan } from './api';

interface PlanPanelProps {
  jurisdictionCode?: string | undefined;
  poolSize: number;
}

interface Figure {
  key: string;
  label: string;
  value: ReactNode;
  citation: CampaignPlan['sites']['citation'];
  short?: boolean;
  assumption?: string;
}

type Citation = CampaignPlan['sites']['citation'];

/**
 * A figure's clause as every page cites one: the document's title and clause (《…》第19条, linked to
 * the passage), the rule ID a small grey tag beside it, and a local reading's reason in the page's
 * language. The planner writes its clause "004 §19": the document's id, then the clause.
 */
function PlanCitation({ citation, reason }: { citation: Citation; reason?: string | undefined }) {
  const [document = '', section = ''] = citation.source.split(' ');
  return (
    <Flex gap={4} wrap align="center">
      <Tag style={{ marginInlineEnd: 0 }}>{citation.ruleId}</Tag>
      <SourceCitation
        source={{ document, section, quote: citation.quote }}
        assumption={reason !== undefined}
        reason={reason}
        detailed
      />
    </Flex>
  );
}

/** TST-6 … TST-9: every planned figure with the rule and clause it comes from; shortfalls in red. */
export function PlanPanel({ jurisdictionCode, poolSize }: PlanPanelProps) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['campaigns', 'plan', jurisdictionCode, poolSize],
    queryFn: () => getPlan(jurisdictionCode!, poolSize),
    enabled: Boolean(jurisdictionCode),
  });
  if (!jurisdictionCode)
    return <Typography.Text type="secondary">{t('campaigns.plan.pick')}</Typography.Text>;
  if (query.isPending) return <Spin />;
  if (query.error) return <ProblemAlert error={query.error} />;
  const { plan, population, labs } = query.data;
  const { deadline, sites, tables, samplingStaff: staff, lab, reagents } = plan;
  const figures: Figure[] = [
    {
      key: 'deadline',
      label: t('campaigns.plan.deadline'),
      value:
        deadline.targetHours === deadline.limitHours
          ? t('campaigns.plan.hours', { hours: deadline.limitHours })
          : t('campaigns.plan.hoursRange', { target: deadline.targetHours, limit: deadline.limitHours }),
      citation: deadline.citation,
    },
    {
      key: 'sites',
      label: t('campaigns.plan.sites'),
      value: (
        <span data-testid="plan-sites">{t('campaigns.plan.range', { min: sites.min, max: sites.max })}</span>
      ),
      citation: sites.citation,
    },
    {
      key: 'tables',
      label: t('campaigns.plan.tables'),
      value: (
        <span data-testid="plan-tables">
          {t('campaigns.plan.range', { min: tables.min, max: tables.max })}
        </span>
      ),
      citation: tables.citation,
    },
    {
      key: 'staff',
      label: t('campaigns.plan.staff'),
      value: t('campaigns.plan.staffValue', {
        min: staff.min,
        max: staff.max,
        perTable: staff.samplersPerTable,
        shifts: staff.shiftsPerDay,
      }),
      citation: staff.citation,
      assumption: staff.reason,
    },
    {
      key: 'tubes',
      label: t('campaigns.plan.tubes'),
      value: plan.tubes.toLocaleString(),
      citation: lab.citation,
    },
    {
      key: 'tubesPerHour',
      label: t('campaigns.plan.tubesPerHour'),
      value: (
        <span data-testid="plan-per-hour">
          {t('campaigns.plan.tubesPerHourValue', {
            need: lab.tubesPerHour,
            capacity: lab.capacityTubesPerHour,
            needPersons: lab.personsPerHour,
            capacityPersons: lab.capacityPersonsPerHour,
            pool: poolSize,
          })}
        </span>
      ),
      citation: lab.citation,
      short: lab.shortfallTubesPerHour > 0,
    },
    {
      key: 'instruments',
      label: t('campaigns.plan.instruments'),
      value: (
        <span data-testid="plan-instruments">
          {lab.instrumentsNeeded === null
            ? t('campaigns.plan.instrumentsUnknown', { available: lab.instrumentsAvailable })
            : t('campaigns.plan.instrumentsValue', {
                needed: lab.instrumentsNeeded,
                available: lab.instrumentsAvailable,
              })}
        </span>
      ),
      citation: lab.citation,
      short: lab.shortfallTubesPerHour > 0,
    },
    {
      key: 'reagents',
      label: t('campaigns.plan.reagents'),
      value: (
        <span data-testid="plan-reagents">
          {t('campaigns.plan.reagentsValue', {
            total: reagents.totalNeeded,
            totalPersons: reagents.totalNeededPersonTests,
            physical: reagents.physicalNeeded,
            physicalPersons: reagents.physicalNeededPersonTests,
            physicalStock: reagents.physicalStock,
            physicalStockPersons: reagents.physicalStockPersonTests,
            contractedStock: reagents.contractedStock,
            contractedStockPersons: reagents.contractedStockPersonTests,
            pool: reagents.poolSize,
          })}
        </span>
      ),
      citation: reagents.citation,
      short: reagents.physicalShortfall > 0 || reagents.totalShortfall > 0,
    },
  ];
  const shortCount: Record<string, number> = {
    no_lab_capacity: 0,
    instruments: lab.shortfallTubesPerHour,
    reagent_physical: reagents.physicalShortfall,
    reagent_total: reagents.totalShortfall,
  };
  return (
    <Card size="small" title={t('campaigns.plan.title')} data-testid="campaign-plan">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('campaigns.plan.population')}>
          {population.toLocaleString()}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.plan.labs')}>{labs}</Descriptions.Item>
      </Descriptions>
      {plan.shortfalls.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="plan-shortfalls"
          title={t('campaigns.plan.shortfalls')}
          description={plan.shortfalls.map((key) => (
            <div key={key}>{t(`campaigns.plan.shortfall.${key}`, { count: shortCount[key] ?? 0 })}</div>
          ))}
        />
      ) : null}
      <Table<Figure>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: true }}
        dataSource={figures}
        columns={[
          { title: t('campaigns.plan.figure'), dataIndex: 'label' },
          {
            title: t('campaigns.plan.value'),
            render: (_v, figure) => (
              <Typography.Text type={figure.short ? 'danger' : undefined} strong={figure.short}>
                {figure.value}
              </Typography.Text>
            ),
          },
          {
            title: t('campaigns.plan.rule'),
            render: (_v, figure) => <PlanCitation citation={figure.citation} reason={figure.assumption} />,
          },
        ]}
      />
      <Typography.Title level={5}>{t('campaigns.plan.ringOrder')}</Typography.Title>
      <ol data-testid="plan-ring-order">
        {plan.ringOrder.stages.map((ring) => (
          <li key={ring.stage}>{t(`campaigns.plan.ring.${ring.stage}`)}</li>
        ))}
      </ol>
      <PlanCitation citation={plan.ringOrder.citation} />
    </Card>
  );
}
