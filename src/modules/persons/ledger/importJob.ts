import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/access/actor.js';
import { firstScope, withScope } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { type ImportFailure, startHeartbeat } from '../../../platform/bulk/jobs.js';
import type { SheetFormat } from '../../../platform/bulk/readRows.js';
import {
  MAX_REPORTED_ERRORS,
  type RowError,
  rowErrorWithLabel,
  seqWithinLine,
} from '../../../platform/bulk/rowErrors.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/types.js';
import { AppError, fieldError } from '../../../platform/errors.js';
import type { FieldCode } from '../../../platform/messages.js';
import { insertSealedPersons } from '../bulkInsert.js';
import { sealPerson } from '../seal.js';
import type { PersonFields } from '../validate.js';
import { fieldLabel } from './columns.js';

export interface ImportReport {
  jobId: string;
  total: number;
  created: number;
  unchanged: number;
  rejected: number;
  /** The first MAX_REPORTED_ERRORS; all of them are stored for the downloadable report. */
  errors: RowError[];
}

/** The English message names the field, the Chinese one the column header people see. */
export function rowError(line: number, field: string, code: FieldCode): RowError {
  return rowErrorWithLabel(line, field, fieldLabel(field), code);
}

/** A row that passed every check made without the database. */
export interface Candidate {
  line: number;
  fields: PersonFields;
}

/**
 * One import's batches and books: its record, counts and stored row errors, and its audit entries.
 * The record and an `import_started` audit entry are written before the first batch (start), each
 * batch commits its rows together with the record's counts, and a heartbeat keeps the record
 * fresh while it runs: a server stopped mid-import leaves a record that reads as interrupted, with
 * exactly what was committed (E18 of issue 11).
 */
