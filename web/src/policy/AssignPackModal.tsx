import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useJurisdictionName } from '../jurisdictions/JurisdictionName';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { requiredRule } from '../persons/formRules';
import {
  applyImpact,
  assignPack,
  type ImpactPreview,
  type ImpactRequest,
  type PackSummary,
  packKey,
  previewImpact,
  splitPackKey,
} from './api';
import { ImpactPreviewResult } from './ImpactPreviewResult';
import { packName } from './impactText';

interface AssignValues {
  pack?: string;
  jurisdictionCode?: string;
}

interface AssignPackModalProps {
  open: boolean;
  onClose: () => void;
  packs: PackSummary[];
  jurisdiction: string | undefined;
}

type Outcome = { kind: 'assigned' } | { kind: 'applied'; replaced: number; unchanged: number };

/**
 * Puts a pack version in force for a subtree (issue 12 Deliver 3: never silently). The impact on
 * the plans it would govern is previewed first; with none, the version is assigned directly (PUT
 * /policy/assignments/:code); otherwise the preview is shown and confirming applies it (assigns and
 * replaces those plans, audited).
 */
export function AssignPackModal({ open, onClose, packs, jurisdiction }: AssignPackModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignValues>();
  const place = useJurisdictionName(Form.useWatch('jurisdictionCode', form));
  const [preview, setPreview] = useState<{ request: ImpactRequest; result: ImpactPreview } | null>(null);
  const done = (request: ImpactRequest, outcome: Outcome) => {
    void queryClient.invalidateQueries({ queryKey: ['policy', 'assignments'] });
    void queryClient.invalidateQueries({ queryKey: ['arrivals'] });
    const pack = packName(t, packs, request.packId, request.version);
    message.success(
      outcome.kind === 'applied'
        ? t('policy.assign.applied', { pack, place, ...outcome })
        : t('policy.assign.done', { pack, place }),
    );
    setPreview(null);
    onClose();
  };
  const assess = useMutation({
    mutationFn: async (request: ImpactRequest) => {
      const result = await previewImpact(request);
      if (result.examined > 0) return { request, result };
      await assignPack(request.jurisdictionCode, request.packId, request.version);
      return { request, result: null };
    },
    onSuccess: ({ request, result }) => {
      if (result) setPreview({ request, result });
      else done(request, { kind: 'assigned' });
    },
  });
  const apply = useMutation({
    mutationFn: applyImpact,
    onSuccess: (result, request) => done(request, { kind: 'applied', ...result }),
  });
  const close = () => {
    setPreview(null);
    assess.reset();
    apply.reset();
    onClose();
  };
  const packLabel = t('policy.assign.pack');
  const placeLabel = t('policy.assign.jurisdiction');
  return (
    <Modal
      open={open}
      title={t('policy.assign.title')}
      onCancel={close}
      onOk={() => (preview ? apply.mutate(preview.request) : form.submit())}
      okText={preview ? t('policy.assign.apply') : t('policy.assign.submit')}
      okButtonProps={{
        danger: preview !== null,
        loading: assess.isPending || apply.isPending,
        ...testId(preview ? 'assign-pack-apply' : 'assign-pack-submit'),
      }}
      width={preview ? 1200 : 520}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('policy.assign.hint')} style={{ marginBottom: 16 }} />
      <Form<AssignValues>
        form={form}
        layout="vertical"
        initialValues={{ jurisdictionCode: jurisdiction }}
        onFinish={(values) => {
          const { packId, version } = splitPackKey(values.pack ?? '');
          assess.mutate({ packId, version, jurisdictionCode: values.jurisdictionCode ?? '' });
        }}
        onValuesChange={() => {
          setPreview(null);
          apply.reset();
        }}
        data-testid="assign-pack"
      >
        <Form.Item name="pack" label={packLabel} required rules={[requiredRule(t, packLabel)]}>
          <Select
            options={packs.map((pack) => ({
              value: packKey(pack.id, pack.version),
              label: t('policy.impact.packOption', { title: pack.titleZh, version: pack.version }),
            }))}
            data-testid="assign-pack-version"
          />
        </Form.Item>
        <Form.Item name="jurisdictionCode" label={placeLabel} required rules={[requiredRule(t, placeLabel)]}>
          <JurisdictionTreeSelect<string> data-testid="assign-pack-jurisdiction" />
        </Form.Item>
      </Form>
      {preview ? (
        <div data-testid="assign-pack-preview">
          <Typography.Title level={5}>{t('policy.assign.previewTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('policy.assign.previewHint')}</Typography.Paragraph>
          <ImpactPreviewResult preview={preview.result} packs={packs} />
        </div>
      ) : null}
      {assess.error ? <ProblemAlert error={assess.error} /> : null}
      {apply.error ? <ProblemAlert error={apply.error} /> : null}
    </Modal>
  );
}
