import { useQuery } from '@tanstack/react-query';
import type { DocumentDetail, DocumentSummary, RegisterDocument } from '../../../src/api/documents';
import { api } from '../api/client';
import { usePermission } from '../session/useSession';

export type { Citation, DocumentDetail, DocumentSummary, RegisterDocument } from '../../../src/api/documents';

export const documentKeys = {
  list: ['documents'] as const,
  one: (id: string) => ['documents', id] as const,
};

export const fetchDocuments = () => api.get<DocumentSummary[]>('/documents');
export const fetchDocument = (id: string) => api.get<DocumentDetail>(`/documents/${encodeURIComponent(id)}`);
export const registerDocument = (body: RegisterDocument) => api.post<DocumentSummary>('/documents', body);

/**
 * The registered documents, for citation tags everywhere: a registered document never changes, so
 * the list is fetched once per session (and again after a registration).
 */
export function useDocuments() {
  const allowed = usePermission('policy.read');
  return useQuery({
    queryKey: documentKeys.list,
    queryFn: fetchDocuments,
    enabled: allowed,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The reader's address, at one citation: `?cite=§3&q=<quote>` scrolls to it and marks it. */
export function documentHref(id: string, section?: string, quote?: string): string {
  const search = new URLSearchParams();
  if (section) search.set('cite', section);
  if (quote) search.set('q', quote);
  const text = search.toString();
  return `/policy/documents/${encodeURIComponent(id)}${text ? `?${text}` : ''}`;
}

/** The name a citation tag shows: the short title where the title is long. */
export const tagTitle = (document: Pick<DocumentSummary, 'title' | 'shortTitle'>) =>
  document.shortTitle ?? document.title;
