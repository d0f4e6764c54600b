import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { fetchLandingArea, submitReport } from './api';
import { ObligationsView } from './ObligationsView';
import { ReportForm } from './ReportForm';

/**
 * The public page a landing code's QR code opens (ARR-11): no sign-in, phone first. The traveller
 * reports and then reads their obligations and receipt.
 */
export default function LandingReportPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const area = useQuery({
    queryKey: ['public', 'landing', code],
    queryFn: () => fetchLandingArea(code),
    retry: false,
  });
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof submitReport>[1]) => submitReport(code, body),
  });

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 12 }}>
      <Card style={{ width: '100%', maxWidth: 560 }} data-testid="landing-page">
        <Flex justify="space-between" align="start" gap={8} style={{ marginBottom: 8 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('publicLanding.title')}
            </Typography.Title>
            {area.data ? (
              <Typography.Text type="secondary" data-testid="landing-area">
                {area.data.fullName}
              </Typography.Text>
            ) : null}
          </div>
          <LanguageSwitch />
        </Flex>
        {area.isLoading ? <Spin /> : null}
        {area.error ? (
          <Alert type="error" showIcon title={t('publicLanding.unknownCode')} data-testid="landing-unknown" />
        ) : null}
        {area.data && mutation.data ? (
          <ObligationsView submitted={mutation.data} onAgain={() => mutation.reset()} />
        ) : null}
        {area.data && !mutation.data ? (
          <>
            <Typography.Paragraph type="secondary">{t('publicLanding.intro')}</Typography.Paragraph>
            <ReportForm
              landingCode={code}
              sending={mutation.isPending}
              error={mutation.error}
              onSubmit={(body) => mutation.mutate(body)}
            />
          </>
        ) : null}
      </Card>
    </Flex>
  );
}
