import { useQuery } from '@tanstack/react-query';
import { Card, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { type Lab, labKeys, listQc, type QcRecord } from './api';
import { QcForm } from './QcForm';

interface QcRecordsProps {
  labs: Lab[];
  labId: string | undefined;
  onLab: (labId: string) => void;
  canEdit: boolean;
}

/** TST-10: the chosen lab's quality-control records, newest first, and a form to add one. */
export function QcRecords({ labs, labId, onLab, canEdit }: QcRecordsProps) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: labKeys.qc(labId ?? ''),
    queryFn: () => listQc(labId ?? ''),
    enabled: Boolean(labId),
  });
  return (
    <Card
      size="small"
      title={t('labs.qc.title')}
      data-testid="qc-records"
      extra={
        <Select
          value={labId}
          onChange={onLab}
          placeholder={t('labs.qc.pickLab')}
          aria-label={t('labs.qc.lab')}
          style={{ minWidth: 200, maxWidth: '60vw' }}
          options={labs.map((lab) => ({ value: lab.id, label: lab.name }))}
          data-testid="qc-lab"
        />
      }
    >
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<QcRecord>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={labId ? (query.data ?? []) : []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: labId ? t('labs.qc.empty') : t('labs.qc.pickLab') }}
        onRow={() => rowTestId('qc-row')}
        columns={[
          { title: t('labs.qc.date'), dataIndex: 'qcDate' },
          { title: t('labs.qc.kind'), render: (_v, record) => t(`labs.qc.kinds.${record.kind}`) },
          {
            title: t('labs.qc.outcome'),
            render: (_v, record) => (
              <Tag color={record.outcome === 'pass' ? 'green' : 'red'}>
                {t(`labs.qc.outcomes.${record.outcome}`)}
              </Tag>
            ),
          },
          { title: t('labs.qc.notes'), render: (_v, record) => record.notes ?? '' },
        ]}
      />
      {canEdit && labId ? (
        <div style={{ marginTop: 16 }}>
          <QcForm labId={labId} />
        </div>
      ) : null}
    </Card>
  );
}
