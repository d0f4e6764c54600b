import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/platform/db/types.js';

/**
 * Testing data for the NAT benchmarks, COPYed straight into `tubes` and `samples` (the sampling
 * path is measured separately, through HTTP): a `share` of the county's persons, spread evenly over
 * its communities, sampled in pools of `poolSize`, each pool a sealed tube (received by the lab when
 * `received`). The samples' BEFORE INSERT trigger fills `home_code` and the statement trigger of
 * migration 0021 counts them into `campaign_progress`, as for any other write.
 */
export interface TestingFixture {
  labId: string;
  campaignId: string;
  tubes: number;
  samples: number;
  /** Barcodes in tube order, for result files. */
  barcodes: string[];
  /** Person ids of each tube, in tube order (for the person-level COPY baseline). */
  members: string[][];
}

export interface FixtureOptions {
  share: number;
  poolSize: number;
  sampledAt: Date;
  received: boolean;
  /** An existing lab to receive the tubes (else a new one, 'bench lab'). */
  labId?: string;
  /** Barcode prefix, so that two fixtures in one database do not collide (default 'B'). */
  prefix?: string;
}

const CHUNK = 10_000;
const TUBE_COLUMNS = [
  'id',
  'barcode',
  'jurisdiction_code',
  'campaign_id',
  'category',
  'capacity',
  'member_count',
  'opened_at',
  'sealed_at',
  'due_at',
  'lab_id',
  'received_at',
];
const SAMPLE_COLUMNS = ['tube_id', 'person_id', 'jurisdiction_code', 'campaign_id', 'purpose', 'sampled_at'];

/** Every k-th person by share (0.8 leaves out one in five), so that every community is sampled alike. */
const evenly = <T>(items: readonly T[], share: number) =>
  share >= 1 ? [...items] : items.filter((_, i) => Math.floor((i + 1) * share) > Math.floor(i * share));

export async function copyTestingFixture(
  db: Database,
  county: string,
  options: FixtureOptions,
): Promise<TestingFixture> {
  let labId = options.labId;
  if (!labId) {
    const [lab] = await db.query<{ id: string }>(
      `INSERT INTO labs (jurisdiction_code, name, kind, instruments, tubes_per_instrument_hour)
       VALUES ($1, 'bench lab', 'cdc', 20, 90) RETURNING id`,
      [county],
    );
    labId = lab!.id;
  }
  const prefix = options.prefix ?? 'B';
  const [campaign] = await db.query<{ id: string }>(
    `INSERT INTO campaigns (jurisdiction_code, name, pool_size, starts_at, due_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      county,
      `bench campaign ${prefix}`,
      options.poolSize,
      options.sampledAt.toISOString(),
      new Date(options.sampledAt.getTime() + 86_400_000),
    ],
  );
  const persons = await db.query<{ id: string }>(
    'SELECT id FROM persons WHERE jurisdiction_code ^@ $1 ORDER BY jurisdiction_code, id',
    [county],
  );
  const sampled = evenly(persons, options.share);
  const at = options.sampledAt.toISOString();
  const due = new Date(options.sampledAt.getTime() + 12 * 3_600_000).toISOString();
  const campaignId = campaign!.id;
  const barcodes: string[] = [];
  const members: string[][] = [];
  let tubeRows: string[] = [];
  let sampleRows: string[] = [];
  const flush = async () => {
    await db.copyCsv('tubes', TUBE_COLUMNS, tubeRows.join(''));
    await db.copyCsv('samples', SAMPLE_COLUMNS, sampleRows.join(''));
    tubeRows = [];
    sampleRows = [];
  };
  const received = options.received ? `${labId},${at}` : ',';
  for (let i = 0; i < sampled.length; i += options.poolSize) {
    const tube = sampled.slice(i, i + options.poolSize).map((p) => p.id);
    const tubeId = randomUUID();
    const barcode = `${prefix}${String(barcodes.length + 1).padStart(9, '0')}`;
    barcodes.push(barcode);
    members.push(tube);
    tubeRows.push(
      `${tubeId},${barcode},${county},${campaignId},general,${options.poolSize},${tube.length},${at},${at},${due},${received}\n`,
    );
    for (const personId of tube)
      sampleRows.push(`${tubeId},${personId},${county},${campaignId},campaign,${at}\n`);
    if (sampleRows.length >= CHUNK) await flush();
  }
  if (tubeRows.length > 0) await flush();
  await db.refreshStatistics(['tubes', 'samples', 'campaign_progress']);
  return { labId, campaignId, tubes: barcodes.length, samples: sampled.length, barcodes, members };
}
