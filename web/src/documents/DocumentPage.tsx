import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Skeleton, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { fold, locateQuote, type Span } from '../../../src/rules/policy/citations';
import { ProblemAlert } from '../common/ProblemAlert';
import { type DocumentDetail, documentKeys, fetchDocument, tagTitle } from './api';
import { CitationList } from './CitationList';
import { clauseText } from './clause';
import { DocumentHeader } from './DocumentHeader';
import { DocumentText } from './DocumentText';

/** The passage `?q=` asks for: a loaded pack's citation of it, else the quote found in the text. */
function targetSpans(document: DocumentDetail, section: string | null, quote: string | null): Span[] | null {
  if (!quote) return null;
  const cited = document.citations.find((c) => c.quote === quote && (!section || c.section === section));
  if (cited?.found) return cited.spans;
  const found = locateQuote(fold(document.fullText), quote);
  return 'spans' in found ? found.spans : [];
}

const NONE: Span[] = [];

/**
 * A source document as a CDC reads it (issue 12, Deliver 2): its metadata, its full text with every
 * passage the loaded packs quote shaded, and the passage of one citation emphasised when the page is
 * opened from a citation tag (`?cite=§3&q=…`).
 */
export default function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const section = search.get('cite');
  const quote = search.get('q');
  const query = useQuery({ queryKey: documentKeys.one(id), queryFn: () => fetchDocument(id) });
  const document = query.data;
  const target = useMemo(
    () => (document ? targetSpans(document, section, quote) : null),
    [document, section, quote],
  );
  const missing = document?.citations.filter((c) => !c.found) ?? [];
  return (
    <>
      <Flex style={{ marginBottom: 12 }}>
        <Link to="/policy/documents" data-testid="back-to-documents">
          {t('documents.back')}
        </Link>
      </Flex>
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {document ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="document-detail">
          <DocumentHeader document={document} />
          {section || quote ? (
            target && target.length === 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('documents.detail.targetMissing', { quote: quote ?? '' })}
              />
            ) : (
              <Alert
                type="info"
                showIcon
                data-testid="document-target-note"
                title={t('documents.detail.target', {
                  clause: `《${tagTitle(document)}》${section ? clauseText(t, section) : ''}`,
                })}
                description={quote ? `“${quote}”` : undefined}
              />
            )
          ) : null}
          {missing.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('documents.detail.notFound', { count: missing.length })}
              description={
                <ul style={{ margin: 0 }}>
                  {missing.map((c) => (
                    <li key={`${c.packId}@${c.packVersion} ${c.path}`}>“{c.quote}”</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {document.citations.length > 0 ? (
            <CitationList documentId={document.id} citations={document.citations} />
          ) : null}
          <Card
            title={t('documents.detail.text')}
            extra={
              <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                {document.citations.length > 0
                  ? t('documents.detail.highlightHint')
                  : t('documents.detail.notCited')}
              </span>
            }
          >
            <DocumentText text={document.fullText} citations={document.citations} target={target ?? NONE} />
          </Card>
        </Space>
      ) : query.isPending ? (
        <Skeleton active />
      ) : null}
    </>
  );
}
