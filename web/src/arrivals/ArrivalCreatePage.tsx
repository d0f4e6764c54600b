import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../session/useSession';
import { ArrivalForm } from './ArrivalForm';
import { arrivalKeys, createArrival } from './api';
import { emptyArrival } from './formValues';

export default function ArrivalCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  // One scope: it is the destination unless the user picks a place below it.
  const initialValues = useMemo(
    () => emptyArrival(me.scopes.length === 1 ? me.scopes[0] : undefined),
    [me.scopes],
  );
  const mutation = useMutation({
    mutationFn: createArrival,
    onSuccess: (arrival) => {
      queryClient.setQueryData(arrivalKeys.detail(arrival.id), arrival);
      void queryClient.invalidateQueries({ queryKey: ['arrivals', 'list'] });
      message.success(t('arrivals.registered'));
      navigate(`/arrivals/${arrival.id}`, { replace: true });
    },
  });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('arrivals.register')}
      </Typography.Title>
      <Card>
        <ArrivalForm
          initialValues={initialValues}
          saving={mutation.isPending}
          error={mutation.error}
          onSubmit={(body) => mutation.mutate(body)}
          onCancel={() => navigate('/arrivals')}
        />
      </Card>
    </>
  );
}
