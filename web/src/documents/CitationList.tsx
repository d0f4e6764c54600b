import { Collapse, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../i18n/useLanguage';
import { type Citation, documentHref } from './api';
import { citingItems } from './citationLabel';
import { clauseText } from './clause';

/** Every pack item citing the document, each a link to its passage in the text. */
export function CitationList({
  documentId,
  citations,
}: {
  documentId: string;
  citations: readonly Citation[];
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lines = citingItems(t, language, citations);
  return (
    <Collapse
      data-testid="document-citations"
      items={[
        {
          key: 'citations',
          label: t('documents.detail.showAll', { count: lines.length }),
          children: (
            <List
              size="small"
              dataSource={lines}
              renderItem={(line) => (
                <List.Item key={line.key}>
                  <List.Item.Meta
                    title={
                      <Link
                        to={documentHref(documentId, line.citation.section, line.citation.quote ?? undefined)}
                        replace
                      >
                        {clauseText(t, line.citation.section)} · {line.item}
                      </Link>
                    }
                    description={
                      <>
                        <div>{line.pack}</div>
                        {line.citation.quote ? (
                          <Typography.Text type="secondary">“{line.citation.quote}”</Typography.Text>
                        ) : null}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}
