import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../common/formatDateTime';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { Pass, Registration } from './api';
import { OutcomeTags } from './outcomeTags';

const ALERT_TYPE = {
  pass: 'success',
  medical: 'error',
  hold: 'warning',
  register_and_hand_over: 'info',
} as const;

/** What staff do with the traveller just logged, in large type (ARR-15). */
export function PassResult({
  pass,
  registration,
  onNext,
}: {
  pass: Pass;
  registration: Registration | null;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  // The plan by its protocol's name, never its rule ID or id.
  const protocol = registration?.protocolTitle
    ? pickText(language, registration.protocolTitle.zh, registration.protocolTitle.en)
    : '';
  const release = registration?.releaseDate ? formatDay(registration.releaseDate, language) : '—';
  // Item 21: only a plan with a controlling phase puts the person under control.
  const plan = registration?.rule
    ? registration.underControl
      ? t('checkpoints.result.plan', { protocol, date: release })
      : t('checkpoints.result.registerOnly', { protocol })
    : registration
      ? t('checkpoints.result.noPlan')
      : null;
  return (
    <Alert
      type={ALERT_TYPE[pass.outcome]}
      showIcon
      data-testid="pass-result"
      style={{ marginBottom: 16 }}
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="pass-result-outcome">
          {t(`checkpoints.outcome.${pass.outcome}`)}
        </Typography.Title>
      }
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {pass.personName} {pass.idNumberMasked}
          </Typography.Paragraph>
          <OutcomeTags pass={pass} />
          {plan ? <Typography.Paragraph style={{ margin: '8px 0 0' }}>{plan}</Typography.Paragraph> : null}
        </>
      }
      action={
        <Button type="primary" onClick={onNext} data-testid="pass-next">
          {t('checkpoints.pass.next')}
        </Button>
      }
    />
  );
}
