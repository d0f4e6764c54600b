import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../i18n/pickText';
import { useLanguage } from '../../i18n/useLanguage';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { filePublicReport, type PublicReceipt } from '../api';
import { TruckReportForm } from './TruckReportForm';

function Receipt({ receipt, onAnother }: { receipt: PublicReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Result
      status={receipt.late ? 'warning' : 'success'}
      title={t('trucks.public.done')}
      subTitle={`${receipt.plate} · ${t('trucks.public.reference')} ${receipt.id.slice(0, 8).toUpperCase()}`}
      extra={
        <Button type="primary" size="large" onClick={onAnother} data-testid="truck-another">
          {t('trucks.public.another')}
        </Button>
      }
      data-testid="truck-receipt"
    >
      <Alert
        type={receipt.late ? 'error' : 'info'}
        showIcon
        title={pickText(language, receipt.message_zh, receipt.message)}
        data-testid="truck-receipt-message"
      />
    </Result>
  );
}

/** The consignee's page (ARR-12): no sign-in, laid out for a phone, Chinese first. */
export default function TruckPublicPage() {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<PublicReceipt | null>(null);
  const mutation = useMutation({ mutationFn: filePublicReport, onSuccess: setReceipt });
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 12, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 720 }}>
        <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="truck-public-title">
            {t('trucks.public.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        {receipt ? (
          <Receipt
            receipt={receipt}
            onAnother={() => {
              mutation.reset();
              setReceipt(null);
            }}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('trucks.public.intro')}</Typography.Paragraph>
            <TruckReportForm
              saving={mutation.isPending}
              error={mutation.error}
              onSubmit={(body) => mutation.mutate(body)}
            />
          </>
        )}
      </Card>
    </Flex>
  );
}
