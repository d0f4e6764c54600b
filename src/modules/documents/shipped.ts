import { readFile } from 'node:fs/promises';
import { Value } from 'typebox/value';
import { parse } from 'yaml';
import { type RegisterDocument, RegisterDocumentBody } from '../../api/documents.js';
import type { Database } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { completeDocument, storeDocument } from './store.js';
import { documentProblems } from './validate.js';

const DOCUMENTS_DIR = new URL('../../../documents/', import.meta.url);

/** An entry of documents/index.yaml; its text is documents/<id>.txt. */
interface IndexEntry {
  id: string;
  title: string;
  shortTitle?: string;
  issuer: string;
  number?: string;
  issuedOn?: string;
  assumed?: RegisterDocument['assumed'];
  reason?: string;
}

async function readShipped(): Promise<RegisterDocument[]> {
  const entries = parse(await readFile(new URL('index.yaml', DOCUMENTS_DIR), 'utf8')) as IndexEntry[];
  return Promise.all(
    entries.map(async ({ reason, ...entry }) => ({
      ...entry,
      ...(reason === undefined ? {} : { assumptionReason: reason }),
      fullText: await readFile(new URL(`${entry.id}.txt`, DOCUMENTS_DIR), 'utf8'),
    })),
  );
}

/**
 * Registers the source documents shipped in documents/ (the five the shipped packs cite). Like the
 * packs, they are part of the release: an invalid one, or one that differs from the document already
 * registered under its id, stops start-up. Load them before the packs, which are checked against them.
 */
export async function loadShippedDocuments(db: Database): Promise<string[]> {
  const stored: string[] = [];
  for (const input of await readShipped()) {
    const where = `documents/index.yaml, document ${JSON.stringify(input.id)}`;
    if (!Value.Check(RegisterDocumentBody, input)) {
      const errors = [...Value.Errors(RegisterDocumentBody, input)].map(
        (e) => `  ${e.instancePath}: ${e.message}`,
      );
      throw new Error(`${where} is invalid:\n${errors.join('\n')}`);
    }
    const document = completeDocument(input);
    const problems = documentProblems(document);
    if (problems.length > 0) {
      throw new Error(`${where} is invalid:\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
    }
    const outcome = await db
      .transaction((tx) => storeDocument(tx, document, null))
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        throw new Error(`${where} differs from the document registered under its id`, { cause: error });
      });
    if (outcome === 'stored') stored.push(document.id);
  }
  return stored;
}
