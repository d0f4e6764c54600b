import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { type InvestigationDetail, investigationKeys } from './api';

/** A write of the workspace: its answer is the workspace itself, shown at once; lists refresh. */
export function useWrite<Args>(caseId: string, write: (args: Args) => Promise<InvestigationDetail>) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: write,
    onSuccess: (view) => {
      client.setQueryData(investigationKeys.one(caseId), view);
      void client.invalidateQueries({ queryKey: ['investigations', 'list'] });
      void message.success(t('investigations.saved'));
    },
  });
}
