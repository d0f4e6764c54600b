import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Grid, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import {
  createLab,
  INSTRUMENT_HOURS_PER_DAY,
  LAB_KINDS,
  type Lab,
  type LabFields,
  labKeys,
  updateLab,
} from './api';

type FormValues = LabFields & { jurisdictionCode?: string };

interface LabFormDrawerProps {
  /** A lab to edit, 'new' to register one, null when closed. */
  lab: Lab | 'new' | null;
  defaultJurisdiction: string | undefined;
  onClose: () => void;
}

const FIELDS = [
  'jurisdictionCode',
  'name',
  'kind',
  'instruments',
  'tubesPerInstrumentHour',
  'reagentPhysicalTests',
  'reagentContractedTests',
  'active',
] as const;

/** Registers or edits a lab; shows the TST-9 daily capacity as the figures are typed. */
export function LabFormDrawer({ lab, defaultJurisdiction, onClose }: LabFormDrawerProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  const instruments = Form.useWatch('instruments', form) ?? 0;
  const perHour = Form.useWatch('tubesPerInstrumentHour', form) ?? 0;
  const editing = lab !== null && lab !== 'new' ? lab : null;

  useEffect(() => {
    if (lab === null) return;
    form.resetFields();
    setPlaced([]);
    form.setFieldsValue(
      lab === 'new'
        ? {
            jurisdictionCode: defaultJurisdiction,
            kind: 'cdc',
            instruments: 1,
            tubesPerInstrumentHour: 90,
            reagentPhysicalTests: 0,
            reagentContractedTests: 0,
            active: true,
          }
        : lab,
    );
  }, [form, lab, defaultJurisdiction]);

  const save = useMutation({
    mutationFn: ({ jurisdictionCode, ...fields }: FormValues) => {
      const body: LabFields = {
        name: fields.name,
        kind: fields.kind,
        instruments: fields.instruments,
        tubesPerInstrumentHour: fields.tubesPerInstrumentHour,
        reagentPhysicalTests: fields.reagentPhysicalTests,
        reagentContractedTests: fields.reagentContractedTests,
        active: fields.active,
      };
      return editing
        ? updateLab(editing.id, { ...body, version: editing.version })
        : createLab({ ...body, jurisdictionCode: jurisdictionCode ?? '' });
    },
    onSuccess: () => {
      message.success(t('labs.form.saved'));
      void queryClient.invalidateQueries({ queryKey: labKeys.all });
      onClose();
    },
    onError: (error) => {
      const labels = Object.fromEntries(FIELDS.map((field) => [field, t(`labs.form.${field}`)]));
      setPlaced(applyFieldProblems(form, error, labels, t, language));
    },
  });

  const number = (name: keyof FormValues, max: number) => (
    <Form.Item name={name} label={t(`labs.form.${name}`)} rules={[{ required: true }]}>
      <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} data-testid={`lab-${name}`} />
    </Form.Item>
  );

  return (
    <Drawer
      open={lab !== null}
      onClose={onClose}
      size={screens.md ? 480 : '100%'}
      title={editing ? t('labs.form.editTitle') : t('labs.form.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('labs.form.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            {...testId('lab-save')}
          >
            {t('labs.form.save')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        data-testid="lab-form"
      >
        {editing ? null : (
          <Form.Item
            name="jurisdictionCode"
            label={t('labs.form.jurisdictionCode')}
            rules={[{ required: true }]}
          >
            <JurisdictionTreeSelect<string> data-testid="lab-jurisdiction" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('labs.form.name')}
          rules={[{ required: true, max: 100, whitespace: true }]}
        >
          <Input data-testid="lab-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('labs.form.kind')} rules={[{ required: true }]}>
          <Select
            options={LAB_KINDS.map((kind) => ({ value: kind, label: t(`labs.kinds.${kind}`) }))}
            data-testid="lab-kind"
          />
        </Form.Item>
        {number('instruments', 10_000)}
        {number('tubesPerInstrumentHour', 10_000)}
        <Typography.Paragraph type="secondary" data-testid="lab-form-capacity">
          {t('labs.form.capacity', {
            tubes: (instruments * perHour * INSTRUMENT_HOURS_PER_DAY).toLocaleString(language),
            instruments,
            perHour,
          })}
        </Typography.Paragraph>
        {number('reagentPhysicalTests', 100_000_000)}
        {number('reagentContractedTests', 100_000_000)}
        <Form.Item name="active" label={t('labs.form.active')} valuePropName="checked">
          <Switch data-testid="lab-active" />
        </Form.Item>
        {save.error ? <ProblemAlert error={save.error} hideFields={placed} /> : null}
      </Form>
    </Drawer>
  );
}
