import { useQuery } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { type AuditFilter, auditKeys, fetchAuditVocabulary } from './api';

interface AuditFilterValues {
  action?: string;
  entity?: string;
  entityId?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Whole days in the viewer's zone: from the start of the first to the start of the day after the last. */
function toFilter(values: AuditFilterValues): AuditFilter {
  const [from, to] = values.range ?? [null, null];
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    action: text(values.action),
    entity: text(values.entity),
    entityId: text(values.entityId),
    actor: text(values.actor),
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  const { language } = useLanguage();
  // The filters offer the server's registry in words; the code stays the value sent back.
  const vocabulary = useQuery({ queryKey: auditKeys.vocabulary, queryFn: fetchAuditVocabulary });
  const options = (items: Array<{ code: string; text: { zh: string; en: string } }> = []) =>
    items.map(({ code, text }) => ({ value: code, label: pickText(language, text.zh, text.en) }));
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => onChange(toFilter(values))}
      data-testid="audit-filters"
    >
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="action" label={t('audit.action')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={options(vocabulary.data?.actions)}
              loading={vocabulary.isPending}
              data-testid="audit-filter-action"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="entity" label={t('audit.entity')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={options(vocabulary.data?.entities)}
              loading={vocabulary.isPending}
              data-testid="audit-filter-entity"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="entityId" label={t('audit.entityId')}>
            <Input allowClear data-testid="audit-filter-entity-id" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear data-testid="audit-filter-actor" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16} lg={12}>
          <Form.Item name="range" label={t('audit.dateRange')}>
            <DatePicker.RangePicker style={{ width: '100%' }} data-testid="audit-filter-range" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8} lg={12} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  onChange({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
