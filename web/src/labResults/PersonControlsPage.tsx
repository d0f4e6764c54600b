import { useQuery } from '@tanstack/react-query';
import { Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { type Control, labKeys, listControls } from './api';
import { ControlState } from './ControlState';

const STATES = ['open', 'cleared', 'all'] as const;

/** People under control after a positive pool or their own positive (TST-1), in the caller's subtree. */
export default function PersonControlsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [state, setState] = useState<(typeof STATES)[number]>('open');
  const [page, setPage] = useState(1);
  const controls = useQuery({
    queryKey: labKeys.controls(state, page),
    queryFn: () => listControls(state, page),
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('labResults.controls.title')}</Typography.Title>
      <Segmented
        value={state}
        onChange={(value) => {
          setState(value);
          setPage(1);
        }}
        options={STATES.map((value) => ({ value, label: t(`labResults.controls.state.${value}`) }))}
        data-testid="control-state"
      />
      {controls.error && <ProblemAlert error={controls.error} />}
      <Table<Control>
        size="small"
        rowKey="id"
        loading={controls.isLoading}
        dataSource={controls.data?.items ?? []}
        scroll={{ x: true }}
        onRow={() => ({ 'data-testid': 'control-row' }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: 20,
          total: controls.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('labResults.control.person'),
            render: (_, row) => <Link to={`/persons/${row.personId}`}>{row.name}</Link>,
          },
          { title: t('labResults.control.jurisdiction'), dataIndex: 'jurisdictionCode' },
          { title: t('labResults.control.tube'), dataIndex: 'tubeBarcode' },
          {
            title: t('labResults.control.startedAt'),
            dataIndex: 'startedAt',
            render: (value: string) => formatDateTime(value, language),
          },
          { title: t('labResults.control.task'), render: (_, row) => <ControlState control={row} /> },
        ]}
      />
    </Flex>
  );
}
