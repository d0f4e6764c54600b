import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { usePermission } from '../session/useSession';
import {
  EPI_TEAM_ROLES,
  type EpiTeam,
  type EpiTeamMember,
  epiTeamKeys,
  listTeams,
  patchMember,
  patchTeam,
} from './api';
import { MemberModal, TeamModal } from './TeamModals';

const KIND_COLOR = { field: 'blue', big_data: 'purple', reserve: 'cyan' } as const;

function MemberRow({ member, team, canWrite }: { member: EpiTeamMember; team: EpiTeam; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof patchMember>[1]) => patchMember(member.id, body),
    onSuccess: () => {
      message.success(t('epiTeams.saved'));
      void queryClient.invalidateQueries({ queryKey: epiTeamKeys.all });
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <List.Item
      data-testid="epi-team-member"
      actions={
        canWrite && team.active
          ? [
              <Select
                key="role"
                size="small"
                value={member.role}
                style={{ width: 110 }}
                onChange={(role) => mutation.mutate({ role })}
                options={EPI_TEAM_ROLES.map((role) => ({ value: role, label: t(`epiTeams.roles.${role}`) }))}
                data-testid="epi-member-role"
              />,
              <Popconfirm
                key="off"
                title={t('epiTeams.confirmDeactivate')}
                onConfirm={() => mutation.mutate({ active: false })}
              >
                <Button size="small" type="link" danger data-testid="epi-member-deactivate">
                  {t('epiTeams.deactivate')}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <Space wrap size={4}>
        <Typography.Text strong>{member.displayName}</Typography.Text>
        <Tag>{t(`epiTeams.roles.${member.role}`)}</Tag>
        {member.villageName ? <span>{member.villageName}</span> : null}
        {member.phoneMasked ? <Typography.Text type="secondary">{member.phoneMasked}</Typography.Text> : null}
        {member.userId ? null : <Tag color="default">{t('epiTeams.person')}</Tag>}
      </Space>
    </List.Item>
  );
}

function TeamCard({ team, canWrite, onAdd }: { team: EpiTeam; canWrite: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => patchTeam(team.id, { active: !team.active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: epiTeamKeys.all }),
  });
  return (
    <Card
      size="small"
      data-testid={`epi-team-${team.kind}`}
      title={
        <Space wrap size={4}>
          <span>{team.name}</span>
          <Tag color={KIND_COLOR[team.kind]}>{t(`epiTeams.kinds.${team.kind}`)}</Tag>
          {team.active ? null : <Tag>{t('epiTeams.inactive')}</Tag>}
        </Space>
      }
      extra={
        canWrite ? (
          <Space size={4}>
            {team.active ? (
              <Button size="small" icon={<UserAddOutlined />} onClick={onAdd} data-testid="epi-member-add">
                {t('epiTeams.addMember')}
              </Button>
            ) : null}
            <Popconfirm
              title={t('epiTeams.confirmDeactivate')}
              disabled={!team.active}
              onConfirm={() => toggle.mutate()}
            >
              <Button
                size="small"
                type="link"
                danger={team.active}
                onClick={team.active ? undefined : () => toggle.mutate()}
                data-testid="epi-team-toggle"
              >
                {team.active ? t('epiTeams.deactivate') : t('epiTeams.restore')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Typography.Text type="secondary">{team.jurisdictionName ?? team.jurisdictionCode}</Typography.Text>
      {toggle.error ? <ProblemAlert error={toggle.error} /> : null}
      <List
        size="small"
        dataSource={team.members}
        locale={{ emptyText: t('epiTeams.noMembers') }}
        pagination={team.members.length > 10 ? { pageSize: 10, size: 'small' } : false}
        renderItem={(member) => <MemberRow member={member} team={team} canWrite={canWrite} />}
      />
    </Card>
  );
}

/** EPI-6: the teams over the jurisdiction with their members; the big-data group first; counties without one flagged. */
export function TeamsPanel({ jurisdiction }: { jurisdiction: string | undefined }) {
  const { t } = useTranslation();
  const canWrite = usePermission('team.write');
  const [addingTeam, setAddingTeam] = useState(false);
  const [memberOf, setMemberOf] = useState<EpiTeam | null>(null);
  const query = useQuery({
    queryKey: epiTeamKeys.list(jurisdiction),
    queryFn: () => listTeams(jurisdiction),
  });
  const missing = query.data?.countiesWithoutBigData ?? [];
  return (
    <>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.data ? (
        missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('epiTeams.bigDataMissing', { names: missing.map((c) => c.name).join('、') })}
            data-testid="big-data-missing"
          />
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('epiTeams.bigDataOk')} />
        )
      ) : null}
      {canWrite ? (
        <Button
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setAddingTeam(true)}
          data-testid="epi-team-add"
        >
          {t('epiTeams.addTeam')}
        </Button>
      ) : null}
      {query.data && query.data.items.length === 0 ? <Empty description={t('epiTeams.noTeams')} /> : null}
      <Row gutter={[12, 12]}>
        {(query.data?.items ?? []).map((team) => (
          <Col key={team.id} xs={24} lg={12}>
            <TeamCard team={team} canWrite={canWrite} onAdd={() => setMemberOf(team)} />
          </Col>
        ))}
      </Row>
      {addingTeam ? <TeamModal jurisdiction={jurisdiction} onClose={() => setAddingTeam(false)} /> : null}
      {memberOf ? <MemberModal team={memberOf} onClose={() => setMemberOf(null)} /> : null}
    </>
  );
}
