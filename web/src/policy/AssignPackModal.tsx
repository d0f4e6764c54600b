import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { requiredRule } from '../persons/formRules';
import { assignPack, type PackSummary, packKey, splitPackKey } from './api';

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

/** Puts a pack version in force for new arrivals into a subtree (PUT /api/policy/assignments/:code). */
export function AssignPackModal({ open, onClose, packs, jurisdiction }: AssignPackModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignValues>();
  const mutation = useMutation({
    mutationFn: (values: Required<AssignValues>) => {
      const { packId, version } = splitPackKey(values.pack);
      return assignPack(values.jurisdictionCode, packId, version);
    },
    onSuccess: (assignment) => {
      void queryClient.invalidateQueries({ queryKey: ['policy', 'assignments'] });
      message.success(
        t('policy.assign.done', {
          pack: `${assignment.packId} v${assignment.packVersion}`,
          code: assignment.jurisdictionCode,
        }),
      );
      onClose();
    },
  });
  const packLabel = t('policy.assign.pack');
  const placeLabel = t('policy.assign.jurisdiction');
  return (
    <Modal
      open={open}
      title={t('policy.assign.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('policy.assign.submit')}
      okButtonProps={{ loading: mutation.isPending, ...testId('assign-pack-submit') }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('policy.assign.hint')} style={{ marginBottom: 16 }} />
      <Form<AssignValues>
        form={form}
        layout="vertical"
        initialValues={{ jurisdictionCode: jurisdiction }}
        onFinish={(values) => mutation.mutate(values as Required<AssignValues>)}
        data-testid="assign-pack"
      >
        <Form.Item name="pack" label={packLabel} required rules={[requiredRule(t, packLabel)]}>
          <Select
            options={packs.map((pack) => ({
              value: packKey(pack.id, pack.version),
              label: `${pack.id} v${pack.version} · ${pack.titleZh}`,
            }))}
            data-testid="assign-pack-version"
          />
        </Form.Item>
        <Form.Item name="jurisdictionCode" label={placeLabel} required rules={[requiredRule(t, placeLabel)]}>
          <JurisdictionTreeSelect<string> data-testid="assign-pack-jurisdiction" />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
    </Modal>
  );
}
