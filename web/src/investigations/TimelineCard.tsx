import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import {
  addEntry,
  deleteEntry,
  type EntryBody,
  type InvestigationDetail,
  type TimelineEntry,
  updateEntry,
} from './api';
import { useWrite } from './useWrite';

const SOURCE_COLOR = {
  interview: 'blue',
  check_in: 'green',
  checkpoint: 'purple',
  sample: 'orange',
  arrival: 'cyan',
} as const;

interface EntryForm {
  place: string;
  range: [Dayjs, Dayjs | null];
  activity?: string;
  peopleMet?: string;
}

/**
 * EPI-2: the case's places and times in the 14-day look-back, from every source, each marked by
 * it; interview entries are typed, corrected and removed here.
 */
export function TimelineCard({ view }: { view: InvestigationDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [editing, setEditing] = useState<TimelineEntry | 'new' | null>(null);
  const [form] = Form.useForm<EntryForm>();
  const save = useWrite(view.caseId, (body: EntryBody) =>
    editing && editing !== 'new' ? updateEntry(view.caseId, editing.id, body) : addEntry(view.caseId, body),
  );
  const remove = useWrite(view.caseId, (id: string) => deleteEntry(view.caseId, id));
  const open = (entry: TimelineEntry | 'new') => {
    setEditing(entry);
    save.reset();
    form.setFieldsValue(
      entry === 'new'
        ? { place: '', range: [dayjs(view.window.to).subtract(1, 'day'), null], activity: '', peopleMet: '' }
        : {
            place: entry.place,
            range: [dayjs(entry.at), entry.until ? dayjs(entry.until) : null],
            activity: entry.activity ?? '',
            peopleMet: entry.peopleMet ?? '',
          },
    );
  };
  const submit = async () => {
    const values = await form.validateFields();
    await save.mutateAsync({
      place: values.place,
      fromAt: values.range[0].toISOString(),
      toAt: values.range[1]?.toISOString() ?? null,
      activity: values.activity || null,
      peopleMet: values.peopleMet || null,
    });
    setEditing(null);
  };
  const detail = (entry: TimelineEntry) =>
    entry.detail ? t(`investigations.timeline.detail.${entry.detail as 'in'}`, { defaultValue: '' }) : '';
  return (
    <Card
      title={t('investigations.timeline.title')}
      extra={
        view.may.edit ? (
          <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="investigation-entry-add">
            {t('investigations.timeline.add')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('investigations.timeline.window', {
          from: formatDateTime(view.window.from, language),
          to: formatDateTime(view.window.to, language),
          anchor: t(`investigations.timeline.anchor.${view.window.anchor}`),
        })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('investigations.timeline.assumption')}
      </Typography.Paragraph>
      <List<TimelineEntry>
        data-testid="investigation-timeline"
        dataSource={view.timeline}
        locale={{ emptyText: t('investigations.timeline.empty') }}
        renderItem={(entry) => (
          <List.Item
            data-testid={`timeline-${entry.source}`}
            actions={
              entry.editable && view.may.edit
                ? [
                    <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => open(entry)}>
                      {t('investigations.timeline.edit')}
                    </Button>,
                    <Button
                      key="remove"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove.mutate(entry.id)}
                    >
                      {t('investigations.timeline.remove')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color={SOURCE_COLOR[entry.source]}>
                    {t(`investigations.timeline.source.${entry.source}`)}
                  </Tag>
                  <span>{entry.place}</span>
                  {detail(entry) ? <Tag>{detail(entry)}</Tag> : null}
                </Space>
              }
              description={
                <Flex vertical gap={2}>
                  <span>
                    {formatDateTime(entry.at, language)}
                    {entry.until ? ` – ${formatDateTime(entry.until, language)}` : ''}
                  </span>
                  {entry.activity ? (
                    <span>{`${t('investigations.timeline.activity')}：${entry.activity}`}</span>
                  ) : null}
                  {entry.peopleMet ? (
                    <span>{`${t('investigations.timeline.peopleMet')}：${entry.peopleMet}`}</span>
                  ) : null}
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('investigations.timeline.add') : t('investigations.timeline.edit')}
        okText={t('investigations.timeline.save')}
        onOk={submit}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        okButtonProps={{ ...testId('investigation-entry-save') }}
        destroyOnHidden
      >
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Form form={form} layout="vertical">
          <Form.Item
            name="place"
            label={t('investigations.timeline.place')}
            rules={[{ required: true, max: 200 }]}
          >
            <Input data-testid="investigation-entry-place" />
          </Form.Item>
          <Form.Item
            name="range"
            label={`${t('investigations.timeline.from')} – ${t('investigations.timeline.to')}`}
            rules={[{ required: true }]}
          >
            <DatePicker.RangePicker showTime allowEmpty={[false, true]} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="activity" label={t('investigations.timeline.activity')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="peopleMet" label={t('investigations.timeline.peopleMet')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
