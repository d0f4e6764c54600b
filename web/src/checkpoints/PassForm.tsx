import {
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { idNumberRule, phoneRule, requiredRule } from '../persons/formRules';
import { HEALTH_CODES, type HealthCode, type PassBody } from './api';

export interface PassValues {
  name: string;
  idNumber: string;
  phone?: string;
  healthCode: HealthCode;
  temperature: number;
  origin: 'domestic' | 'overseas';
  originDivisionCode?: string;
  originName?: string;
  originCountry?: string;
  natAt?: Dayjs | null;
  destinationCode: string;
  plate?: string;
  direction?: 'in' | 'out' | null;
  itineraryShown?: boolean;
  itineraryPlaces?: string[];
  registerEveryArrival: boolean;
}

export const PASS_DEFAULTS: Partial<PassValues> = {
  healthCode: 'green',
  origin: 'domestic',
  direction: 'in',
  itineraryShown: true,
  registerEveryArrival: false,
};

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function toPassBody(id: string, values: PassValues): PassBody {
  return {
    id,
    name: values.name.trim(),
    idNumber: values.idNumber.trim().toUpperCase(),
    phone: blank(values.phone),
    healthCode: values.healthCode,
    temperature: values.temperature,
    origin: values.origin,
    originDivisionCode: values.origin === 'domestic' ? blank(values.originDivisionCode) : null,
    originName: blank(values.originName),
    originCountry: values.origin === 'overseas' ? blank(values.originCountry) : null,
    natAt: values.natAt ? values.natAt.toISOString() : null,
    destinationCode: values.destinationCode,
    plate: blank(values.plate),
    direction: values.direction ?? null,
    itineraryShown: values.itineraryShown ?? null,
    itineraryPlaces: values.itineraryShown
      ? (values.itineraryPlaces ?? []).map((p) => p.trim()).filter(Boolean)
      : [],
    registerEveryArrival: values.registerEveryArrival,
  };
}

const CODE_COLORS: Record<HealthCode, string> = { green: '#389e0d', yellow: '#d4b106', red: '#cf1322' };

/** The one-screen log of a traveller (HC-3): big touch targets, the ID number checked as typed. */
export function PassForm({
  form,
  saving,
  onSubmit,
  natWithinHours,
}: {
  form: ReturnType<typeof Form.useForm<PassValues>>[0];
  saving: boolean;
  /** HC-3: the checkpoint's NAT window, said under the sampling time. */
  natWithinHours?: number | undefined;
  onSubmit: (values: PassValues) => void;
}) {
  const { t } = useTranslation();
  const origin = Form.useWatch('origin', form);
  const itineraryShown = Form.useWatch('itineraryShown', form);
  const labels = {
    name: t('checkpoints.pass.name'),
    idNumber: t('checkpoints.pass.idNumber'),
    phone: t('checkpoints.pass.phone'),
    temperature: t('checkpoints.pass.temperature'),
    destinationCode: t('checkpoints.pass.destination'),
  };
  return (
    <Form<PassValues>
      form={form}
      layout="vertical"
      initialValues={PASS_DEFAULTS}
      onFinish={onSubmit}
      data-testid="pass-form"
    >
      <Row gutter={12}>
        <Col xs={24}>
          <Form.Item name="direction" label={t('checkpoints.pass.direction')}>
            <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="pass-direction">
              <Radio.Button value="in" data-testid="pass-direction-in">
                {t('checkpoints.pass.directions.in')}
              </Radio.Button>
              <Radio.Button value="out" data-testid="pass-direction-out">
                {t('checkpoints.pass.directions.out')}
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="idNumber"
            label={labels.idNumber}
            rules={[idNumberRule(t, labels.idNumber, () => 'resident_id')]}
          >
            <Input
              inputMode="text"
              autoComplete="off"
              maxLength={18}
              size="large"
              data-testid="pass-id-number"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={labels.name} rules={[requiredRule(t, labels.name), { max: 50 }]}>
            <Input size="large" maxLength={50} data-testid="pass-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="healthCode" label={t('checkpoints.pass.healthCode')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="pass-health-code">
              {HEALTH_CODES.map((code) => (
                <Radio.Button key={code} value={code} data-testid={`pass-code-${code}`}>
                  {/* A coloured dot, legible on the selected (solid) button as on the others. */}
                  <span style={{ color: CODE_COLORS[code], marginRight: 4 }}>●</span>
                  {t(`checkpoints.pass.codes.${code}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="temperature"
            label={labels.temperature}
            extra={<Typography.Text type="secondary">{t('checkpoints.pass.feverHint')}</Typography.Text>}
            rules={[requiredRule(t, labels.temperature), { type: 'number', min: 30, max: 45 }]}
          >
            <InputNumber
              inputMode="decimal"
              step={0.1}
              precision={1}
              size="large"
              style={{ width: '100%' }}
              data-testid="pass-temperature"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="origin" label={t('checkpoints.pass.origin')}>
            <Radio.Group optionType="button" size="large" data-testid="pass-origin">
              <Radio.Button value="domestic">{t('checkpoints.pass.domestic')}</Radio.Button>
              <Radio.Button value="overseas">{t('checkpoints.pass.overseas')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Col>
        {origin === 'overseas' ? (
          <Col xs={24} sm={12}>
            <Form.Item name="originCountry" label={t('checkpoints.pass.originCountry')} rules={[{ max: 60 }]}>
              <Input size="large" data-testid="pass-origin-country" />
            </Form.Item>
          </Col>
        ) : (
          <>
            <Col xs={12} sm={6}>
              <Form.Item
                name="originDivisionCode"
                label={t('checkpoints.pass.originDivisionCode')}
                tooltip={t('checkpoints.pass.originDivisionHint')}
                dependencies={['originName']}
                rules={[
                  { pattern: /^\d{6}(\d{3}){0,2}$/, message: t('checkpoints.pass.originDivisionHint') },
                  ({ getFieldValue }) => ({
                    // The server's rule: a domestic origin is named by code or by name.
                    validator: (_rule, value?: string) =>
                      value?.trim() || String(getFieldValue('originName') ?? '').trim()
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('checkpoints.pass.originMissing'))),
                  }),
                ]}
              >
                <Input inputMode="numeric" maxLength={12} size="large" data-testid="pass-origin-code" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="originName" label={t('checkpoints.pass.originName')} rules={[{ max: 100 }]}>
                <Input size="large" data-testid="pass-origin-name" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} sm={12}>
          <Form.Item
            name="destinationCode"
            label={labels.destinationCode}
            rules={[requiredRule(t, labels.destinationCode)]}
          >
            <JurisdictionTreeSelect<string> data-testid="pass-destination" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            name="natAt"
            label={t('checkpoints.pass.natAt')}
            extra={
              natWithinHours ? (
                <Typography.Text type="secondary">
                  {t('checkpoints.pass.natWithin', { hours: natWithinHours })}
                </Typography.Text>
              ) : undefined
            }
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="pass-nat-at"
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            name="itineraryShown"
            label={t('checkpoints.pass.itineraryShown')}
            valuePropName="checked"
          >
            <Switch data-testid="pass-itinerary-shown" />
          </Form.Item>
        </Col>
        {itineraryShown ? (
          <Col xs={24} sm={12}>
            <Form.Item
              name="itineraryPlaces"
              label={t('checkpoints.pass.itineraryPlaces')}
              tooltip={t('checkpoints.pass.itineraryPlacesHint')}
            >
              <Select
                mode="tags"
                open={false}
                maxCount={20}
                tokenSeparators={[',', '，', '、']}
                placeholder={t('checkpoints.pass.itineraryPlacesHint')}
                data-testid="pass-itinerary-places"
              />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={12} sm={6}>
          <Form.Item name="phone" label={labels.phone} rules={[phoneRule(t, labels.phone)]}>
            <Input inputMode="tel" maxLength={20} data-testid="pass-phone" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="plate" label={t('checkpoints.pass.plate')} rules={[{ max: 12 }]}>
            <Input maxLength={12} data-testid="pass-plate" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            name="registerEveryArrival"
            label={t('checkpoints.pass.registerEveryArrival')}
            valuePropName="checked"
          >
            <Switch data-testid="pass-register-all" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" size="large" block loading={saving} data-testid="pass-submit">
        {t('checkpoints.pass.submit')}
      </Button>
    </Form>
  );
}
