import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../../common/applyFieldProblems';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { fetchDestinations, fetchOrigins, type TruckReportBody } from '../api';
import { creditCodeRule, mobileRule, pickedRule, plateRule, residentIdRule, textRule } from '../formRules';
import { DivisionCascader } from './DivisionCascader';

interface Values {
  unitName: string;
  unitCreditCode: string;
  plate: string;
  plannedArrivalAt: Dayjs | null;
  jurisdictionCode: string | null;
  originDivisionCode: string | null;
  starred: boolean;
  crew: Array<{ name: string; idNumber: string; phone: string }>;
}

interface TruckReportFormProps {
  saving: boolean;
  /** The last failed submission; its field problems are shown on the fields. */
  error: unknown;
  onSubmit: (body: TruckReportBody) => void;
}

const INITIAL: Values = {
  unitName: '',
  unitCreditCode: '',
  plate: '',
  plannedArrivalAt: null,
  jurisdictionCode: null,
  originDivisionCode: null,
  starred: true,
  crew: [{ name: '', idNumber: '', phone: '' }],
};
const MAX_CREW = 5;
const half = { xs: 24, md: 12 };
/** Crew problems sit on their list item ("crew.1.phone"); unknown codes read after the label. */
const PROBLEM_OPTIONS = { nested: true, labelServerText: true } as const;

/** The truck pre-report (ARR-12), one column on a phone; the public page and staff both use it. */
export function TruckReportForm({ saving, error, onSubmit }: TruckReportFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      unitName: t('trucks.fields.unitName'),
      unitCreditCode: t('trucks.fields.unitCreditCode'),
      plate: t('trucks.fields.plate'),
      plannedArrivalAt: t('trucks.fields.plannedArrivalAt'),
      jurisdictionCode: t('trucks.fields.jurisdictionCode'),
      originDivisionCode: t('trucks.fields.originDivisionCode'),
      starred: t('trucks.fields.starred'),
      crew: t('trucks.fields.crew'),
      name: t('trucks.fields.name'),
      idNumber: t('trucks.fields.idNumber'),
      phone: t('trucks.fields.phone'),
    }),
    [t],
  );
  useEffect(() => {
    setPlaced(error ? applyFieldProblems(form, error, labels, t, language, PROBLEM_OPTIONS) : []);
  }, [error, form, labels, t, language]);
  const planned = Form.useWatch('plannedArrivalAt', form);
  const late = planned ? planned.isBefore(dayjs().add(24, 'hour')) : false;

  const submit = (values: Values) =>
    onSubmit({
      unitName: values.unitName.trim(),
      unitCreditCode: values.unitCreditCode.trim().toUpperCase(),
      plate: values.plate.trim(),
      plannedArrivalAt: values.plannedArrivalAt!.toISOString(),
      jurisdictionCode: values.jurisdictionCode!,
      originDivisionCode: values.originDivisionCode!,
      starred: values.starred,
      crew: values.crew.map((m) => ({
        name: m.name.trim(),
        idNumber: m.idNumber.trim(),
        phone: m.phone.trim(),
      })),
    });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={INITIAL}
      onFinish={submit}
      scrollToFirstError
      requiredMark={false}
      data-testid="truck-form"
    >
      <Typography.Title level={5}>{t('trucks.public.unit')}</Typography.Title>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="unitName" label={labels.unitName} rules={[textRule(t, labels.unitName, 100)]}>
            <Input size="large" maxLength={100} data-testid="truck-unit-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="unitCreditCode"
            label={labels.unitCreditCode}
            rules={[creditCodeRule(t, labels.unitCreditCode)]}
          >
            <Input size="large" maxLength={18} autoCapitalize="characters" data-testid="truck-credit-code" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('trucks.public.truck')}</Typography.Title>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="plate" label={labels.plate} rules={[plateRule(t, labels.plate)]}>
            <Input size="large" maxLength={12} placeholder="蒙D12345" data-testid="truck-plate" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="plannedArrivalAt"
            label={labels.plannedArrivalAt}
            rules={[pickedRule(t, labels.plannedArrivalAt)]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              size="large"
              style={{ width: '100%' }}
              inputReadOnly
              data-testid="truck-planned-arrival"
            />
          </Form.Item>
        </Col>
      </Row>
      {late ? (
        <Alert
          type="error"
          showIcon
          title={t('trucks.public.lateWarning')}
          style={{ marginBottom: 16 }}
          data-testid="truck-late-warning"
        />
      ) : null}
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="jurisdictionCode"
            label={labels.jurisdictionCode}
            rules={[pickedRule(t, labels.jurisdictionCode)]}
          >
            <DivisionCascader
              load={fetchDestinations}
              placeholder={t('trucks.public.destinationPlaceholder')}
              data-testid="truck-destination"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="originDivisionCode"
            label={labels.originDivisionCode}
            rules={[pickedRule(t, labels.originDivisionCode)]}
          >
            <DivisionCascader
              load={fetchOrigins}
              placeholder={t('trucks.public.originPlaceholder')}
              data-testid="truck-origin"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="starred" label={labels.starred}>
        <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="truck-starred">
          <Radio.Button value={true}>{t('trucks.yes')}</Radio.Button>
          <Radio.Button value={false}>{t('trucks.no')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Typography.Title level={5}>{t('trucks.public.crew')}</Typography.Title>
      <Form.List name="crew">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('trucks.public.member', { n: index + 1 })}
                style={{ marginBottom: 12 }}
                extra={
                  fields.length > 1 ? (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      {t('trucks.public.removeCrew')}
                    </Button>
                  ) : null
                }
                data-testid="truck-crew-member"
              >
                <Form.Item
                  name={[field.name, 'name']}
                  label={labels.name}
                  rules={[textRule(t, labels.name, 50)]}
                >
                  <Input size="large" maxLength={50} data-testid="truck-crew-name" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'idNumber']}
                  label={labels.idNumber}
                  rules={[residentIdRule(t, labels.idNumber)]}
                  validateDebounce={300}
                >
                  <Input size="large" maxLength={18} autoComplete="off" data-testid="truck-crew-id" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'phone']}
                  label={labels.phone}
                  rules={[mobileRule(t, labels.phone)]}
                >
                  <Input size="large" inputMode="tel" maxLength={20} data-testid="truck-crew-phone" />
                </Form.Item>
              </Card>
            ))}
            {fields.length < MAX_CREW ? (
              <Button
                block
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', idNumber: '', phone: '' })}
                style={{ marginBottom: 16 }}
                data-testid="truck-crew-add"
              >
                {t('trucks.public.addCrew')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={error} hideFields={placed} />
        </div>
      ) : null}
      <Typography.Paragraph type="secondary">{t('trucks.public.privacy')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" size="large" block loading={saving} data-testid="truck-submit">
        {t('trucks.public.submit')}
      </Button>
    </Form>
  );
}
