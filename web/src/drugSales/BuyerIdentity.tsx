import { useMutation } from '@tanstack/react-query';
import { Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { type Sale, unmaskBuyer } from './api';

/** Shows a buyer's full ID number and phone for a stated reason; the server audits it. */
export function BuyerIdentity({ sale, onClose }: { sale: Sale; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useMutation({ mutationFn: (reason: string) => unmaskBuyer(sale.id, reason) });
  return (
    <Modal
      open
      title={t('drugSales.unmaskTitle')}
      onCancel={onClose}
      onOk={() => (reveal.data ? onClose() : form.submit())}
      okText={reveal.data ? t('drugSales.close') : t('drugSales.unmask')}
      confirmLoading={reveal.isPending}
      destroyOnHidden
    >
      {reveal.data ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('drugSales.fields.buyerName')}>
            {reveal.data.buyerName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('drugSales.fields.idNumber')}>{reveal.data.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('drugSales.fields.phone')}>
            {reveal.data.phone ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Form form={form} layout="vertical" onFinish={(values) => reveal.mutate(values.reason)}>
          <Typography.Paragraph type="secondary">{t('drugSales.unmaskHint')}</Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('drugSales.fields.reason')}
            rules={[{ required: true, message: t('drugSales.reasonRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      )}
      {reveal.error ? <ProblemAlert error={reveal.error} /> : null}
    </Modal>
  );
}
