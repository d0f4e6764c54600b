import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Col, Flex, Row, Segmented, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CONTROL_REASONS as API_CONTROL_REASONS } from '../../../src/api/labResults';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionName } from '../jurisdictions/JurisdictionName';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { type Control, type ControlFilter, labKeys, listControls } from './api';
import { ControlState } from './ControlState';

/** The API's control reasons (the web imports no server values; the type keeps them equal). */
const CONTROL_REASONS = [
  'pool_positive',
  'individual_positive',
] as const satisfies typeof API_CONTROL_REASONS;

const STATES = ['open', 'cleared', 'all'] as const;
const isState = (value: string | null): value is ControlFilter['state'] =>
  STATES.includes(value as ControlFilter['state']);
const isReason = (value: string | null): value is Control['reason'] =>
  CONTROL_REASONS.includes(value as Control['reason']);

function positive(value: string | null): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : 1;
}

/**
 * People under control after a positive pool or their own positive (TST-1), in the caller's subtree.
 * State, place, reason and page live in the URL, so a dashboard figure opens the list it counts.
 */
export default function PersonControlsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const state = params.get('state');
  const reason = params.get('reason');
  const filter: ControlFilter = {
    state: isState(state) ? state : 'open',
    jurisdiction: params.get('jurisdiction') || undefined,
    reason: isReason(reason) ? reason : undefined,
  };
  const page = positive(params.get('page'));
  const write = (next: ControlFilter, nextPage = 1) => {
    const search = new URLSearchParams();
    if (next.state !== 'open') search.set('state', next.state);
    if (next.jurisdiction) search.set('jurisdiction', next.jurisdiction);
    if (next.reason) search.set('reason', next.reason);
    if (nextPage !== 1) search.set('page', String(nextPage));
    setParams(search);
  };
  const controls = useQuery({
    queryKey: labKeys.controls(filter, page),
    queryFn: () => listControls(filter, page),
    placeholderData: keepPreviousData,
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('labResults.controls.title')}</Typography.Title>
      <Row gutter={[12, 12]} align="middle">
        <Col xs={24} md={8} lg={6}>
          <Segmented
            value={filter.state}
            onChange={(value) => write({ ...filter, state: value })}
            options={STATES.map((value) => ({ value, label: t(`labResults.controls.state.${value}`) }))}
            data-testid="control-state"
          />
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <Select<Control['reason']>
            allowClear
            style={{ width: '100%' }}
            placeholder={t('dashboard.filters.anyReason')}
            value={filter.reason}
            onChange={(value) => write({ ...filter, reason: value })}
            options={CONTROL_REASONS.map((value) => ({
              value,
              label: t(`labResults.control.reason.${value}`),
            }))}
            data-testid="control-reason"
          />
        </Col>
        <Col xs={24} sm={12} md={8} lg={6}>
          <JurisdictionTreeSelect<string>
            value={filter.jurisdiction}
            onChange={(value) => write({ ...filter, jurisdiction: value || undefined })}
            data-testid="control-jurisdiction"
          />
        </Col>
      </Row>
      {controls.error && <ProblemAlert error={controls.error} />}
      <Table<Control>
        size="small"
        rowKey="id"
        loading={controls.isFetching}
        dataSource={controls.data?.items ?? []}
        scroll={{ x: true }}
        onRow={() => ({ 'data-testid': 'control-row' }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: 20,
          total: controls.data?.total ?? 0,
          onChange: (next) => write(filter, next),
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('labResults.control.person'),
            render: (_, row) => <Link to={`/persons/${row.personId}`}>{row.name}</Link>,
          },
          {
            title: t('labResults.control.jurisdiction'),
            dataIndex: 'jurisdictionCode',
            render: (code: string) => <JurisdictionName code={code} />,
          },
          {
            title: t('labResults.results.reason'),
            dataIndex: 'reason',
            render: (value: Control['reason']) => t(`labResults.control.reason.${value}`),
          },
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
