import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { BOARD_KINDS, type BoardKind, type BoardRow, caseKeys, fetchBoard } from './api';

const KIND_COLOR: Record<BoardKind, string> = {
  concealed: 'magenta',
  overdue: 'red',
  late_report: 'orange',
  late_review: 'gold',
};

/** CAS-2's board: positives unreported (overdue, then concealed), late reports and late reviews. */
export function CaseBoard({
  jurisdiction,
  kind,
  onKind,
}: {
  jurisdiction: string | undefined;
  kind: BoardKind | undefined;
  onKind: (kind: BoardKind | undefined) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useQuery({
    queryKey: caseKeys.board(jurisdiction, kind),
    queryFn: () => fetchBoard(jurisdiction, kind),
  });
  const columns: TableColumnsType<BoardRow> = [
    {
      key: 'kind',
      title: t('cases.board.kind'),
      render: (_, r) => <Tag color={KIND_COLOR[r.kind]}>{t(`cases.board.counts.${r.kind}`)}</Tag>,
    },
    {
      key: 'person',
      title: t('cases.fields.person'),
      render: (_, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.personName}</Link> : r.personName),
    },
    {
      key: 'jurisdiction',
      title: t('cases.fields.jurisdiction'),
      dataIndex: 'jurisdictionName',
      responsive: ['md'],
    },
    { key: 'owner', title: t('cases.board.owner'), dataIndex: 'owner', responsive: ['sm'] },
    { key: 'due', title: t('cases.board.dueAt'), render: (_, r) => formatDateTime(r.dueAt, language) },
    {
      key: 'done',
      title: t('cases.board.doneAt'),
      render: (_, r) => (r.doneAt ? formatDateTime(r.doneAt, language) : t('cases.board.notDone')),
      responsive: ['sm'],
    },
    {
      key: 'late',
      title: t('cases.board.lateBy'),
      render: (_, r) => t('cases.late', { minutes: r.lateMinutes }),
    },
    {
      key: 'action',
      title: '',
      render: (_, r) =>
        r.caseId === null && r.tubeBarcode ? (
          <Link to={`/cases/new?tube=${encodeURIComponent(r.tubeBarcode)}`}>{t('cases.board.fill')}</Link>
        ) : null,
    },
  ];
  const counts = query.data?.counts;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {BOARD_KINDS.map((k) => (
          <Col key={k} xs={12} md={6}>
            <Card
              size="small"
              hoverable
              onClick={() => onKind(kind === k ? undefined : k)}
              style={kind === k ? { borderColor: '#1677ff' } : undefined}
              data-testid={`case-board-${k}`}
            >
              <Statistic title={t(`cases.board.counts.${k}`)} value={counts?.[k] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Alert
        type="info"
        showIcon
        message={t('cases.board.rule')}
        description={t('cases.board.assumption')}
        style={{ marginBottom: 12 }}
      />
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<BoardRow>
        data-testid="case-board"
        rowKey={(r) => `${r.kind}-${r.caseId ?? r.tubeBarcode}-${r.dueAt}`}
        size="middle"
        columns={columns}
        dataSource={query.data?.rows ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={() => rowTestId('case-board-row')}
        locale={{ emptyText: t('cases.board.empty') }}
        pagination={{ pageSize: 20 }}
      />
    </>
  );
}
