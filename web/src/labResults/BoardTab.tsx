import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { type Board, getBoard, getOverdue, labKeys } from './api';
import { OVERDUE_RED, OverdueTable } from './OverdueTable';

type Counts = Omit<Board['labs'][number], 'labId' | 'name' | 'jurisdictionCode'>;
const COUNT_KEYS = [
  'received',
  'pending',
  'dueSoon',
  'overdue',
  'resultedToday',
  'onTimeToday',
  'lateToday',
  'positivesToday',
] as const satisfies readonly (keyof Counts)[];

/** The labs' counts added up: the board of a jurisdiction as the dashboard's figure reads it. */
function sum(labs: Board['labs']): Counts {
  const total = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Counts;
  for (const lab of labs) for (const key of COUNT_KEYS) total[key] += lab[key];
  return total;
}

/**
 * TST-2 turnaround board: cards for the chosen lab (or, opened from the dashboard for a jurisdiction,
 * for all its labs together), a table for every lab, and the chosen lab's overdue tubes in red.
 */
export function BoardTab({
  labId,
  jurisdiction,
}: {
  labId: string | null;
  jurisdiction?: string | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const board = useQuery({
    queryKey: jurisdiction ? labKeys.boardIn(jurisdiction) : labKeys.board,
    queryFn: () => getBoard(jurisdiction),
    refetchInterval: 60_000,
  });
  const overdue = useQuery({
    queryKey: labKeys.overdue(labId ?? ''),
    queryFn: () => getOverdue(labId ?? ''),
    enabled: Boolean(labId) && !jurisdiction,
  });
  if (board.error) return <ProblemAlert error={board.error} />;
  const labs = board.data?.labs ?? [];
  const counts: Partial<Counts> | undefined = jurisdiction
    ? sum(labs)
    : labs.find((item) => item.labId === labId);
  const card = (key: string, value: number | undefined, danger = false) => (
    <Col xs={12} sm={8} md={6} lg={4} key={key}>
      <Card size="small">
        <Statistic
          title={t(`labResults.board.${key}` as 'labResults.board.pending')}
          value={value ?? 0}
          styles={danger && (value ?? 0) > 0 ? { content: { color: OVERDUE_RED } } : undefined}
        />
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={16} data-testid="turnaround-board">
      {board.data && (
        <Typography.Text type="secondary">
          {t('labResults.board.asOf', { time: formatDateTime(board.data.asOf, language) })}
        </Typography.Text>
      )}
      <Row gutter={[12, 12]}>
        {card('received', counts?.received)}
        {card('pending', counts?.pending)}
        {card('dueSoon', counts?.dueSoon)}
        {card('overdue', counts?.overdue, true)}
        {card('resultedToday', counts?.resultedToday)}
        {card('onTime', counts?.onTimeToday)}
        {card('late', counts?.lateToday, true)}
        {card('positivesToday', counts?.positivesToday, true)}
        {card('unreceived', board.data?.unreceived.count)}
      </Row>
      <Table
        size="small"
        rowKey="labId"
        loading={board.isLoading}
        dataSource={labs}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('labResults.lab'), dataIndex: 'name' },
          { title: t('labResults.board.received'), dataIndex: 'received' },
          { title: t('labResults.board.dueSoon'), dataIndex: 'dueSoon' },
          {
            title: t('labResults.board.overdue'),
            dataIndex: 'overdue',
            render: (value: number) => (
              <span style={value > 0 ? { color: OVERDUE_RED } : undefined}>{value}</span>
            ),
          },
          { title: t('labResults.board.onTime'), dataIndex: 'onTimeToday' },
          { title: t('labResults.board.late'), dataIndex: 'lateToday' },
        ]}
      />
      {labId && !jurisdiction ? (
        <OverdueTable
          items={overdue.data?.items ?? []}
          loading={overdue.isLoading}
          title={t('labResults.board.overdueList')}
        />
      ) : null}
    </Flex>
  );
}
