import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, List, Row, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from '../common/fieldMessage';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { classifyOrigin } from './api';
import { LevelTag } from './levels';

interface ClassifyValues {
  code: string;
  at?: Dayjs | null;
}

const CODE = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** ARR-7 / ARR-9: an origin's risk as it stood when the person was there. */
export function ClassifyPanel() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<ClassifyValues>();
  const query = useMutation({
    mutationFn: (values: ClassifyValues) => classifyOrigin(values.code.trim(), values.at?.toISOString()),
  });
  const result = query.data;
  const none = <Typography.Text type="secondary">{t('riskAreas.classify.none')}</Typography.Text>;
  const codeLabel = t('riskAreas.classify.code');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('riskAreas.classify.intro')}
      </Typography.Paragraph>
      <Form<ClassifyValues>
        form={form}
        layout="vertical"
        onFinish={(v) => query.mutate(v)}
        data-testid="risk-classify-form"
      >
        <Row gutter={12} align="bottom">
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={codeLabel}
              rules={[
                { required: true, message: fieldMessage(t, 'required', codeLabel) },
                { pattern: CODE, message: fieldMessage(t, 'format', codeLabel) },
              ]}
            >
              <Input inputMode="numeric" maxLength={12} data-testid="risk-classify-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="at" label={t('riskAreas.classify.at')} extra={t('riskAreas.classify.atHint')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="risk-classify-at"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={query.isPending}
                data-testid="risk-classify-submit"
              >
                {t('riskAreas.classify.submit')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {result ? (
        <Card data-testid="risk-classify-result">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={codeLabel}>{result.code}</Descriptions.Item>
            <Descriptions.Item label={t('riskAreas.classify.at')}>
              {formatDateTime(result.at, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('riskAreas.classify.originRisk')}>
              <span data-testid="risk-classify-origin">
                {result.originRisk ? <LevelTag level={result.originRisk} /> : none}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('riskAreas.classify.districtRisk')}>
              <span data-testid="risk-classify-district">
                {result.originDistrictRisk ? <LevelTag level={result.originDistrictRisk} /> : none}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {result.overrides.length > 0 ? (
            <List
              size="small"
              header={t('riskAreas.classify.overrides')}
              dataSource={result.overrides}
              renderItem={(o) => (
                <List.Item>
                  <LevelTag level={o.treatAs} /> {o.name}
                  {t('common.inParens', { text: o.divisionPrefix })}
                </List.Item>
              )}
            />
          ) : null}
          {result.areas.length > 0 ? (
            <List
              size="small"
              header={t('riskAreas.classify.areas')}
              dataSource={result.areas}
              renderItem={(a) => (
                <List.Item data-testid="risk-classify-area">
                  <LevelTag level={a.level} /> {a.areaName}
                  {t('common.inParens', { text: a.divisionCode })} · {t(`riskAreas.classify.${a.relation}`)}
                </List.Item>
              )}
            />
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
