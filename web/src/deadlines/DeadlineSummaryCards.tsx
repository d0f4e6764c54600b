import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEADLINE_STATES, type DeadlineFilter, type DeadlineState, type DeadlineSummary } from './api';

/** The tag colours of DeadlineStateTag as text colours: due soon orange, overdue red. */
const VALUE_COLORS: Record<DeadlineState, string | undefined> = {
  open: undefined,
  due_soon: '#fa8c16',
  overdue: '#cf1322',
  done: '#389e0d',
  cancelled: undefined,
};

interface DeadlineSummaryCardsProps {
  summary: DeadlineSummary | undefined;
  loading: boolean;
  filter: DeadlineFilter;
  onFilter: (filter: DeadlineFilter) => void;
}

/** One card per state and one for escalations; a card filters the list to what it counts. */
export function DeadlineSummaryCards({ summary, loading, filter, onFilter }: DeadlineSummaryCardsProps) {
  const { t } = useTranslation();
  const cards = [
    ...DEADLINE_STATES.map((state) => ({
      key: state,
      label: t(`deadlines.states.${state}`),
      value: summary?.counts[state] ?? 0,
      active: !filter.escalatedToMe && filter.state === state,
      next: { ...filter, state, escalatedToMe: undefined },
      color: VALUE_COLORS[state],
    })),
    {
      key: 'escalated',
      label: t('deadlines.summary.escalatedToMe'),
      value: summary?.escalatedToMe ?? 0,
      active: Boolean(filter.escalatedToMe),
      next: { ...filter, state: undefined, escalatedToMe: true },
      color: '#d4380d',
    },
  ];
  return (
    <>
      <Row gutter={[12, 12]} data-testid="deadline-summary">
        {cards.map((card) => (
          <Col xs={12} sm={8} lg={4} key={card.key}>
            <Card
              size="small"
              hoverable
              loading={loading && !summary}
              onClick={() => onFilter(card.next)}
              style={card.active ? { borderColor: '#1f4e8c' } : undefined}
              data-testid={`deadline-summary-${card.key}`}
            >
              <Statistic title={card.label} value={card.value} styles={{ content: { color: card.color } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 16px' }}>
        {t('deadlines.summary.closedHint')}
      </Typography.Text>
    </>
  );
}
