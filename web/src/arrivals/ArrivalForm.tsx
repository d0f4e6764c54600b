import {
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { idNumberRule, phoneRule, requiredRule, textRule } from '../persons/formRules';
import type { ArrivalBody } from './api';
import { ARRIVAL_PROBLEMS } from './fieldProblems';
import { arrivedAtRule, beforeArrivalRule, optionalTextRule, originCodeRule } from './formRules';
import { type ArrivalFormValues, toArrivalBody } from './formValues';
import { useArrivalLabels } from './useArrivalLabels';

interface ArrivalFormProps {
  initialValues: ArrivalFormValues;
  saving: boolean;
  error: unknown;
  onSubmit: (body: ArrivalBody) => void;
  onCancel: () => void;
}

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };
const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** Registers an arrival by hand (ARR-15); the server plans it with the pack in force (ARR-1 … ARR-10). */
export function ArrivalForm({ initialValues, saving, error, onSubmit, onCancel }: ArrivalFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<ArrivalFormValues>();
  const labels = useArrivalLabels();
  const overseas = Form.useWatch('origin', form) === 'overseas';
  const [placedFields, setPlacedFields] = useState<string[]>([]);
  useEffect(() => {
    setPlacedFields(error ? applyFieldProblems(form, error, labels, t, language, ARRIVAL_PROBLEMS) : []);
  }, [error, form, labels, t, language]);

  const yesNo = (
    <Radio.Group
      optionType="button"
      options={[
        { value: 'yes', label: t('arrivals.form.yes') },
        { value: 'no', label: t('arrivals.form.no') },
      ]}
    />
  );
  const time = (testId: string) => (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format={TIME_FORMAT}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );

  return (
    <Form<ArrivalFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => onSubmit(toArrivalBody(values))}
      scrollToFirstError
      data-testid="arrival-form"
    >
      <Divider titlePlacement="start">{t('arrivals.form.sections.person')}</Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item
            name="name"
            label={labels.name}
            required
            rules={[textRule(t, labels.name, 'name', true)]}
          >
            <Input maxLength={50} data-testid="arrival-form-name" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="idNumber"
            label={labels.idNumber}
            required
            validateDebounce={300}
            rules={[idNumberRule(t, labels.idNumber, () => 'resident_id')]}
          >
            <Input maxLength={30} autoComplete="off" data-testid="arrival-form-id-number" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="phone" label={labels.phone} rules={[phoneRule(t, labels.phone)]}>
            <Input inputMode="tel" maxLength={20} data-testid="arrival-form-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('arrivals.form.sections.trip')}</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="jurisdictionCode"
            label={labels.jurisdictionCode}
            required
            rules={[requiredRule(t, labels.jurisdictionCode)]}
          >
            <JurisdictionTreeSelect<string> data-testid="arrival-form-jurisdiction" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="origin" label={labels.origin} required>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'domestic', label: t('arrivals.domestic') },
                { value: 'overseas', label: t('arrivals.overseas') },
              ]}
              data-testid="arrival-form-origin"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="originDivisionCode"
            label={labels.originDivisionCode}
            required={!overseas}
            dependencies={['origin']}
            extra={t('arrivals.form.originDivisionCodeHint')}
            rules={[originCodeRule(t, labels.originDivisionCode, form)]}
          >
            <Input inputMode="numeric" maxLength={12} data-testid="arrival-form-origin-code" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="originName"
            label={labels.originName}
            rules={[optionalTextRule(t, labels.originName, 100)]}
          >
            <Input maxLength={100} data-testid="arrival-form-origin-name" />
          </Form.Item>
        </Col>
        {overseas ? (
          <Col {...half}>
            <Form.Item
              name="originCountry"
              label={labels.originCountry}
              rules={[optionalTextRule(t, labels.originCountry, 60)]}
            >
              <Input maxLength={60} data-testid="arrival-form-origin-country" />
            </Form.Item>
          </Col>
        ) : null}
        <Col {...half}>
          <Form.Item
            name="leftOriginAt"
            label={labels.leftOriginAt}
            dependencies={['arrivedAt']}
            rules={[beforeArrivalRule(t, labels.leftOriginAt, form)]}
          >
            {time('arrival-form-left-at')}
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="arrivedAt"
            label={labels.arrivedAt}
            required
            rules={[arrivedAtRule(t, labels.arrivedAt)]}
          >
            {time('arrival-form-arrived-at')}
          </Form.Item>
        </Col>
        {overseas ? (
          <>
            <Col {...half}>
              <Form.Item
                name="enteredAt"
                label={labels.enteredAt}
                dependencies={['arrivedAt']}
                rules={[beforeArrivalRule(t, labels.enteredAt, form)]}
              >
                {time('arrival-form-entered-at')}
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="portIsolationDays" label={labels.portIsolationDays}>
                <InputNumber
                  min={0}
                  max={60}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="arrival-form-port-days"
                />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
      <Divider titlePlacement="start">{t('arrivals.form.sections.conditions')}</Divider>
      <Row gutter={16}>
        <Col span={24}>
          <Space wrap size={[16, 8]} style={{ marginBottom: 16 }}>
            <Form.Item name="contact" valuePropName="checked" noStyle>
              <Checkbox data-testid="arrival-form-contact">{labels.contact}</Checkbox>
            </Form.Item>
            <Form.Item name="returnee" valuePropName="checked" noStyle>
              <Checkbox data-testid="arrival-form-returnee">{labels.returnee}</Checkbox>
            </Form.Item>
            <Form.Item name="truckCrew" valuePropName="checked" noStyle>
              <Checkbox data-testid="arrival-form-truck-crew">{labels.truckCrew}</Checkbox>
            </Form.Item>
          </Space>
        </Col>
        <Col {...third}>
          <Form.Item
            name="homeIsolationConditions"
            label={labels.homeIsolationConditions}
            data-testid="arrival-form-home"
          >
            {yesNo}
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="greenHealthCode"
            label={labels.greenHealthCode}
            data-testid="arrival-form-green-code"
          >
            {yesNo}
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="negativeNatAt"
            label={labels.negativeNatAt}
            dependencies={['arrivedAt']}
            rules={[beforeArrivalRule(t, labels.negativeNatAt, form)]}
          >
            {time('arrival-form-nat-at')}
          </Form.Item>
        </Col>
      </Row>
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={error} hideFields={placedFields} />
        </div>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="arrival-save">
          {t('arrivals.form.submit')}
        </Button>
        <Button onClick={onCancel} data-testid="arrival-cancel">
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
