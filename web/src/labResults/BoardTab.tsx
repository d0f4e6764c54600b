import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { getBoard, getOverdue, labKeys } from './api';

const OVERDUE_RED = '#cf1322';

/** TST-2 turnaround board: cards for the chosen lab, a table for every lab, and its overdue tubes in red. */
export function BoardTab({ labId }: { labId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const board = useQuery({ queryKey: labKeys.board, queryFn: getBoard, refetchInterval: 60_000 });
  const overdue = useQuery({ queryKey: labKeys.overdue(labId), queryFn: () => getOverdue(labId) });
  if (board.error) return <ProblemAlert error={board.error} />;
  const lab = board.data?.labs.find((item) => item.labId === labId);
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
        {card('received', lab?.received)}
        {card('pending', lab?.pending)}
        {card('dueSoon', lab?.dueSoon)}
        {card('overdue', lab?.overdue, true)}
        {card('resultedToday', lab?.resultedToday)}
        {card('late', lab?.lateToday, true)}
        {card('positivesToday', lab?.positivesToday, true)}
        {card('unreceived', board.data?.unreceived.count)}
      </Row>
      <Table
        size="small"
        rowKey="labId"
        loading={board.isLoading}
        dataSource={board.data?.labs ?? []}
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
      <Table
        size="small"
        title={() => t('labResults.board.overdueList')}
        rowKey="barcode"
        loading={overdue.isLoading}
        dataSource={overdue.data?.items ?? []}
        scroll={{ x: true }}
        data-testid="overdue-tubes"
        columns={[
          {
            title: t('labResults.results.barcode'),
            dataIndex: 'barcode',
            render: (value: string) => <span style={{ color: OVERDUE_RED }}>{value}</span>,
          },
          {
            title: t('labResults.board.category'),
            dataIndex: 'category',
            render: (value: string) => t(`labResults.category.${value}` as 'labResults.category.general'),
          },
          { title: t('labResults.board.members'), dataIndex: 'memberCount' },
          {
            title: t('labResults.board.dueAt'),
            dataIndex: 'dueAt',
            render: (value: string) => formatDateTime(value, language),
          },
        ]}
      />
    </Flex>
  );
}
