import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Result,
  Row,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { checkBoarding } from './api';

interface Values {
  confirmed: boolean;
  suspected: boolean;
  closeContact: boolean;
  fever: boolean;
  temperatureC: number | null;
  negativeNatAt: Dayjs | null;
  boardingAt: Dayjs;
}

const FLAGS = ['confirmed', 'suspected', 'closeContact', 'fever'] as const;
const half = { xs: 24, md: 12 };

/** Checkpoint staff check a traveller before boarding (ARR-13); nothing is stored. */
export default function BoardingCheckPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      checkBoarding({
        confirmed: v.confirmed,
        suspected: v.suspected,
        closeContact: v.closeContact,
        fever: v.fever,
        temperatureC: v.temperatureC ?? null,
        negativeNatAt: v.negativeNatAt ? v.negativeNatAt.toISOString() : null,
        boardingAt: v.boardingAt.toISOString(),
      }),
  });
  const result = mutation.data;
  return (
    <Card
      title={
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('boarding.title')}
        </Typography.Title>
      }
      style={{ maxWidth: 760 }}
    >
      <Typography.Paragraph type="secondary">{t('boarding.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          confirmed: false,
          suspected: false,
          closeContact: false,
          fever: false,
          temperatureC: null,
          negativeNatAt: null,
          boardingAt: dayjs(),
        }}
        onValuesChange={() => mutation.reset()}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Row gutter={16}>
          {FLAGS.map((flag) => (
            <Col xs={12} md={6} key={flag}>
              <Form.Item name={flag} valuePropName="checked">
                <Checkbox data-testid={`boarding-${flag}`}>{t(`boarding.${flag}`)}</Checkbox>
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="temperatureC"
              label={t('boarding.temperatureC')}
              extra={t('boarding.temperatureHint')}
            >
              <InputNumber
                min={30}
                max={45}
                step={0.1}
                style={{ width: '100%' }}
                data-testid="boarding-temperature"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="boardingAt" label={t('boarding.boardingAt')} rules={[{ required: true }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="negativeNatAt" label={t('boarding.negativeNatAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                placeholder={t('boarding.noNat')}
                style={{ width: '100%' }}
                data-testid="boarding-nat"
              />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={mutation.isPending}
          data-testid="boarding-check"
        >
          {t('boarding.check')}
        </Button>
      </Form>
      {mutation.error ? (
        <div style={{ marginTop: 16 }}>
          <ProblemAlert error={mutation.error} />
        </div>
      ) : null}
      {result ? (
        <Result
          status={result.allowed ? 'success' : 'error'}
          title={result.allowed ? t('boarding.allowed') : t('boarding.refused')}
          subTitle={
            result.natValidUntil
              ? t('boarding.validUntil', { time: formatDateTime(result.natValidUntil, language) })
              : undefined
          }
          data-testid={result.allowed ? 'boarding-allowed' : 'boarding-refused'}
        >
          {result.reasons.length > 0 ? (
            <ul data-testid="boarding-reasons">
              {result.reasons.map((r) => (
                <li key={r.code}>
                  {pickText(language, r.zh, r.en)} <Tag style={{ fontSize: 11 }}>{r.rule}</Tag>
                </li>
              ))}
            </ul>
          ) : null}
        </Result>
      ) : null}
    </Card>
  );
}
