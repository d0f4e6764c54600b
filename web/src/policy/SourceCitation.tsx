import { BookOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Source } from '../../../src/rules/policy/types';
import { documentHref, tagTitle, useDocuments } from '../documents/api';
import { clauseText } from '../documents/clause';
import { usePermission } from '../session/useSession';
import { useReasonText } from './reasonText';

interface SourceCitationProps {
  source: Source | undefined;
  assumption?: boolean | undefined;
  reason?: string | undefined;
  /** Show the quote and the assumption's reason as text (pack pages), not only in tooltips. */
  detailed?: boolean;
}

/**
 * Where an item comes from, as the document's title and clause (《…》第3条), linked to the document
 * reader at the quoted passage (issue 12, Deliver 2); when the pack assumed it, why (ARR-1 … ARR-10).
 */
export function SourceCitation({
  source,
  assumption,
  reason: written,
  detailed = false,
}: SourceCitationProps) {
  const { t } = useTranslation();
  const reason = useReasonText()(written);
  const canRead = usePermission('policy.read');
  const documents = useDocuments();
  if (!source) return null;
  const document = documents.data?.find((d) => d.id === source.document);
  const clause = clauseText(t, source.section);
  const label = document
    ? t('policy.source.label', { title: tagTitle(document), clause })
    : t('policy.source.unknown', { clause });
  const tip = (
    <div>
      <div>
        {document ? t('policy.source.label', { title: document.title, clause }) : label}
        {document?.number ? `（${document.number}）` : null}
      </div>
      {source.quote ? <div>“{source.quote}”</div> : null}
      {assumption && reason && !detailed ? <div>{t('policy.source.reason', { reason })}</div> : null}
      {canRead ? <div>{t('policy.source.open')}</div> : null}
    </div>
  );
  const tag = (
    <Tag
      icon={<BookOutlined />}
      data-testid="source-citation"
      style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
    >
      {label}
    </Tag>
  );
  return (
    <Space orientation="vertical" size={2} style={{ maxWidth: '100%' }}>
      <Space size={4} wrap>
        <Tooltip title={tip}>
          {canRead ? (
            <Link
              to={documentHref(source.document, source.section, source.quote)}
              onClick={(event) => event.stopPropagation()}
              data-testid="source-citation-link"
            >
              {tag}
            </Link>
          ) : (
            tag
          )}
        </Tooltip>
        {assumption ? (
          <Tooltip title={detailed ? undefined : reason}>
            <Tag color="gold" data-testid="assumption-badge" style={{ marginInlineEnd: 0 }}>
              {t('policy.source.assumption')}
            </Tag>
          </Tooltip>
        ) : null}
      </Space>
      {detailed && source.quote ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="source-quote">
          “{source.quote}”
        </Typography.Text>
      ) : null}
      {detailed && assumption && reason ? (
        <Typography.Text style={{ fontSize: 12 }} data-testid="assumption-reason">
          {t('policy.source.reason', { reason })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