export class ImportJob {
  readonly id: string;
  private readonly startedAt: Date;
  /** True once the record is written (start). */
  started = false;
  private total = 0;
  private created = 0;
  private unchanged = 0;
  private rejected = 0;
  private lastRejectedLine = -1;
  private readonly errors: RowError[] = [];
  /** For the CLI: the longest code prefix shared by the imported rows, where the import is filed. */
  private commonPrefix: string | undefined;
  private heartbeat: { stop: () => void } | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly actor: Actor | undefined,
    private readonly fileName: string,
    private readonly format: SheetFormat,
    id?: string,
  ) {
    this.id = id ?? randomUUID();
    this.startedAt = ctx.now();
  }

  /** Rows rejected so far, in committed batches. */
  get rejectedRows(): number {
    return this.rejected;
  }

  /** Where the import and its errors are filed: the actor's first scope, else found at the end. */
  private get jurisdiction(): string {
    return this.actor ? firstScope(this.actor.scopes) : (this.commonPrefix ?? '');
  }

  private run<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.actor ? withScope(this.ctx.db, this.actor, fn) : this.ctx.db.transaction(fn);
  }

  /**
   * One transaction: the batch's jurisdictions checked with one query, the accepted rows inserted
   * (an ID number already registered is left as it is) and the batch's row errors stored.
   */
  async commitBatch(candidates: Candidate[], problems: RowError[]): Promise<void> {
    if (candidates.length === 0 && problems.length === 0) return;
    if (!this.started) await this.start();
    const result = await this.run(async (tx) => {
      const codes = [...new Set(candidates.map((c) => c.fields.jurisdictionCode))];
      const known = new Set(
        (
          await tx.query<{ code: string }>('SELECT code FROM jurisdictions WHERE code = ANY($1::text[])', [
            codes,
          ])
        ).map((r) => r.code),
      );
      const accepted = candidates.filter((c) => known.has(c.fields.jurisdictionCode));
      const unknown = candidates
        .filter((c) => !known.has(c.fields.jurisdictionCode))
        .map((c) => rowError(c.line, 'jurisdictionCode', 'jurisdiction_unknown'));
      const batchErrors = [...problems, ...unknown].sort((a, b) => a.line - b.line);
      const created = await insertSealedPersons(
        tx,
        accepted.map((c) => sealPerson(this.ctx.cipher, c.fields)),
      );
      await this.storeErrors(tx, batchErrors);
      // The record's counts commit with the rows they count.
      const rejectedLines = new Set(batchErrors.map((e) => e.line)).size;
      await tx.query(
        `UPDATE person_imports SET total = $2, created = $3, unchanged = $4, rejected = $5, heartbeat_at = now()
         WHERE id = $1`,
        [
          this.id,
          this.total + candidates.length + new Set(problems.map((p) => p.line)).size,
          this.created + created,
          this.unchanged + accepted.length - created,
          this.rejected + rejectedLines,
        ],
      );
      return { accepted, created, batchErrors };
    });
    this.total += candidates.length + new Set(problems.map((p) => p.line)).size;
    this.created += result.created;
    this.unchanged += result.accepted.length - result.created;
    for (const error of result.batchErrors) {
      if (error.line !== this.lastRejectedLine) this.rejected++;
      this.lastRejectedLine = error.line;
      if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error);
    }
    if (!this.actor) {
      for (const c of result.accepted)
        this.commonPrefix = sharedPrefix(this.commonPrefix, c.fields.jurisdictionCode);
    }
  }

  /**
   * Files the import as running and audits its start, in one transaction, before any batch; an id
   * the client gave that names an import already is a conflict. Then beats while the import runs.
   */
  async start(): Promise<void> {
    if (this.started) return;
    await this.run(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO person_imports (id, jurisdiction_code, actor_id, file_name, format, started_at, status, heartbeat_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'running', now()) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [this.id, this.jurisdiction, this.actor?.userId ?? null, this.fileName, this.format, this.startedAt],
      );
      if (inserted.length === 0) throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
      await recordAudit(tx, this.actor, {
        action: 'import_started',
        entity: 'person_import',
        entityId: this.id,
        jurisdictionCode: this.jurisdiction,
        detail: { fileName: this.fileName, format: this.format },
      });
    });
    this.started = true;
    this.heartbeat = startHeartbeat(
      this.ctx.config.uploads.staleImportSeconds,
      () =>
        this.run((tx) =>
          // The database's clock, like the staleness check that reads it (jobStatusSql).
          tx.query(`UPDATE person_imports SET heartbeat_at = now() WHERE id = $1 AND status = 'running'`, [
            this.id,
          ]),
        ),
      (error) => this.ctx.log.warn({ err: error }, 'import heartbeat failed'),
    );
  }

  private async storeErrors(tx: Queryable, errors: RowError[]) {
    if (errors.length === 0) return;
    await tx.query(
      `INSERT INTO person_import_errors (import_id, jurisdiction_code, line, seq, field, code)
       SELECT $1, $2, l, s, f, c FROM unnest($3::int[], $4::int[], $5::text[], $6::text[]) AS e(l, s, f, c)`,
      [
        this.id,
        this.jurisdiction,
        errors.map((e) => e.line),
        seqWithinLine(errors),
        errors.map((e) => e.field),
        errors.map((e) => e.code),
      ],
    );
  }

  partial() {
    return { jobId: this.id, created: this.created, unchanged: this.unchanged, rejected: this.rejected };
  }

  /**
   * Closes the record, done or failed (with why), and writes the import's audit entry, which holds
   * the file's name, the outcome and the counts, no personal data.
   */
  async finish(failure?: ImportFailure): Promise<ImportReport> {
    this.heartbeat?.stop();
    const report: ImportReport = {
      jobId: this.id,
      total: this.total,
      created: this.created,
      unchanged: this.unchanged,
      rejected: this.rejected,
      errors: this.errors,
    };
    await this.run(async (tx) => {
      const provisional = !this.actor;
      const status = failure ? 'failed' : 'done';
      await tx.query(
        `UPDATE person_imports SET jurisdiction_code = $2, total = $3, created = $4, unchanged = $5, rejected = $6,
           finished_at = $7, heartbeat_at = now(), status = $8, failure = $9 WHERE id = $1`,
        [
          this.id,
          this.jurisdiction,
          report.total,
          report.created,
          report.unchanged,
          report.rejected,
          this.ctx.now(),
          status,
          failure ?? null,
        ],
      );
      if (provisional) {
        await tx.query('UPDATE person_import_errors SET jurisdiction_code = $2 WHERE import_id = $1', [
          this.id,
          this.jurisdiction,
        ]);
      }
      await recordAudit(tx, this.actor, {
        action: 'import',
        entity: 'person_import',
        entityId: this.id,
        jurisdictionCode: this.jurisdiction,
        detail: {
          fileName: this.fileName,
          format: this.format,
          status,
          ...(failure ? { failure } : {}),
          total: report.total,
          created: report.created,
          unchanged: report.unchanged,
          rejected: report.rejected,
        },
      });
    });
    return report;
  }
}

function sharedPrefix(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
