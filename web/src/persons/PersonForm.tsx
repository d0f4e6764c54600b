import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { ID_TYPES, type PersonBody } from './api';
import {
  birthDateRule,
  derivedFromId,
  idNumberRule,
  phoneRule,
  requiredRule,
  sexRule,
  TEXT_LIMITS,
  textRule,
} from './formRules';
import { type PersonFormValues, toPersonBody } from './formValues';
import { SaveProblem } from './SaveProblem';
import { useKeyGroups } from './useKeyGroups';
import { usePersonLabels } from './usePersonLabels';
import { todayInServerZone } from './validation/today';

interface PersonFormProps {
  initialValues: PersonFormValues;
  saving: boolean;
  /** The last failed save, if any; its field problems are shown on the fields. */
  error: unknown;
  onSubmit: (body: PersonBody) => void;
  onCancel?: () => void;
  onReload?: () => void;
  /** When editing without the clear values: the masked ones, shown as hints to type them again. */
  masked?: { idNumber: string; phone: string | null };
  /**
   * The server did not send the birth date (a role without the unmask permission): it can be
   * changed only together with the full ID number, as the API requires.
   */
  birthDateHidden?: boolean;
}

const full = { xs: 24, md: 12 };

/** Registers or edits a person, validating as the API does (same rules, same messages). */
export function PersonForm({
  initialValues,
  saving,
  error,
  onSubmit,
  onCancel,
  onReload,
  masked,
  birthDateHidden = false,
}: PersonFormProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<PersonFormValues>();
  const labels = usePersonLabels();
  const keyGroups = useKeyGroups();
  const [placedFields, setPlacedFields] = useState<string[]>([]);
  const typedIdNumber = Form.useWatch('idNumber', form) ?? '';
  const birthDateLocked = birthDateHidden && typedIdNumber.trim() === '';

  useEffect(() => {
    setPlacedFields(error ? applyFieldProblems(form, error, labels, t, language) : []);
  }, [error, form, labels, t, language]);

  const idType = () => form.getFieldValue('idType') ?? 'resident_id';
  const derived = () => derivedFromId(idType(), form.getFieldValue('idNumber'));
  const idTypeOptions = useMemo(
    () => ID_TYPES.map((value) => ({ value, label: t(`persons.idTypes.${value}`) })),
    [t],
  );

  // A valid resident ID number states sex and birth date (GB 11643): fill them in.
  const onValuesChange = (changed: Partial<PersonFormValues>) => {
    if (!('idNumber' in changed) && !('idType' in changed)) return;
    const { sex, birthDate } = derived();
    if (sex && birthDate) form.setFieldsValue({ sex, birthDate: dayjs(birthDate) });
  };

  return (
    <Form<PersonFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={(values) => onSubmit(toPersonBody(values, Boolean(masked)))}
      scrollToFirstError
      data-testid="person-form"
    >
      {masked ? (
        <Alert
          type="info"
          showIcon
          title={t('persons.reenterContact')}
          style={{ marginBottom: 16 }}
          data-testid="person-reenter-hint"
        />
      ) : null}
      <Row gutter={16}>
        <Col {...full}>
          <Form.Item
            name="name"
            label={labels.name}
            required
            rules={[textRule(t, labels.name, 'name', true)]}
          >
            <Input maxLength={TEXT_LIMITS.name} data-testid="person-form-name" />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item name="idType" label={labels.idType} required>
            <Select options={idTypeOptions} data-testid="person-form-id-type" />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item
            name="idNumber"
            label={labels.idNumber}
            required={!masked}
            dependencies={['idType']}
            validateDebounce={300}
            rules={[idNumberRule(t, labels.idNumber, idType, Boolean(masked))]}
          >
            <Input
              maxLength={30}
              autoComplete="off"
              placeholder={masked?.idNumber}
              data-testid="person-form-id-number"
            />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item name="phone" label={labels.phone} rules={[phoneRule(t, labels.phone)]}>
            <Input
              inputMode="tel"
              maxLength={20}
              placeholder={masked?.phone ?? undefined}
              data-testid="person-form-phone"
            />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item
            name="sex"
            label={labels.sex}
            dependencies={['idNumber', 'idType']}
            rules={[sexRule(t, labels.sex, derived)]}
          >
            <Select
              allowClear
              options={[
                { value: 'male', label: t('persons.sex.male') },
                { value: 'female', label: t('persons.sex.female') },
              ]}
              data-testid="person-form-sex"
            />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item
            name="birthDate"
            label={labels.birthDate}
            dependencies={['idNumber', 'idType']}
            rules={[birthDateRule(t, labels.birthDate, derived)]}
            extra={birthDateLocked ? t('persons.birthDateLocked') : undefined}
          >
            <DatePicker
              disabled={birthDateLocked}
              style={{ width: '100%' }}
              disabledDate={(date) => date.format('YYYY-MM-DD') > todayInServerZone()}
              data-testid="person-form-birth-date"
            />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item
            name="jurisdictionCode"
            label={labels.jurisdictionCode}
            required
            rules={[requiredRule(t, labels.jurisdictionCode)]}
          >
            <JurisdictionTreeSelect<string> data-testid="person-form-jurisdiction" />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item
            name="householdCode"
            label={labels.householdCode}
            rules={[textRule(t, labels.householdCode, 'householdCode', false)]}
          >
            <Input maxLength={TEXT_LIMITS.householdCode} data-testid="person-form-household-code" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="address"
            label={labels.address}
            rules={[textRule(t, labels.address, 'address', false)]}
          >
            <Input maxLength={TEXT_LIMITS.address} data-testid="person-form-address" />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item
            name="employer"
            label={labels.employer}
            rules={[textRule(t, labels.employer, 'employer', false)]}
          >
            <Input maxLength={TEXT_LIMITS.employer} data-testid="person-form-employer" />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item name="keyGroups" label={labels.keyGroups}>
            <Select
              mode="multiple"
              allowClear
              options={keyGroups.options}
              loading={keyGroups.isLoading}
              data-testid="person-form-key-groups"
            />
          </Form.Item>
        </Col>
      </Row>
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <SaveProblem error={error} placedFields={placedFields} onReload={onReload} />
        </div>
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="person-save">
          {t('common.save')}
        </Button>
        {onCancel ? (
          <Button onClick={onCancel} data-testid="person-cancel">
            {t('common.cancel')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}
