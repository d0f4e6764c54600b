import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { allocate, fetchRooms, fetchSites, type QueueRow, stayKeys } from './api';

interface Values {
  siteId: string;
  mode: 'auto' | 'pick';
  roomIds?: string[];
  household?: boolean;
}

/**
 * ISO-4 单人单间: people awaiting a room are given rooms of a site in use that takes their kind; the
 * rooms are the site's next ready ones, or picked from the ready ones. A household shares a room only
 * when every one of their plans allows it.
 */
export function AllocateModal({ people, onClose }: { people: QueueRow[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState<string[]>([]);
  const purpose = people[0]?.purpose ?? 'close_contacts';
  const siteId = Form.useWatch('siteId', form);
  const mode = Form.useWatch('mode', form);
  const household = Form.useWatch('household', form);
  const sites = useQuery({ queryKey: stayKeys.sites(purpose), queryFn: () => fetchSites(purpose) });
  const rooms = useQuery({
    queryKey: stayKeys.rooms(siteId ?? ''),
    queryFn: () => fetchRooms(siteId as string),
    enabled: Boolean(siteId) && mode === 'pick',
  });
  const mayShare = people.length > 1 && people.every((p) => p.sharingAllowed);
  const householdKey =
    people.find((p) => p.householdCode)?.householdCode ?? `H-${people[0]?.personId.slice(0, 8)}`;
  const labels = useMemo(
    () => ({ siteId: t('isolationStays.dialog.site'), roomIds: t('isolationStays.dialog.rooms') }),
    [t],
  );
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const together = mayShare && Boolean(v.household);
      const picked = v.mode === 'pick' ? (v.roomIds ?? []) : undefined;
      return allocate({
        people: people.map((p) => ({ sourceType: p.sourceType, sourceId: p.sourceId })),
        siteId: v.siteId,
        ...(picked && { roomIds: together && picked[0] ? people.map(() => picked[0] as string) : picked }),
        ...(together && { householdKey: householdKey.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'H' }),
      });
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: stayKeys.all });
      message.success(
        t('isolationStays.dialog.done', { count: new Set(result.stays.map((s) => s.roomId)).size }),
      );
      onClose();
    },
  });
  useEffect(() => {
    setPlaced(
      mutation.error
        ? applyFieldProblems(form, mutation.error, labels, t, language, {
            rename: (field) => field.replace(/^roomIds\.\d+$/, 'roomIds'),
          })
        : [],
    );
  }, [mutation.error, form, labels, t, language]);
  const siteOptions = (sites.data?.items ?? [])
    .filter((s) => s.active && s.status === 'in_use' && s.purposes.includes(purpose))
    .map((s) => ({
      value: s.id,
      label: t('isolationStays.dialog.siteOption', { name: s.name, ready: s.rooms.ready }),
    }));
  const readyRooms = (rooms.data?.items ?? [])
    .filter((r) => r.state === 'ready')
    .map((r) => ({
      value: r.id,
      label: t('isolationStays.dialog.roomOption', { floor: r.floor, number: r.number }),
    }));
  const together = mayShare && Boolean(household);
  return (
    <Modal
      open
      title={t('isolationStays.dialog.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('isolationStays.dialog.submit')}
      okButtonProps={{ ...testId('allocation-submit') }}
      destroyOnHidden
    >
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={placed} /> : null}
      <Typography.Text type="secondary">{t('isolationStays.dialog.people')}</Typography.Text>
      <Space wrap style={{ margin: '4px 0 12px' }}>
        {people.map((p) => (
          <Tag key={p.sourceId}>{p.personName}</Tag>
        ))}
      </Space>
      {sites.isSuccess && siteOptions.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('isolationStays.dialog.noSite')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ mode: 'auto', household: false }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="siteId" label={labels.siteId} rules={[{ required: true, message: labels.siteId }]}>
          <Select
            data-testid="allocation-site"
            placeholder={t('isolationStays.dialog.sitePlaceholder')}
            loading={sites.isLoading}
            options={siteOptions}
            onChange={() => form.setFieldValue('roomIds', [])}
          />
        </Form.Item>
        {mayShare ? (
          <Form.Item
            name="household"
            valuePropName="checked"
            extra={t('isolationStays.dialog.householdHelp')}
          >
            <Checkbox data-testid="allocation-household">{t('isolationStays.dialog.household')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="mode" label={labels.roomIds}>
          <Radio.Group data-testid="allocation-mode">
            <Radio value="auto">{t('isolationStays.dialog.auto')}</Radio>
            <Radio value="pick">{t('isolationStays.dialog.pick')}</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'pick' ? (
          <Form.Item
            name="roomIds"
            rules={[
              {
                required: true,
                type: 'array',
                len: together ? 1 : people.length,
                message: t('isolationStays.dialog.roomsPlaceholder'),
              },
            ]}
          >
            <Select
              mode="multiple"
              data-testid="allocation-rooms"
              loading={rooms.isLoading}
              placeholder={t('isolationStays.dialog.roomsPlaceholder')}
              options={readyRooms}
              maxCount={together ? 1 : people.length}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
