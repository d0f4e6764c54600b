import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { SheetFormat } from '../../platform/bulk/index.js';
import { type ImportFailure, startHeartbeat } from '../../platform/bulk/jobs.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { registerArrival } from '../arrivals/index.js';
import type { PushRow } from './pushRow.js';
import { pushRowError, type RowError, rowErrors, storeRowErrors } from './rowErrors.js';
import { classifyStaged, copyStagedRows, type LevelCounts, stageRows } from './stage.js';

export type PushMode = 'register' | 'classify';

export interface PushImportMeta {
  id: string;
  jurisdictionCode: string;
  fileName: string;
  format: SheetFormat;
  mode: PushMode;
}

/** registerArrival names the arrival's fields; the list names its columns. */
const LIST_FIELD: Readonly<Record<string, string>> = {
  'person.name': 'name',
  'person.idNumber': 'idNumber',
  'person.phone': 'phone',
  jurisdictionCode: 'destinationCode',
  originDivisionCode: 'originCode',
};

/** One import's record, batches and books (the push-list twin of the persons ledger's ImportJob). */
export class PushImportJob {
  private total = 0;
  private registered = 0;
  private unchanged = 0;
  private rejected = 0;
  readonly errors: RowError[] = [];
  private heartbeat: { stop: () => void } | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly actor: Actor,
    readonly meta: PushImportMeta,
    private readonly maxReported: number,
  ) {}

  private run<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return withScope(this.ctx.db, this.actor, fn);
  }

  /** Rows rejected so far, in committed batches. */
  get rejectedRows(): number {
    return this.rejected;
  }

  /**
   * Files the import as running and audits its start, before any batch, then beats while it runs
   * (a server stopped mid-import leaves it interrupted, with its committed counts); false when
   * this id already names a finished import of the caller's.
   */
  async start(): Promise<boolean> {
    const started = await this.run(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO push_imports (id, jurisdiction_code, actor_id, file_name, format, mode, status, started_at,
           heartbeat_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, now()) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          this.meta.id,
          this.meta.jurisdictionCode,
          this.actor.userId,
          this.meta.fileName,
          this.meta.format,
          this.meta.mode,
          this.ctx.now(),
        ],
      );
      if (inserted.length > 0) {
        await recordAudit(tx, this.actor, {
          action: 'import_started',
          entity: 'push_import',
          entityId: this.meta.id,
          jurisdictionCode: this.meta.jurisdictionCode,
          detail: { fileName: this.meta.fileName, format: this.meta.format, mode: this.meta.mode },
        });
        return true;
      }
      const [mine] = await tx.query<{ status: string }>('SELECT status FROM push_imports WHERE id = $1', [
        this.meta.id,
      ]);
      if (mine && mine.status !== 'running') return false;
      throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
    });
    if (started) {
      this.heartbeat = startHeartbeat(
        this.ctx.config.uploads.staleImportSeconds,
        () =>
          this.run((tx) =>
            tx.query(`UPDATE push_imports SET heartbeat_at = now() WHERE id = $1 AND status = 'running'`, [
              this.meta.id,
            ]),
          ),
        (error) => this.ctx.log.warn({ err: error }, 'push import heartbeat failed'),
      );
    }
    return started;
  }

  /** Registers each row as an arrival (one savepoint each, so a refused row leaves nothing), stages the accepted ones. */
  async commitBatch(rows: readonly PushRow[], problems: readonly RowError[]): Promise<void> {
    if (rows.length === 0 && problems.length === 0) return;
    const result = await this.run(async (tx) => {
      const accepted: PushRow[] = [];
      let created = 0;
      // One query for the batch's destinations: an unknown one never reaches registerArrival.
      const known = await knownCodes(
        tx,
        rows.map((row) => row.destinationCode),
      );
      const refused: RowError[] = rows
        .filter((row) => !known.has(row.destinationCode))
        .map((row) => pushRowError(row.line, 'destinationCode', 'jurisdiction_unknown'));
      for (const row of rows.filter((r) => known.has(r.destinationCode))) {
        await tx.exec('SAVEPOINT push_row');
        try {
          const registered = await registerArrival(this.ctx, tx, this.actor, {
            person: { name: row.name, idNumber: row.idNumber, phone: row.phone },
            jurisdictionCode: row.destinationCode,
            channel: 'push_list',
            sourceRef: row.key,
            origin: row.overseas ? 'overseas' : 'domestic',
            originDivisionCode: row.originCode,
            originName: row.originName,
            originCountry: row.originCountry,
            leftOriginAt: row.leftOriginAt,
            arrivedAt: row.arrivedAt,
            enteredAt: row.enteredAt,
          });
          await tx.exec('RELEASE SAVEPOINT push_row');
          accepted.push(row);
          if (registered.created) created++;
        } catch (error) {
          await tx.exec('ROLLBACK TO SAVEPOINT push_row');
          if (!(error instanceof AppError) || error.fields.length === 0) throw error;
          const fields = error.fields.map((f) => fieldError(LIST_FIELD[f.field] ?? f.field, f.code));
          refused.push(...rowErrors(row.line, fields));
        }
      }
      await stageRows(tx, this.meta.id, accepted);
      const batchErrors = [...problems, ...refused].sort((a, b) => a.line - b.line);
      await this.book(
        tx,
        rows.length + countLines(problems),
        created,
        accepted.length - created,
        batchErrors,
      );
      return batchErrors;
    });
    this.remember(result);
  }

  /** The scale path: rows are COPYed into staging, counted, never registered. */
  async stageBatch(rows: readonly PushRow[], problems: readonly RowError[]): Promise<void> {
    await copyStagedRows(this.ctx.db, this.meta.id, rows);
    await this.run((tx) => this.book(tx, rows.length + countLines(problems), 0, 0, [...problems]));
    this.remember(problems);
  }

  private async book(tx: Queryable, read: number, created: number, unchanged: number, errors: RowError[]) {
    await storeRowErrors(tx, this.meta.id, this.meta.jurisdictionCode, errors);
    this.total += read;
    this.registered += created;
    this.unchanged += unchanged;
    this.rejected += countLines(errors);
    await tx.query(
      `UPDATE push_imports SET total = $2, registered = $3, unchanged = $4, rejected = $5, heartbeat_at = now()
       WHERE id = $1`,
      [this.meta.id, this.total, this.registered, this.unchanged, this.rejected],
    );
  }

  private remember(errors: readonly RowError[]) {
    for (const error of errors) if (this.errors.length < this.maxReported) this.errors.push(error);
  }

  /** Classifies what was staged, closes the record and writes one audit entry (counts, no personal data). */
  async finish(status: 'done' | 'failed', failure?: ImportFailure): Promise<LevelCounts> {
    this.heartbeat?.stop();
    return this.run(async (tx) => {
      const levels = await classifyStaged(tx, this.meta.id);
      await tx.query(
        `UPDATE push_imports SET status = $2, levels = $3, finished_at = $4, failure = $5, heartbeat_at = now()
         WHERE id = $1`,
        [this.meta.id, status, JSON.stringify(levels), this.ctx.now(), failure ?? null],
      );
      await recordAudit(tx, this.actor, {
        action: 'import',
        entity: 'push_import',
        entityId: this.meta.id,
        jurisdictionCode: this.meta.jurisdictionCode,
        detail: {
          fileName: this.meta.fileName,
          mode: this.meta.mode,
          status,
          ...(failure ? { failure } : {}),
          total: this.total,
          registered: this.registered,
          unchanged: this.unchanged,
          rejected: this.rejected,
          levels,
        },
      });
      return levels;
    });
  }
}

function countLines(errors: readonly RowError[]): number {
  return new Set(errors.map((e) => e.line)).size;
}

async function knownCodes(tx: Queryable, codes: readonly string[]): Promise<Set<string>> {
  const rows = await tx.query<{ code: string }>(
    'SELECT code FROM jurisdictions WHERE code = ANY($1::text[])',
    [[...new Set(codes)]],
  );
  return new Set(rows.map((r) => r.code));
}
