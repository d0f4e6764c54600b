import { Alert, Button, Card, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText } from '../i18n/pickText';
import { useLanguage } from '../i18n/useLanguage';
import type { ObligationKind, Submitted } from './api';

const KIND_COLORS: Record<ObligationKind, string> = {
  phase: 'blue',
  test: 'purple',
  restriction: 'orange',
  shortfall: 'red',
  release: 'green',
  truck: 'gold',
  next: 'default',
};

interface ObligationsViewProps {
  submitted: Submitted;
  onAgain: () => void;
}

/** What the traveller must do after reporting (ARR-11), with the receipt; identity only masked. */
export function ObligationsView({ submitted, onAgain }: ObligationsViewProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const text = (value: { zh: string; en: string }) => pickText(language, value.zh, value.en);
  const { obligations, person } = submitted;
  return (
    <div data-testid="landing-result">
      <Alert
        type="success"
        showIcon
        title={
          <span>
            {t('publicLanding.receipt')}
            {t('common.colon')}
            <strong data-testid="landing-receipt">{submitted.receipt}</strong>
          </span>
        }
        description={t('publicLanding.receiptHint')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('publicLanding.reportedAs')}>
          <span data-testid="landing-person">
            {person.nameMasked} {person.idNumberMasked} {person.phoneMasked}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('publicLanding.fields.destinationCode')}>
          {submitted.destination.name}
        </Descriptions.Item>
      </Descriptions>
      <Card
        title={t('publicLanding.obligationsTitle')}
        extra={
          obligations.matched ? null : obligations.originReview || obligations.cdcReview ? (
            // B7: no measures yet; the lines say what happens next.
            <Tag color="orange" data-testid="landing-origin-review">
              {t('publicLanding.originReview')}
            </Tag>
          ) : (
            <Tag color="green">{t('publicLanding.noProtocol')}</Tag>
          )
        }
      >
        <Typography.Paragraph strong data-testid="landing-headline">
          {text(obligations.headline)}
        </Typography.Paragraph>
        <List
          dataSource={obligations.lines}
          renderItem={(line, index) => (
            <List.Item key={index} data-testid="landing-obligation" data-kind={line.kind}>
              <div>
                <Tag color={KIND_COLORS[line.kind]}>{t(`publicLanding.sectionLabels.${line.kind}`)}</Tag>
                <span style={{ fontSize: 16 }}>{text(line.text)}</span>
              </div>
            </List.Item>
          )}
        />
      </Card>
      <Button block style={{ marginTop: 16 }} onClick={onAgain} data-testid="landing-again">
        {t('publicLanding.reportAgain')}
      </Button>
    </div>
  );
}
