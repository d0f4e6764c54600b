import { SearchOutlined } from '@ant-design/icons';
import { Button, Col, Form, Grid, Input, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import type { PersonFilter } from './api';
import { useKeyGroups } from './useKeyGroups';

interface PersonFiltersProps {
  value: PersonFilter;
  onChange: (filter: PersonFilter) => void;
}

/**
 * Name prefix, exact ID number or phone, jurisdiction subtree and key group. On a phone only the
 * name shows until "more" is tapped (or another filter is in use), so the list stays in view.
 */
export function PersonFilters({ value, onChange }: PersonFiltersProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PersonFilter>();
  const keyGroups = useKeyGroups();
  const compact = !Grid.useBreakpoint().md;
  const [expanded, setExpanded] = useState(false);
  const advancedInUse = Boolean(value.idNumber || value.phone || value.jurisdiction || value.keyGroup);
  const advanced = { style: compact && !expanded && !advancedInUse ? { display: 'none' } : undefined };

  useEffect(() => {
    form.setFieldsValue({
      q: '',
      idNumber: '',
      phone: '',
      jurisdiction: undefined,
      keyGroup: undefined,
      ...value,
    });
  }, [form, value]);

  return (
    <Form form={form} layout="vertical" onFinish={onChange} data-testid="person-filters">
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="q" label={t('persons.filters.name')}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('persons.filters.namePlaceholder')}
              data-testid="person-search-name"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} {...advanced}>
          <Form.Item name="idNumber" label={t('persons.filters.idNumber')}>
            <Input
              allowClear
              placeholder={t('persons.filters.idNumberPlaceholder')}
              data-testid="person-search-id"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} {...advanced}>
          <Form.Item name="phone" label={t('persons.filters.phone')}>
            <Input
              allowClear
              inputMode="tel"
              placeholder={t('persons.filters.phonePlaceholder')}
              data-testid="person-search-phone"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} {...advanced}>
          <Form.Item name="jurisdiction" label={t('persons.filters.jurisdiction')}>
            <JurisdictionTreeSelect<string> data-testid="person-filter-jurisdiction" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} {...advanced}>
          <Form.Item name="keyGroup" label={t('persons.filters.keyGroup')}>
            <Select
              allowClear
              options={keyGroups.options}
              loading={keyGroups.isLoading}
              placeholder={t('persons.filters.keyGroupPlaceholder')}
              data-testid="person-filter-key-group"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={18} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" data-testid="person-search-submit">
                {t('common.search')}
              </Button>
              <Button onClick={() => onChange({})} data-testid="person-search-reset">
                {t('common.reset')}
              </Button>
              {compact && !advancedInUse ? (
                <Button
                  type="link"
                  onClick={() => setExpanded(!expanded)}
                  data-testid="person-filters-toggle"
                >
                  {expanded ? t('persons.filters.less') : t('persons.filters.more')}
                </Button>
              ) : null}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
