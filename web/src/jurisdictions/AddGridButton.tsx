import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { createGrid, type Jurisdiction } from './api';

interface AddGridButtonProps {
  parent: Jurisdiction;
  onCreated: (grid: Jurisdiction) => void;
}

/** Adds a grid (网格) under a village or community; the server numbers it. */
export function AddGridButton({ parent, onCreated }: AddGridButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const mutation = useMutation({
    mutationFn: (name: string) => createGrid(parent.code, name.trim()),
    onSuccess: (grid) => {
      message.success(t('jurisdictions.gridCreated', { name: grid.name }));
      setOpen(false);
      form.resetFields();
      onCreated(grid);
    },
  });
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="add-grid">
        {t('jurisdictions.addGrid')}
      </Button>
      <Modal
        open={open}
        title={t('jurisdictions.addGridTitle', { parent: parent.name })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ ...testId('add-grid-save') }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={({ name }) => mutation.mutate(name)}>
          <Form.Item
            name="name"
            label={t('jurisdictions.gridName')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('fieldErrors.required', { label: t('jurisdictions.gridName') }),
              },
              { max: 60, message: t('fieldErrors.too_long', { label: t('jurisdictions.gridName') }) },
            ]}
          >
            <Input data-testid="grid-name" maxLength={60} />
          </Form.Item>
        </Form>
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      </Modal>
    </>
  );
}
