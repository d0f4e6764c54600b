import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, List, Modal, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../common/formatDateTime';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import { usePermission } from '../session/useSession';
import { putReadiness, type ReadinessItem, type SiteDetail, siteKeys } from './api';

interface Values {
  inPlace: boolean;
  evidence?: string;
  checkedOn?: Dayjs | null;
}

/**
 * ISO-3 "five in place" (五到位): each item in place or not, its evidence, the date checked and who
 * checked; the rooms item shows the rooms the site really has beside its evidence.
 */
export function ReadinessPanel({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const canWrite = usePermission('isolation.site');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ReadinessItem | null>(null);
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      putReadiness(site.id, editing?.item ?? '', {
        inPlace: values.inPlace,
        evidence: values.evidence?.trim() || null,
        checkedOn: values.checkedOn ? values.checkedOn.format('YYYY-MM-DD') : null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: siteKeys.all });
      setEditing(null);
    },
  });
  return (
    <>
      <List
        size="small"
        dataSource={site.readinessItems}
        data-testid="readiness-list"
        renderItem={(item) => (
          <List.Item
            data-testid={`readiness-${item.item}`}
            actions={
              canWrite
                ? [
                    <Button
                      key="edit"
                      size="small"
                      onClick={() => {
                        mutation.reset();
                        setEditing(item);
                      }}
                      data-testid={`readiness-edit-${item.item}`}
                    >
                      {t('isolationSites.readiness.edit')}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <span>
                <Tag color={item.inPlace ? 'green' : 'orange'}>
                  {item.inPlace
                    ? t('isolationSites.readiness.inPlace')
                    : t('isolationSites.readiness.notInPlace')}
                </Tag>
                {pickText(language, item.label.zh, item.label.en)}
              </span>
              {item.item === 'rooms' ? (
                <Typography.Text type="secondary" data-testid="readiness-actual-rooms">
                  {t('isolationSites.readiness.actualRooms', {
                    total: site.roomFacts.total,
                    floors: site.roomFacts.floors.length,
                  })}
                </Typography.Text>
              ) : null}
              {item.evidence ? <Typography.Text>{item.evidence}</Typography.Text> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.checkedOn
                  ? t('isolationSites.readiness.checkedLine', {
                      date: formatDay(item.checkedOn, language),
                      by: item.checkedByName ?? '',
                    })
                  : t('isolationSites.readiness.never')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Modal
        open={editing !== null}
        title={editing ? pickText(language, editing.label.zh, editing.label.en) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={mutation.isPending}
        okText={t('isolationSites.actions.save')}
        cancelText={t('isolationSites.actions.cancel')}
        destroyOnHidden
        okButtonProps={{ ...testId('readiness-save') }}
      >
        {editing ? (
          <Form<Values>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{
              inPlace: editing.inPlace,
              evidence: editing.evidence ?? '',
              checkedOn: dayjs(),
            }}
            onFinish={(values) => mutation.mutate(values)}
          >
            <Form.Item name="inPlace" label={t('isolationSites.readiness.inPlace')} valuePropName="checked">
              <Switch data-testid="readiness-in-place" />
            </Form.Item>
            <Form.Item name="evidence" label={t('isolationSites.readiness.evidence')}>
              <Input.TextArea rows={3} maxLength={500} data-testid="readiness-evidence" />
            </Form.Item>
            <Form.Item name="checkedOn" label={t('isolationSites.readiness.checkedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
