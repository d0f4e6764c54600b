import { Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import type { Lab } from './api';

interface LabTableProps {
  labs: Lab[] | undefined;
  loading: boolean;
  canEdit: boolean;
  onCreate: () => void;
  onEdit: (lab: Lab) => void;
  onQc: (lab: Lab) => void;
}

/** The lab registry of the chosen subtree with each lab's tubes a day at 18 hours (TST-9). */
export function LabTable({ labs, loading, canEdit, onCreate, onEdit, onQc }: LabTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (value: number) => value.toLocaleString(language);
  return (
    <Card
      size="small"
      title={t('labs.table.title')}
      extra={
        canEdit ? (
          <Button type="primary" onClick={onCreate} data-testid="lab-create">
            {t('labs.table.create')}
          </Button>
        ) : null
      }
    >
      <Table<Lab>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={labs ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('labs.table.empty') }}
        data-testid="labs-table"
        onRow={() => rowTestId('lab-row')}
        columns={[
          { title: t('labs.table.name'), dataIndex: 'name', fixed: 'left' },
          { title: t('labs.table.kind'), render: (_v, lab) => t(`labs.kinds.${lab.kind}`) },
          { title: t('labs.table.instruments'), align: 'right', render: (_v, lab) => n(lab.instruments) },
          {
            title: t('labs.table.tubesPerInstrumentHour'),
            align: 'right',
            render: (_v, lab) => n(lab.tubesPerInstrumentHour),
          },
          {
            title: t('labs.table.tubesPerDay'),
            align: 'right',
            render: (_v, lab) => <strong data-testid="lab-tubes-per-day">{n(lab.tubesPerDay)}</strong>,
          },
          {
            title: t('labs.table.reagent'),
            align: 'right',
            render: (_v, lab) => `${n(lab.reagentPhysicalTests)} / ${n(lab.reagentContractedTests)}`,
          },
          {
            title: t('labs.table.active'),
            render: (_v, lab) =>
              lab.active ? (
                <Tag color="green">{t('labs.table.activeYes')}</Tag>
              ) : (
                <Tag>{t('labs.table.activeNo')}</Tag>
              ),
          },
          {
            title: t('labs.table.actions'),
            render: (_v, lab) => (
              <Space size={4} wrap>
                {canEdit ? (
                  <Button size="small" onClick={() => onEdit(lab)} data-testid="lab-edit">
                    {t('labs.table.edit')}
                  </Button>
                ) : null}
                <Button size="small" onClick={() => onQc(lab)} data-testid="lab-qc">
                  {t('labs.table.qc')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
