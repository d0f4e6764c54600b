import { Button, Col, DatePicker, Form, Grid, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ORIGIN_RISKS as API_ORIGIN_RISKS } from '../../../src/api/arrivals';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { type ArrivalFilter, CHANNELS, RULES, STATUSES } from './api';
import { channelLabel, statusLabel } from './labels';

/** The API's origin risk levels (the web imports no server values; the type keeps them equal). */
const ORIGIN_RISKS = ['high', 'medium', 'low', 'key_concern'] as const satisfies typeof API_ORIGIN_RISKS;

interface FilterValues {
  jurisdiction?: string;
  channel?: string;
  status?: string;
  ruleId?: string;
  risk?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const toValues = (filter: ArrivalFilter): FilterValues => ({
  jurisdiction: filter.jurisdiction,
  channel: filter.channel,
  status: filter.status,
  ruleId: filter.ruleId,
  risk: filter.risk,
  dates:
    filter.from || filter.to
      ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]
      : null,
});

function toFilter(values: FilterValues): ArrivalFilter {
  const filter: ArrivalFilter = {};
  if (values.jurisdiction) filter.jurisdiction = values.jurisdiction;
  if (values.channel) filter.channel = values.channel;
  if (values.status) filter.status = values.status;
  if (values.ruleId) filter.ruleId = values.ruleId;
  if (values.risk) filter.risk = values.risk;
  const [from, to] = values.dates ?? [];
  if (from) filter.from = from.format('YYYY-MM-DD');
  if (to) filter.to = to.format('YYYY-MM-DD');
  return filter;
}

/** Jurisdiction, channel, status, rule, origin risk and arrival dates; on a phone only status shows until "more". */
export function ArrivalFilters({
  value,
  onChange,
}: {
  value: ArrivalFilter;
  onChange: (filter: ArrivalFilter) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const compact = !Grid.useBreakpoint().md;
  const [expanded, setExpanded] = useState(false);
  const advancedInUse = Boolean(
    value.jurisdiction || value.channel || value.ruleId || value.risk || value.from || value.to,
  );
  const advanced = { style: compact && !expanded && !advancedInUse ? { display: 'none' } : undefined };
  const options = useMemo(
    () => ({
      channels: CHANNELS.map((channel) => ({ value: channel, label: channelLabel(t, channel) })),
      statuses: STATUSES.map((status) => ({ value: status, label: statusLabel(t, status) })),
      rules: RULES.map((rule) => ({ value: rule, label: rule })),
      risks: [
        ...ORIGIN_RISKS.map((risk) => ({ value: risk, label: t(`arrivals.risk.${risk}`) })),
        { value: 'none', label: t('dashboard.filters.riskNone') },
      ],
    }),
    [t],
  );

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(value));
  }, [form, value]);

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => onChange(toFilter(values))}
      data-testid="arrival-filters"
    >
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="status" label={t('arrivals.filters.status')}>
            <Select allowClear options={options.statuses} data-testid="arrival-filter-status" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} {...advanced}>
          <Form.Item name="jurisdiction" label={t('arrivals.filters.jurisdiction')}>
            <JurisdictionTreeSelect<string> data-testid="arrival-filter-jurisdiction" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} {...advanced}>
          <Form.Item name="channel" label={t('arrivals.filters.channel')}>
            <Select allowClear options={options.channels} data-testid="arrival-filter-channel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} {...advanced}>
          <Form.Item name="ruleId" label={t('arrivals.filters.rule')}>
            <Select allowClear options={options.rules} data-testid="arrival-filter-rule" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} {...advanced}>
          <Form.Item name="risk" label={t('arrivals.columns.originRisk')}>
            <Select allowClear options={options.risks} data-testid="arrival-filter-risk" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} {...advanced}>
          <Form.Item name="dates" label={t('arrivals.filters.dateRange')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
              data-testid="arrival-filter-dates"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={10} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" data-testid="arrival-search-submit">
                {t('common.search')}
              </Button>
              <Button onClick={() => onChange({})} data-testid="arrival-search-reset">
                {t('common.reset')}
              </Button>
              {compact && !advancedInUse ? (
                <Button
                  type="link"
                  onClick={() => setExpanded(!expanded)}
                  data-testid="arrival-filters-toggle"
                >
                  {expanded ? t('arrivals.filters.less') : t('arrivals.filters.more')}
                </Button>
              ) : null}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
