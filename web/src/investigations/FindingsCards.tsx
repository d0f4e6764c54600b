import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import {
  addExposure,
  addGoods,
  deleteExposure,
  deleteGoods,
  type Exposure,
  type ExposureBody,
  type Goods,
  type GoodsBody,
  type InvestigationDetail,
} from './api';
import { useWrite } from './useWrite';

const KINDS = ['person', 'place', 'goods', 'travel', 'unknown'] as const;
const CERTAINTIES = ['confirmed', 'probable', 'possible'] as const;
const RESULTS = ['not_sampled', 'pending', 'negative', 'positive'] as const;
const RESULT_COLOR = { not_sampled: 'default', pending: 'blue', negative: 'green', positive: 'red' } as const;

/** EPI-2: exposures and likely sources of infection, with their evidence and certainty. */
export function ExposuresCard({ view }: { view: InvestigationDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ExposureBody>();
  const add = useWrite(view.caseId, (body: ExposureBody) => addExposure(view.caseId, body));
  const remove = useWrite(view.caseId, (id: string) => deleteExposure(view.caseId, id));
  const submit = async () => {
    const values = await form.validateFields();
    await add.mutateAsync({
      ...values,
      evidence: values.evidence || null,
      likelySource: values.likelySource ?? false,
    });
    setAdding(false);
    form.resetFields();
  };
  return (
    <Card
      title={t('investigations.exposures.title')}
      extra={
        view.may.edit ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="investigation-exposure-add"
          >
            {t('investigations.exposures.add')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <Table<Exposure>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={view.exposures}
        locale={{ emptyText: t('investigations.exposures.empty') }}
        columns={[
          {
            key: 'kind',
            title: t('investigations.exposures.kind'),
            render: (_, e) => t(`investigations.exposures.kinds.${e.kind}`),
          },
          {
            key: 'description',
            title: t('investigations.exposures.description'),
            render: (_, e) => (
              <>
                {e.description}{' '}
                {e.likelySource ? <Tag color="red">{t('investigations.exposures.likelySource')}</Tag> : null}
              </>
            ),
          },
          {
            key: 'evidence',
            title: t('investigations.exposures.evidence'),
            dataIndex: 'evidence',
            responsive: ['sm'],
          },
          {
            key: 'certainty',
            title: t('investigations.exposures.certainty'),
            render: (_, e) => t(`investigations.exposures.certainties.${e.certainty}`),
          },
          ...(view.may.edit
            ? [
                {
                  key: 'remove',
                  render: (_: unknown, e: Exposure) => (
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove.mutate(e.id)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      <Modal
        open={adding}
        title={t('investigations.exposures.add')}
        onOk={submit}
        confirmLoading={add.isPending}
        onCancel={() => setAdding(false)}
        okButtonProps={{ ...testId('investigation-exposure-save') }}
      >
        {add.error ? <ProblemAlert error={add.error} /> : null}
        <Form form={form} layout="vertical" initialValues={{ kind: 'person', certainty: 'possible' }}>
          <Form.Item name="kind" label={t('investigations.exposures.kind')} rules={[{ required: true }]}>
            <Select
              options={KINDS.map((k) => ({ value: k, label: t(`investigations.exposures.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('investigations.exposures.description')}
            rules={[{ required: true, max: 500 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="evidence" label={t('investigations.exposures.evidence')} rules={[{ max: 1000 }]}>
            <Input.TextArea autoSize />
          </Form.Item>
          <Form.Item
            name="certainty"
            label={t('investigations.exposures.certainty')}
            rules={[{ required: true }]}
          >
            <Select
              options={CERTAINTIES.map((c) => ({
                value: c,
                label: t(`investigations.exposures.certainties.${c}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="likelySource" valuePropName="checked">
            <Checkbox>{t('investigations.exposures.likelySource')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** EPI-2 "人""物"同查 (002 §24): goods traced with the people, with their sample result. */
export function GoodsCard({ view }: { view: InvestigationDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<GoodsBody>();
  const add = useWrite(view.caseId, (body: GoodsBody) => addGoods(view.caseId, body));
  const remove = useWrite(view.caseId, (id: string) => deleteGoods(view.caseId, id));
  const submit = async () => {
    const values = await form.validateFields();
    const blank = (v: string | null | undefined) => v || null;
    await add.mutateAsync({
      ...values,
      origin: blank(values.origin),
      batch: blank(values.batch),
      foundAtPlace: blank(values.foundAtPlace),
      note: blank(values.note),
    });
    setAdding(false);
    form.resetFields();
  };
  return (
    <Card
      title={t('investigations.goods.title')}
      extra={
        view.may.edit ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="investigation-goods-add"
          >
            {t('investigations.goods.add')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <Table<Goods>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={view.goods}
        locale={{ emptyText: t('investigations.goods.empty') }}
        columns={[
          { key: 'item', title: t('investigations.goods.item'), dataIndex: 'item' },
          { key: 'origin', title: t('investigations.goods.origin'), dataIndex: 'origin', responsive: ['sm'] },
          { key: 'batch', title: t('investigations.goods.batch'), dataIndex: 'batch', responsive: ['md'] },
          {
            key: 'found',
            title: t('investigations.goods.foundAtPlace'),
            dataIndex: 'foundAtPlace',
            responsive: ['md'],
          },
          {
            key: 'result',
            title: t('investigations.goods.sampleResult'),
            render: (_, g) => (
              <Tag color={RESULT_COLOR[g.sampleResult]}>
                {t(`investigations.goods.results.${g.sampleResult}`)}
              </Tag>
            ),
          },
          ...(view.may.edit
            ? [
                {
                  key: 'remove',
                  render: (_: unknown, g: Goods) => (
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove.mutate(g.id)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      <Modal
        open={adding}
        title={t('investigations.goods.add')}
        onOk={submit}
        confirmLoading={add.isPending}
        onCancel={() => setAdding(false)}
        okButtonProps={{ ...testId('investigation-goods-save') }}
      >
        {add.error ? <ProblemAlert error={add.error} /> : null}
        <Form form={form} layout="vertical" initialValues={{ sampleResult: 'not_sampled' }}>
          <Form.Item
            name="item"
            label={t('investigations.goods.item')}
            rules={[{ required: true, max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="origin" label={t('investigations.goods.origin')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="batch" label={t('investigations.goods.batch')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="foundAtPlace"
            label={t('investigations.goods.foundAtPlace')}
            rules={[{ max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="sampleResult" label={t('investigations.goods.sampleResult')}>
            <Select
              options={RESULTS.map((r) => ({ value: r, label: t(`investigations.goods.results.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('investigations.goods.note')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
