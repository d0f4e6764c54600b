import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createPerson, personKeys } from './api';
import { EMPTY_PERSON } from './formValues';
import { PersonForm } from './PersonForm';

export default function PersonCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createPerson,
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      void queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
      message.success(t('persons.created'));
      navigate(`/persons/${person.id}`, { replace: true });
    },
  });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('persons.new')}
      </Typography.Title>
      <Card>
        <PersonForm
          initialValues={EMPTY_PERSON}
          saving={mutation.isPending}
          error={mutation.error}
          onSubmit={(body) => mutation.mutate(body)}
          onCancel={() => navigate('/persons')}
        />
      </Card>
    </>
  );
}
