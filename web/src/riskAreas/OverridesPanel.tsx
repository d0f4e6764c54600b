import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { problemText } from '../common/problemText';
import { rowTestId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { AddOverrideButton } from './AddOverrideButton';
import { endOverride, fetchOverrides, type RiskOverride, riskAreaKeys } from './api';
import { LevelTag } from './levels';

/** ARR-9: the HQ's live list of whole divisions treated as high (or medium) risk. */
export function OverridesPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [all, setAll] = useState(false);
  const query = useQuery({ queryKey: riskAreaKeys.overrides(all), queryFn: () => fetchOverrides(all) });
  const end = useMutation({
    mutationFn: (id: string) => endOverride(id),
    onSuccess: () => {
      message.success(t('riskAreas.overrides.ended'));
      void queryClient.invalidateQueries({ queryKey: riskAreaKeys.all });
    },
    onError: (error) => message.error(problemText(error, language, t)),
  });
  const time = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');
  const columns: TableColumnsType<RiskOverride> = [
    { key: 'name', title: t('riskAreas.overrides.name'), dataIndex: 'name' },
    { key: 'code', title: t('riskAreas.overrides.divisionCode'), dataIndex: 'divisionPrefix' },
    {
      key: 'treatAs',
      title: t('riskAreas.overrides.treatAs'),
      render: (_, o) => <LevelTag level={o.treatAs} />,
    },
    { key: 'from', title: t('riskAreas.overrides.validFrom'), render: (_, o) => time(o.validFrom) },
    { key: 'until', title: t('riskAreas.overrides.validUntil'), render: (_, o) => time(o.validUntil) },
    { key: 'reason', title: t('riskAreas.overrides.reason'), dataIndex: 'reason', responsive: ['md'] },
    {
      key: 'status',
      title: t('riskAreas.columns.status'),
      render: (_, o) =>
        o.inForce ? (
          <Tag color="processing">{t('riskAreas.status.inForce')}</Tag>
        ) : (
          <Tag>{t('riskAreas.status.notInForce')}</Tag>
        ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('riskAreas.columns.actions'),
            render: (_: unknown, o: RiskOverride) =>
              o.validUntil === null ? (
                <Popconfirm title={t('riskAreas.overrides.endConfirm')} onConfirm={() => end.mutate(o.id)}>
                  <Button size="small" danger data-testid="risk-override-end">
                    {t('riskAreas.overrides.end')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('riskAreas.overrides.intro')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <Switch checked={all} onChange={setAll} data-testid="risk-override-all" />
          <span>{t('riskAreas.overrides.showAll')}</span>
        </Flex>
        {canWrite ? <AddOverrideButton /> : null}
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      <Table<RiskOverride>
        data-testid="risk-override-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('riskAreas.overrides.empty') }}
        onRow={() => rowTestId('risk-override-row')}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </>
  );
}
