import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { addRooms, siteKeys } from './api';

interface Values {
  floors: Array<{ floor: number; from: string; to: string; capacity?: number }>;
}

/** Adds rooms by floor and number range (e.g. floor 3, 301–330), one person each by default (ISO-4). */
export function AddRoomsModal({
  siteId,
  open,
  onClose,
}: {
  siteId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      addRooms(siteId, {
        floors: values.floors.map((f) => ({
          floor: f.floor,
          from: f.from.trim(),
          to: f.to.trim(),
          capacity: f.capacity ?? 1,
        })),
      }),
    onSuccess: (result) => {
      message.success(
        [
          t('isolationSites.rooms.added', { added: result.added }),
          result.skipped.length > 0
            ? t('isolationSites.rooms.skipped', { count: result.skipped.length })
            : '',
        ]
          .filter(Boolean)
          .join('；'),
      );
      void queryClient.invalidateQueries({ queryKey: siteKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('isolationSites.rooms.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('isolationSites.actions.save')}
      cancelText={t('isolationSites.actions.cancel')}
      destroyOnHidden
      okButtonProps={{ ...testId('rooms-save') }}
    >
      <Typography.Paragraph type="secondary">{t('isolationSites.rooms.addHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ floors: [{ floor: 1, from: '101', to: '110', capacity: 1 }] }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.List name="floors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-end" wrap>
                  <Form.Item
                    name={[field.name, 'floor']}
                    label={t('isolationSites.rooms.floorLabel')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber
                      min={-5}
                      max={200}
                      precision={0}
                      style={{ width: 72 }}
                      data-testid="rooms-floor"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'from']}
                    label={t('isolationSites.rooms.from')}
                    rules={[{ required: true, pattern: /^\d{1,8}$/ }]}
                  >
                    <Input inputMode="numeric" maxLength={8} style={{ width: 88 }} data-testid="rooms-from" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'to']}
                    label={t('isolationSites.rooms.to')}
                    rules={[{ required: true, pattern: /^\d{1,8}$/ }]}
                  >
                    <Input inputMode="numeric" maxLength={8} style={{ width: 88 }} data-testid="rooms-to" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'capacity']} label={t('isolationSites.rooms.capacity')}>
                    <InputNumber min={1} max={6} precision={0} style={{ width: 72 }} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Form.Item>
                      <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                    </Form.Item>
                  ) : null}
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const last = form.getFieldValue(['floors', fields.length - 1]) as
                    | Values['floors'][number]
                    | undefined;
                  const floor = (last?.floor ?? 0) + 1;
                  add({ floor, from: String(floor * 100 + 1), to: String(floor * 100 + 10), capacity: 1 });
                }}
              >
                {t('isolationSites.rooms.addFloor')}
              </Button>
            </>
          )}
        </Form.List>
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
      </Form>
    </Modal>
  );
}
