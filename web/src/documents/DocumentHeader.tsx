import { Card, Descriptions, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from './api';

/** A value the document does not state, marked as assumed with the reason on hover. */
function Assumed({ document, children }: { document: DocumentSummary; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {children}
      <Tooltip title={t('documents.assumedReason', { reason: document.assumptionReason ?? '' })}>
        <Tag color="gold" style={{ marginInlineStart: 8 }} data-testid="document-assumed">
          {t('documents.assumed')}
        </Tag>
      </Tooltip>
    </>
  );
}

/** Title, issuer, number and date of a registered document (issue 12, Deliver 2). */
export function DocumentHeader({ document }: { document: DocumentSummary }) {
  const { t } = useTranslation();
  const field = (name: 'issuer' | 'issuedOn', value: string | null) => {
    const shown = value ?? t('documents.none');
    return document.assumed.includes(name) ? <Assumed document={document}>{shown}</Assumed> : shown;
  };
  return (
    <Card
      data-testid="document-header"
      title={
        <Typography.Title level={3} className="page-title" style={{ margin: 0, whiteSpace: 'normal' }}>
          《{document.title}》
        </Typography.Title>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('documents.detail.issuer')}>
          {field('issuer', document.issuer)}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.detail.number')}>
          {document.number ?? t('documents.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.detail.issuedOn')}>
          {field('issuedOn', document.issuedOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.detail.citations')}>
          {t('documents.citationCount', { count: document.citationCount })}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
