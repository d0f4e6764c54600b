import { Type } from 'typebox';
import {
  DocumentDetailView,
  DocumentSummaryView,
  MAX_DOCUMENT_CHARACTERS,
  RegisterDocumentBody,
} from '../../api/documents.js';
import { withScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { documentDetail, listDocuments } from './queries.js';
import { completeDocument, storeDocument } from './store.js';
import { documentProblems } from './validate.js';

const tags = ['documents'];
const DocumentId = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });

/** Source documents that packs cite: read by everyone with policy.read, registered by policy.admin. */
export function documentRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/documents',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary: 'Registered source documents, with how many citations of the loaded packs name each',
        response: { 200: Type.Array(DocumentSummaryView) },
      },
    },
    (request) => withScope(ctx.db, actorOf(request), (tx) => listDocuments(tx)),
  );

  api.get(
    '/documents/:id',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags,
        summary:
          'One document: its full text, and every citation of the loaded packs into it with where it lies',
        params: Type.Object({ id: DocumentId }),
        response: { 200: DocumentDetailView },
      },
    },
    (request) => withScope(ctx.db, actorOf(request), (tx) => documentDetail(tx, request.params.id)),
  );

  api.post(
    '/documents',
    {
      config: { permission: 'policy.admin' },
      // Chinese text is 3 bytes a character in UTF-8, plus JSON escapes of its line breaks.
      bodyLimit: MAX_DOCUMENT_CHARACTERS * 3 + 64 * 1024,
      schema: {
        tags,
        summary:
          'Register a source document (never changed afterwards: a corrected text gets a new id); audited',
        body: RegisterDocumentBody,
        response: { 201: DocumentSummaryView, 200: DocumentSummaryView },
      },
    },
    async (request, reply) => {
      const document = completeDocument(request.body);
      const problems = documentProblems(document);
      if (problems.length > 0) throw new AppError('validation', problems);
      const actor = actorOf(request);
      const { outcome, summary } = await withScope(ctx.db, actor, async (tx) => {
        const outcome = await storeDocument(tx, document, actor.userId);
        if (outcome === 'stored') {
          await recordAudit(tx, actor, {
            action: 'register_document',
            entity: 'source_document',
            entityId: document.id,
            jurisdictionCode: actor.scopes[0] ?? '',
            detail: { title: document.title, number: document.number, characters: document.fullText.length },
          });
        }
        const summary = (await listDocuments(tx)).find((d) => d.id === document.id);
        return { outcome, summary };
      });
      if (!summary) throw notFound();
      return reply.status(outcome === 'stored' ? 201 : 200).send(summary);
    },
  );
}
