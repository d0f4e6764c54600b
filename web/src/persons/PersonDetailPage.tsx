import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../common/ProblemAlert';
import { ControlBadge } from '../labResults/ControlBadge';
import { usePermission } from '../session/useSession';
import { storyKeys } from '../story/api';
import { PersonStory } from '../story/PersonStory';
import {
  fetchPerson,
  type Person,
  type PersonBody,
  personKeys,
  type UnmaskedPerson,
  updatePerson,
} from './api';
import { fromPerson } from './formValues';
import { PersonDetails } from './PersonDetails';
import { PersonForm } from './PersonForm';
import { UnmaskButton } from './UnmaskButton';

function PersonView({ person, onReload }: { person: Person; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = usePermission('person.write');
  const canUnmask = usePermission('person.unmask');
  const [unmasked, setUnmasked] = useState<UnmaskedPerson | null>(null);
  const [editing, setEditing] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: PersonBody) => updatePerson(person.id, person.version, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(personKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
      message.success(t('persons.saved'));
      setEditing(false);
    },
  });

  // The unmasking is audited: the story shows it next.
  const onUnmasked = (clear: UnmaskedPerson) => {
    setUnmasked(clear);
    void queryClient.invalidateQueries({ queryKey: storyKeys.person(person.id) });
  };

  const reload = () => {
    mutation.reset();
    setEditing(false);
    onReload();
  };

  return (
    <Card
      // The name and the actions share the head and wrap on a phone: beside a wide set of actions
      // (the control badge, unmask, edit) the name alone was squeezed out of sight.
      styles={{ header: { paddingBlock: 8 } }}
      title={
        <Flex wrap gap={8} align="center" justify="space-between" style={{ whiteSpace: 'normal' }}>
          <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
            {person.name}
          </Typography.Title>
          {editing ? null : (
            <Space wrap>
              <ControlBadge personId={person.id} />
              {canUnmask && !unmasked ? <UnmaskButton personId={person.id} onUnmasked={onUnmasked} /> : null}
              {canWrite ? (
                <Button
                  type="primary"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(true)}
                  data-testid="person-edit"
                >
                  {t('common.edit')}
                </Button>
              ) : null}
            </Space>
          )}
        </Flex>
      }
    >
      {editing ? (
        <PersonForm
          key={`${person.id}:${person.version}:${unmasked ? 'clear' : 'masked'}`}
          initialValues={fromPerson(person, unmasked)}
          masked={unmasked ? undefined : { idNumber: person.idNumberMasked, phone: person.phoneMasked }}
          birthDateHidden={person.birthDate === null && person.ageBand !== null}
          saving={mutation.isPending}
          error={mutation.error}
          onSubmit={(body) => mutation.mutate(body)}
          onCancel={() => {
            mutation.reset();
            setEditing(false);
          }}
          onReload={reload}
        />
      ) : (
        <PersonDetails person={person} unmasked={unmasked} />
      )}
    </Card>
  );
}

/** One person: masked by default, unmasked on request (audited), editable with `person.write`. */
export default function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: personKeys.detail(id), queryFn: () => fetchPerson(id) });
  return (
    <>
      <Flex style={{ marginBottom: 12 }}>
        <Link to="/persons" data-testid="back-to-persons">
          {t('persons.backToList')}
        </Link>
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {query.data ? (
        <>
          <PersonView key={query.data.id} person={query.data} onReload={() => void query.refetch()} />
          <PersonStory key={`story:${query.data.id}`} personId={query.data.id} />
        </>
      ) : query.isPending ? (
        <Skeleton active />
      ) : null}
    </>
  );
}
