import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { fieldMessage } from '../common/fieldMessage';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { createOverride, type OverrideLevel, riskAreaKeys } from './api';
import { AREA_CODE_KEYS } from './fieldCodes';
import { useLevelOptions } from './levels';

interface OverrideValues {
  divisionCode: string;
  name: string;
  treatAs: OverrideLevel;
  validFrom: Dayjs;
  validUntil?: Dayjs | null;
  reason: string;
}

const CODE = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** ARR-9: treats a whole city or region as a high- (or medium-) risk area from a time on. */
export function AddOverrideButton() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const levelOptions = useLevelOptions(['high', 'medium']);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OverrideValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      divisionCode: t('riskAreas.overrides.divisionCode'),
      name: t('riskAreas.overrides.name'),
      treatAs: t('riskAreas.overrides.treatAs'),
      validFrom: t('riskAreas.overrides.validFrom'),
      validUntil: t('riskAreas.overrides.validUntil'),
      reason: t('riskAreas.overrides.reason'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (values: OverrideValues) =>
      createOverride({
        divisionCode: values.divisionCode.trim(),
        name: values.name.trim(),
        treatAs: values.treatAs,
        validFrom: values.validFrom.toISOString(),
        validUntil: values.validUntil ? values.validUntil.toISOString() : null,
        reason: values.reason.trim(),
      }),
    onSuccess: () => {
      message.success(t('riskAreas.overrides.saved'));
      void queryClient.invalidateQueries({ queryKey: riskAreaKeys.all });
      setOpen(false);
      form.resetFields();
    },
  });
  const { error } = mutation;
  useEffect(() => {
    setPlaced(
      error ? applyFieldProblems(form, error, labels, t, language, { codeKeys: AREA_CODE_KEYS }) : [],
    );
  }, [error, form, labels, t, language]);
  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: fieldMessage(t, 'required', label),
  });
  const time = (id: string) => (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: '100%' }}
      data-testid={id}
    />
  );
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setOpen(true)}
        data-testid="risk-override-new"
      >
        {t('riskAreas.overrides.add')}
      </Button>
      <Modal
        open={open}
        title={t('riskAreas.overrides.title')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ ...testId('risk-override-save') }}
        destroyOnHidden
      >
        <Form<OverrideValues>
          form={form}
          layout="vertical"
          initialValues={{ treatAs: 'high' }}
          onFinish={(values) => mutation.mutate(values)}
          data-testid="risk-override-form"
        >
          <Form.Item
            name="divisionCode"
            label={labels.divisionCode}
            extra={t('riskAreas.overrides.divisionCodeHint')}
            rules={[
              required(labels.divisionCode),
              { pattern: CODE, message: fieldMessage(t, 'format', labels.divisionCode) },
            ]}
          >
            <Input inputMode="numeric" maxLength={12} data-testid="risk-override-form-code" />
          </Form.Item>
          <Form.Item name="name" label={labels.name} rules={[required(labels.name)]}>
            <Input maxLength={100} data-testid="risk-override-form-name" />
          </Form.Item>
          <Form.Item name="treatAs" label={labels.treatAs} rules={[required(labels.treatAs)]}>
            <Select options={levelOptions} data-testid="risk-override-form-level" />
          </Form.Item>
          <Form.Item
            name="validFrom"
            label={labels.validFrom}
            rules={[{ required: true, message: fieldMessage(t, 'required', labels.validFrom) }]}
          >
            {time('risk-override-form-from')}
          </Form.Item>
          <Form.Item name="validUntil" label={labels.validUntil}>
            {time('risk-override-form-until')}
          </Form.Item>
          <Form.Item name="reason" label={labels.reason} rules={[required(labels.reason)]}>
            <Input.TextArea
              maxLength={500}
              autoSize={{ minRows: 2 }}
              data-testid="risk-override-form-reason"
            />
          </Form.Item>
        </Form>
        {error ? <ProblemAlert error={error} hideFields={placed} /> : null}
      </Modal>
    </>
  );
}
