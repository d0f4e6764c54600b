import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { epiTeamKeys, listTeams } from '../epiTeams/api';
import { useMe } from '../session/useSession';
import { assign, type InvestigationDetail } from './api';
import { useWrite } from './useWrite';

/**
 * EPI-6: the team (from the county's investigation teams, GET /api/epi-teams) and the investigator
 * (an account among its members, or oneself) the investigation is assigned to.
 */
export function AssignCard({ view }: { view: InvestigationDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const county = view.jurisdictionCode.slice(0, 6);
  const teams = useQuery({
    queryKey: epiTeamKeys.list(county),
    queryFn: () => listTeams(county),
    retry: false,
  });
  const [teamId, setTeamId] = useState<string | null>(view.teamId);
  const [investigatorId, setInvestigatorId] = useState<string | null>(view.investigatorId);
  useEffect(() => {
    setTeamId(view.teamId);
    setInvestigatorId(view.investigatorId);
  }, [view.teamId, view.investigatorId]);
  const save = useWrite(view.caseId, (body: { teamId: string | null; investigatorId: string | null }) =>
    assign(view.caseId, body),
  );
  const team = teams.data?.items.find((x) => x.id === teamId);
  const people = new Map<string, string>();
  if (view.investigatorId && view.investigatorName) people.set(view.investigatorId, view.investigatorName);
  for (const member of team?.members ?? []) if (member.userId) people.set(member.userId, member.displayName);
  if (me) people.set(me.userId, `${me.displayName} (${me.username})`);
  if (!view.may.assign)
    return (
      <Card title={t('investigations.assign.title')} style={{ marginBottom: 16 }}>
        <Typography.Text>{`${t('investigations.assign.investigator')}：${view.investigatorName ?? t('investigations.assign.none')}`}</Typography.Text>
        <br />
        <Typography.Text>{`${t('investigations.assign.team')}：${view.teamName ?? t('investigations.assign.none')}`}</Typography.Text>
      </Card>
    );
  return (
    <Card title={t('investigations.assign.title')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Select<string>
          allowClear
          value={teamId ?? undefined}
          onChange={(value) => setTeamId(value ?? null)}
          placeholder={t('investigations.assign.team')}
          loading={teams.isLoading}
          options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
          aria-label={t('investigations.assign.team')}
          data-testid="investigation-assign-team"
        />
        {teams.data && teams.data.items.length === 0 ? (
          <Typography.Text type="secondary">{t('investigations.assign.noTeams')}</Typography.Text>
        ) : null}
        <Select<string>
          allowClear
          value={investigatorId ?? undefined}
          onChange={(value) => setInvestigatorId(value ?? null)}
          placeholder={t('investigations.assign.investigator')}
          options={[...people].map(([value, label]) => ({ value, label }))}
          aria-label={t('investigations.assign.investigator')}
          data-testid="investigation-assign-investigator"
        />
        <Space wrap>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={teamId === view.teamId && investigatorId === view.investigatorId}
            onClick={() => save.mutate({ teamId, investigatorId })}
            data-testid="investigation-assign-save"
          >
            {t('investigations.assign.save')}
          </Button>
          {me && investigatorId !== me.userId ? (
            <Button onClick={() => save.mutate({ teamId, investigatorId: me.userId })}>
              {t('investigations.assign.me')}
            </Button>
          ) : null}
        </Space>
      </Flex>
    </Card>
  );
}
