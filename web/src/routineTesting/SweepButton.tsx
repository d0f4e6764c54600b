import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { routineKeys, sweepNow } from './api';

/** TST-5 "sweep now": pushes missed tests at once instead of waiting for the hourly run. */
export function SweepButton({ jurisdiction }: { jurisdiction: string | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sweep = useMutation({
    mutationFn: () => sweepNow(jurisdiction),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: routineKeys.all }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Popconfirm title={t('routineTesting.sweep.confirm')} onConfirm={() => sweep.mutate()}>
          <Button type="primary" loading={sweep.isPending} data-testid="routine-sweep">
            {t('routineTesting.sweep.button')}
          </Button>
        </Popconfirm>
        <Typography.Text type="secondary">{t('routineTesting.sweep.hint')}</Typography.Text>
      </Space>
      {sweep.error ? <ProblemAlert error={sweep.error} /> : null}
      {sweep.data ? (
        <Alert
          type={sweep.data.opened > 0 ? 'success' : 'info'}
          showIcon
          closable
          data-testid="routine-sweep-result"
          title={
            sweep.data.opened > 0 || sweep.data.superseded > 0
              ? t('routineTesting.sweep.done', {
                  opened: sweep.data.opened,
                  superseded: sweep.data.superseded,
                })
              : t('routineTesting.sweep.none')
          }
        />
      ) : null}
    </Space>
  );
}
