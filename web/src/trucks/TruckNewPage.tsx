import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fileTruckReport } from './api';
import { TruckReportForm } from './public/TruckReportForm';

/** Staff file a report for a consignee who called in (ARR-12); the same form as the public page. */
export default function TruckNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: fileTruckReport,
    onSuccess: (report) => {
      void queryClient.invalidateQueries({ queryKey: ['trucks', 'list'] });
      message.success(t('trucks.actions.saved'));
      navigate(`/trucks/${report.id}`, { replace: true });
    },
  });
  return (
    <Card
      title={
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('trucks.newTitle')}
        </Typography.Title>
      }
      style={{ maxWidth: 900 }}
    >
      <TruckReportForm
        saving={mutation.isPending}
        error={mutation.error}
        onSubmit={(body) => mutation.mutate(body)}
      />
    </Card>
  );
}
