import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldProblems } from '../common/applyFieldProblems';
import { ProblemAlert } from '../common/ProblemAlert';
import { testId } from '../common/testId';
import { useLanguage } from '../i18n/useLanguage';
import { JurisdictionTreeSelect } from '../jurisdictions/JurisdictionTreeSelect';
import { phoneRule, requiredRule } from '../persons/formRules';
import {
  addMember,
  createTeam,
  EPI_TEAM_KINDS,
  EPI_TEAM_ROLES,
  type EpiTeam,
  type EpiTeamKind,
  type EpiTeamRole,
  epiTeamKeys,
  listAccounts,
} from './api';

const newId = () => crypto.randomUUID();

interface TeamValues {
  name: string;
  kind: EpiTeamKind;
  jurisdictionCode: string;
}

/** Adds a field team, the county's big-data working group or a reserve of assistants. */
export function TeamModal({
  jurisdiction,
  onClose,
}: {
  jurisdiction: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TeamValues>();
  const id = useRef(newId());
  const labels = {
    name: t('epiTeams.name'),
    kind: t('epiTeams.kind'),
    jurisdictionCode: t('epiTeams.jurisdiction'),
  };
  const mutation = useMutation({
    mutationFn: (values: TeamValues) => createTeam({ id: id.current, ...values, name: values.name.trim() }),
    onSuccess: () => {
      message.success(t('epiTeams.saved'));
      void queryClient.invalidateQueries({ queryKey: epiTeamKeys.all });
      onClose();
    },
    onError: (error) => applyFieldProblems(form, error, labels, t, language),
  });
  return (
    <Modal
      open
      title={t('epiTeams.addTeam')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okButtonProps={{ ...testId('epi-team-save') }}
      destroyOnHidden
    >
      <Form<TeamValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'field', jurisdictionCode: jurisdiction }}
        onFinish={(values) => mutation.mutate(values)}
        data-testid="epi-team-form"
      >
        <Form.Item name="name" label={labels.name} rules={[requiredRule(t, labels.name), { max: 60 }]}>
          <Input maxLength={60} data-testid="epi-team-name" />
        </Form.Item>
        <Form.Item name="kind" label={labels.kind} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={EPI_TEAM_KINDS.map((kind) => ({ value: kind, label: t(`epiTeams.kinds.${kind}`) }))}
            data-testid="epi-team-kind"
          />
        </Form.Item>
        <Form.Item name="jurisdictionCode" label={labels.jurisdictionCode} rules={[{ required: true }]}>
          <JurisdictionTreeSelect<string> data-testid="epi-team-jurisdiction" />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={Object.keys(labels)} /> : null}
    </Modal>
  );
}

interface MemberValues {
  source: 'account' | 'person';
  userId?: string;
  name?: string;
  phone?: string;
  role: EpiTeamRole;
  villageCode?: string;
}

/** Adds a member: a platform account, or a reserve person (name, phone sealed) with their village. */
export function MemberModal({ team, onClose }: { team: EpiTeam; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberValues>();
  const id = useRef(newId());
  const source = Form.useWatch('source', form);
  const role = Form.useWatch('role', form);
  const reserve = team.kind === 'reserve';
  const accounts = useQuery({
    queryKey: epiTeamKeys.accounts(team.jurisdictionCode),
    queryFn: () => listAccounts(team.jurisdictionCode),
    enabled: source === 'account',
  });
  const labels = {
    userId: t('epiTeams.account'),
    name: t('epiTeams.personName'),
    phone: t('epiTeams.phone'),
    role: t('epiTeams.role'),
    villageCode: t('epiTeams.village'),
  };
  const mutation = useMutation({
    mutationFn: (values: MemberValues) =>
      addMember(team.id, {
        id: id.current,
        userId: values.source === 'account' ? (values.userId ?? null) : null,
        name: values.source === 'person' ? (values.name?.trim() ?? null) : null,
        phone: values.source === 'person' && values.phone?.trim() ? values.phone.trim() : null,
        role: values.role,
        villageCode: values.villageCode ?? null,
      }),
    onSuccess: () => {
      message.success(t('epiTeams.saved'));
      void queryClient.invalidateQueries({ queryKey: epiTeamKeys.all });
      onClose();
    },
    onError: (error) => applyFieldProblems(form, error, labels, t, language),
  });
  return (
    <Modal
      open
      title={`${t('epiTeams.addMember')} · ${team.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okButtonProps={{ ...testId('epi-member-save') }}
      destroyOnHidden
    >
      <Form<MemberValues>
        form={form}
        layout="vertical"
        initialValues={{
          source: reserve ? 'person' : 'account',
          role: reserve ? 'assistant' : 'investigator',
        }}
        onFinish={(values) => mutation.mutate(values)}
        data-testid="epi-member-form"
      >
        <Form.Item name="source" label={t('epiTeams.memberKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'account', label: t('epiTeams.account') },
              { value: 'person', label: t('epiTeams.person') },
            ]}
            data-testid="epi-member-source"
          />
        </Form.Item>
        {source === 'account' ? (
          <Form.Item name="userId" label={labels.userId} rules={[requiredRule(t, labels.userId)]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={accounts.isLoading}
              options={(accounts.data?.items ?? []).map((a) => ({ value: a.userId, label: a.displayName }))}
              data-testid="epi-member-account"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={labels.name} rules={[requiredRule(t, labels.name), { max: 50 }]}>
              <Input maxLength={50} data-testid="epi-member-name" />
            </Form.Item>
            <Form.Item name="phone" label={labels.phone} rules={[phoneRule(t, labels.phone)]}>
              <Input inputMode="tel" maxLength={20} data-testid="epi-member-phone" />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label={labels.role} rules={[{ required: true }]}>
          <Select
            options={EPI_TEAM_ROLES.map((r) => ({ value: r, label: t(`epiTeams.roles.${r}`) }))}
            data-testid="epi-member-role-new"
          />
        </Form.Item>
        <Form.Item
          name="villageCode"
          label={labels.villageCode}
          tooltip={t('epiTeams.villageHint')}
          rules={reserve && role === 'assistant' ? [requiredRule(t, labels.villageCode)] : []}
        >
          <JurisdictionTreeSelect<string> data-testid="epi-member-village" />
        </Form.Item>
      </Form>
      {mutation.error ? <ProblemAlert error={mutation.error} hideFields={Object.keys(labels)} /> : null}
    </Modal>
  );
}
