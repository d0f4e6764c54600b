import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fieldMessage } from '../common/fieldMessage';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { ArrivalTable } from './ArrivalTable';
import { arrivalKeys, fetchLookback } from './api';

interface LookbackValues {
  divisionCode: string;
  publishedAt: Dayjs | null;
}

const DIVISION_CODE = /^\d{6}(\d{3}){0,2}$/;

/**
 * ARR-7: a newly published risk area → the people who left it for here in the 14 days before. The
 * query lives in the address bar so the risk-area pages can link straight to it.
 */
export default function LookbackPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<LookbackValues>();
  const [params, setParams] = useSearchParams();
  const divisionCode = params.get('divisionCode') ?? '';
  const publishedAt = params.get('publishedAt') ?? '';
  const ready = DIVISION_CODE.test(divisionCode) && !Number.isNaN(Date.parse(publishedAt));
  const query = useQuery({
    queryKey: arrivalKeys.lookback(divisionCode, publishedAt),
    queryFn: () => fetchLookback(divisionCode, publishedAt),
    enabled: ready,
  });

  useEffect(() => {
    form.setFieldsValue({ divisionCode, publishedAt: publishedAt ? dayjs(publishedAt) : null });
  }, [form, divisionCode, publishedAt]);

  const codeLabel = t('arrivals.lookback.divisionCode');
  const timeLabel = t('arrivals.lookback.publishedAt');
  return (
    <>
      <Flex style={{ marginBottom: 12 }}>
        <Link to="/arrivals">{t('arrivals.backToList')}</Link>
      </Flex>
      <Typography.Title level={3} className="page-title">
        {t('arrivals.lookback.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('arrivals.lookback.hint')} style={{ marginBottom: 16 }} />
      <Card style={{ marginBottom: 16 }}>
        <Form<LookbackValues>
          form={form}
          layout="vertical"
          data-testid="lookback-form"
          onFinish={(values) =>
            setParams({
              divisionCode: values.divisionCode.trim(),
              publishedAt: values.publishedAt?.toISOString() ?? '',
            })
          }
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item
                name="divisionCode"
                label={codeLabel}
                required
                extra={t('arrivals.form.originDivisionCodeHint')}
                rules={[
                  {
                    validator: (_rule, value: string | undefined) =>
                      DIVISION_CODE.test(value?.trim() ?? '')
                        ? Promise.resolve()
                        : Promise.reject(
                            new Error(
                              value?.trim()
                                ? t('arrivals.form.errors.originCode', { label: codeLabel })
                                : fieldMessage(t, 'required', codeLabel),
                            ),
                          ),
                  },
                ]}
              >
                <Input inputMode="numeric" maxLength={12} data-testid="lookback-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="publishedAt"
                label={timeLabel}
                required
                rules={[{ required: true, message: fieldMessage(t, 'required', timeLabel) }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  data-testid="lookback-published-at"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} style={{ display: 'flex', alignItems: 'flex-end' }}>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={query.isFetching}
                  data-testid="lookback-submit"
                >
                  {t('arrivals.lookback.submit')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.data ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="lookback-window">
            {t('arrivals.lookback.window', {
              from: formatDateTime(query.data.from, language),
              to: formatDateTime(query.data.to, language),
            })}{' '}
            · {t('arrivals.lookback.count', { count: query.data.items.length })}
          </Typography.Paragraph>
          <ArrivalTable
            items={query.data.items}
            loading={query.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            testId="lookback-table"
          />
        </>
      ) : null}
    </>
  );
}
