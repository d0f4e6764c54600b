import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Popconfirm,
  Progress,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { type CapacityView, deleteTarget, getCapacity, labKeys, type TargetState } from './api';
import { TargetForm } from './TargetForm';

const STATE_COLOR: Record<TargetState, string> = { met: 'green', not_met: 'orange', overdue: 'red' };
const PROGRESS_STATUS = { met: 'success', not_met: 'active', overdue: 'exception' } as const;
const POOL_SIZES = [1, 5, 10, 20];

type TargetRow = CapacityView['targets'][number];

/** TST-9: the subtree's daily capacity against each dated target, with progress and state. */
export function CapacityTargets({ jurisdiction, canEdit }: { jurisdiction: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [poolSize, setPoolSize] = useState(1);
  const n = (value: number) => value.toLocaleString(language);
  const query = useQuery({
    queryKey: labKeys.capacity(jurisdiction, poolSize),
    queryFn: () => getCapacity(jurisdiction, poolSize),
  });
  const remove = useMutation({
    mutationFn: (target: TargetRow) => deleteTarget(target.jurisdictionCode, target.dueDate),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labKeys.all }),
  });
  const view = query.data;
  return (
    <Card
      size="small"
      title={t('labs.capacity.title')}
      data-testid="capacity-targets"
      extra={
        <Select
          value={poolSize}
          onChange={setPoolSize}
          style={{ minWidth: 110 }}
          aria-label={t('labs.capacity.poolSize')}
          options={POOL_SIZES.map((size) => ({
            value: size,
            label: size === 1 ? t('labs.capacity.single') : t('labs.capacity.poolSizeValue', { n: size }),
          }))}
          data-testid="capacity-pool-size"
        />
      }
    >
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('labs.capacity.labs')} value={view?.labs ?? 0} loading={query.isPending} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('labs.capacity.tubesPerDay')} value={view ? n(view.tubesPerDay) : 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('labs.capacity.personsPerDay')}
            value={view ? n(view.personsPerDay) : 0}
            data-testid="capacity-persons-per-day"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('labs.capacity.reagent')}
            value={view ? `${n(view.reagentPhysicalTests)} / ${n(view.reagentContractedTests)}` : 0}
          />
        </Col>
      </Row>
      <Table<TargetRow>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={view?.targets ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('labs.capacity.empty') }}
        onRow={() => rowTestId('capacity-target-row')}
        columns={[
          { title: t('labs.capacity.dueDate'), dataIndex: 'dueDate' },
          { title: t('labs.capacity.target'), align: 'right', render: (_v, row) => n(row.personsPerDay) },
          {
            title: t('labs.capacity.progress'),
            render: (_v, row) => (
              <div style={{ minWidth: 140 }}>
                <Progress
                  size="small"
                  percent={Math.min(100, Math.round(((view?.personsPerDay ?? 0) / row.personsPerDay) * 100))}
                  status={PROGRESS_STATUS[row.state]}
                />
              </div>
            ),
          },
          {
            title: t('labs.capacity.state'),
            render: (_v, row) => (
              <Tag color={STATE_COLOR[row.state]} data-testid={`capacity-state-${row.state}`}>
                {t(`labs.capacity.states.${row.state}`)}
              </Tag>
            ),
          },
          {
            title: t('labs.capacity.source'),
            render: (_v, row) => (
              <Typography.Text style={{ maxWidth: 320 }} ellipsis={{ tooltip: row.sourceText }}>
                {row.sourceText}
              </Typography.Text>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t('labs.capacity.actions'),
                  render: (_v: unknown, row: TargetRow) => (
                    <Popconfirm title={t('labs.capacity.deleteConfirm')} onConfirm={() => remove.mutate(row)}>
                      <Button size="small" danger data-testid="capacity-target-delete">
                        {t('labs.capacity.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit ? <TargetForm jurisdiction={jurisdiction} /> : null}
    </Card>
  );
}
