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
import { type AreaLevel, createArea, riskAreaKeys } from './api';
import { AREA_CODE_KEYS } from './fieldCodes';
import { useLevelOptions } from './levels';

interface AreaValues {
  level: AreaLevel;
  divisionCode: string;
  areaName?: string;
  publishedAt: Dayjs;
  liftedAt?: Dayjs | null;
  publisher: string;
  sourceUrl?: string;
}

const CODE = /^(\d{6}|\d{9}|\d{12})$/;
const URL = /^https?:\/\/[^\s<>"]+$/;

/** Registers one area published by another region (ZON-5); the same publication again changes nothing. */
export function AddAreaButton() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const levelOptions = useLevelOptions();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AreaValues>();
  const [placed, setPlaced] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      level: t('riskAreas.add.level'),
      divisionCode: t('riskAreas.add.divisionCode'),
      areaName: t('riskAreas.add.areaName'),
      publishedAt: t('riskAreas.add.publishedAt'),
      liftedAt: t('riskAreas.add.liftedAt'),
      publisher: t('riskAreas.add.publisher'),
      sourceUrl: t('riskAreas.add.sourceUrl'),
    }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (values: AreaValues) =>
      createArea({
        level: values.level,
        divisionCode: values.divisionCode.trim(),
        areaName: values.areaName?.trim() || null,
        publishedAt: values.publishedAt.toISOString(),
        liftedAt: values.liftedAt ? values.liftedAt.toISOString() : null,
        publisher: values.publisher.trim(),
        sourceUrl: values.sourceUrl?.trim() || null,
      }),
    onSuccess: (area) => {
      message.success(`${t('riskAreas.add.saved')}${t('common.colon')}${area.areaName}`);
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
  const required = (label: string) => ({ required: true, message: fieldMessage(t, 'required', label) });
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
        data-testid="risk-area-new"
      >
        {t('riskAreas.add.button')}
      </Button>
      <Modal
        open={open}
        title={t('riskAreas.add.title')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ ...testId('risk-area-save') }}
        destroyOnHidden
      >
        <Form<AreaValues>
          form={form}
          layout="vertical"
          onFinish={(v) => mutation.mutate(v)}
          data-testid="risk-area-form"
        >
          <Form.Item name="level" label={labels.level} rules={[required(labels.level)]}>
            <Select options={levelOptions} data-testid="risk-area-form-level" />
          </Form.Item>
          <Form.Item
            name="divisionCode"
            label={labels.divisionCode}
            extra={t('riskAreas.add.divisionCodeHint')}
            rules={[
              required(labels.divisionCode),
              {
                pattern: CODE,
                message: t('riskAreas.fieldErrors.division_code_format', { label: labels.divisionCode }),
              },
            ]}
          >
            <Input inputMode="numeric" maxLength={12} data-testid="risk-area-form-code" />
          </Form.Item>
          <Form.Item name="areaName" label={labels.areaName} extra={t('riskAreas.add.areaNameHint')}>
            <Input maxLength={200} data-testid="risk-area-form-name" />
          </Form.Item>
          <Form.Item name="publishedAt" label={labels.publishedAt} rules={[required(labels.publishedAt)]}>
            {time('risk-area-form-published')}
          </Form.Item>
          <Form.Item name="liftedAt" label={labels.liftedAt}>
            {time('risk-area-form-lifted')}
          </Form.Item>
          <Form.Item
            name="publisher"
            label={labels.publisher}
            rules={[
              required(labels.publisher),
              { max: 100, message: fieldMessage(t, 'too_long', labels.publisher) },
            ]}
          >
            <Input maxLength={100} data-testid="risk-area-form-publisher" />
          </Form.Item>
          <Form.Item
            name="sourceUrl"
            label={labels.sourceUrl}
            rules={[{ pattern: URL, message: fieldMessage(t, 'format', labels.sourceUrl) }]}
          >
            <Input maxLength={500} inputMode="url" data-testid="risk-area-form-url" />
          </Form.Item>
        </Form>
        {error ? <ProblemAlert error={error} hideFields={placed} /> : null}
      </Modal>
    </>
  );
}
