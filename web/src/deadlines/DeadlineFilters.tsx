import { Button, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../src/rules/roles';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { useRoleLabel } from '../users/useRoleLabel';
import { type DeadlineFilter, STATE_FILTERS } from './api';

interface DeadlineFiltersProps {
  value: DeadlineFilter;
  onChange: (filter: DeadlineFilter) => void;
}

/** State, rule ID, owner role and jurisdiction, and "only what climbed to me". */
export function DeadlineFilters({ value, onChange }: DeadlineFiltersProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<DeadlineFilter>();

  useEffect(() => {
    form.setFieldsValue({
      state: 'pending',
      ruleId: '',
      ownerRole: undefined,
      jurisdiction: undefined,
      escalatedToMe: false,
      ...value,
    });
  }, [form, value]);

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(next) => onChange({ ...next, ruleId: next.ruleId?.trim().toUpperCase() })}
      data-testid="deadline-filters"
    >
      <Row gutter={[12, 0]}>
        <Col xs={12} sm={8} lg={4}>
          <Form.Item name="state" label={t('deadlines.filters.state')}>
            <Select
              options={STATE_FILTERS.map((state) => ({
                value: state,
                label: t(`deadlines.states.${state}`),
              }))}
              data-testid="deadline-filter-state"
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <Form.Item name="ruleId" label={t('deadlines.filters.ruleId')}>
            <Input
              allowClear
              placeholder={t('deadlines.filters.ruleIdPlaceholder')}
              data-testid="deadline-filter-rule"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8} lg={5}>
          <Form.Item name="ownerRole" label={t('deadlines.filters.ownerRole')}>
            <Select
              allowClear
              options={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
              data-testid="deadline-filter-role"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="jurisdiction" label={t('deadlines.filters.jurisdiction')}>
            <JurisdictionTreeSelect<string> data-testid="deadline-filter-jurisdiction" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item name="escalatedToMe" valuePropName="checked">
            <Checkbox data-testid="deadline-filter-escalated">
              {t('deadlines.filters.escalatedToMe')}
            </Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" data-testid="deadline-search-submit">
                {t('common.search')}
              </Button>
              <Button onClick={() => onChange({})} data-testid="deadline-search-reset">
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
