import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { idHash } from '../../platform/pii/seal.js';
import { withCheckDigit } from '../../rules/idNumber.js';
import { maskIdNumber } from '../../rules/mask.js';
import { createCheckpoint } from './checkpoints.js';
import { logPass } from './passes.js';
import type { PassInput } from './passInput.js';

const NAMES = [
  '赵文博',
  '钱佳怡',
  '孙浩然',
  '李思琪',
  '周子涵',
  '吴宇航',
  '郑欣怡',
  '王俊杰',
  '冯雨桐',
  '陈博文',
];

/**
 * HC-3 demo: a highway checkpoint and the railway station of the county, with today's passes in
 * both directions: green codes with a NAT proof and the itinerary card, a few with an old proof or
 * no card (missing proof), a yellow code held, and one pass from before directions were recorded.
 */
export async function loadCheckpointsDemo(ctx: AppContext, actor: Actor, county: string): Promise<void> {
  const spread = await withScope(ctx.db, actor, async (tx): Promise<Array<[string, number]>> => {
    const [existing] = await tx.query('SELECT 1 FROM checkpoints WHERE jurisdiction_code = $1 LIMIT 1', [
      county,
    ]);
    if (existing) return [];
    const villages = await tx.query<{ code: string }>(
      "SELECT code FROM jurisdictions WHERE level = 'village' AND code ^@ $1 ORDER BY code LIMIT 10",
      [county],
    );
    const { checkpoint: highway } = await createCheckpoint(tx, actor, {
      name: '盘山收费站防疫检查点',
      kind: 'highway',
      jurisdictionCode: county,
      natWithinHours: 48,
    });
    const { checkpoint: station } = await createCheckpoint(tx, actor, {
      name: '盘山站',
      kind: 'railway_station',
      jurisdictionCode: county,
      natWithinHours: 72,
    });
    const now = ctx.now().getTime();
    const spreadBy: Array<[string, number]> = [];
    const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
    for (let i = 0; i < 16; i++) {
      const at = i % 3 === 2 ? station : highway;
      const input: PassInput = {
        name: NAMES[i % NAMES.length] ?? '旅客',
        idNumber: withCheckDigit(
          `2111031980${String((i % 9) + 1).padStart(2, '0')}${String(10 + (i % 18))}${String(100 + i)}`,
        ),
        phone: `1380427${String(1000 + i)}`,
        healthCode: i === 7 ? 'yellow' : 'green',
        temperature: i === 11 ? 37.1 : 36.4 + (i % 5) / 10,
        origin: 'domestic',
        originDivisionCode: ['211103', '210102', '211302', '210881'][i % 4] ?? '211103',
        originName: ['盘锦市兴隆台区', '沈阳市和平区', '朝阳市双塔区', '营口市盖州市'][i % 4] ?? null,
        natAt: i % 6 === 4 ? hoursAgo(60) : i % 8 === 5 ? null : hoursAgo(6 + i),
        destinationCode: villages[i % Math.max(1, villages.length)]?.code ?? county,
        plate: null,
        direction: i % 4 === 1 ? 'out' : 'in',
        itineraryShown: i % 9 !== 6,
        itineraryPlaces:
          i % 9 === 6
            ? []
            : ([['辽宁省盘锦市'], ['辽宁省沈阳市', '辽宁省盘锦市'], ['辽宁省朝阳市']][i % 3] ?? []),
      };
      const logged = await logPass(ctx, tx, actor, at.id, input);
      spreadBy.push([logged.pass.id, (16 - i) * 17]);
    }
    // A pass from before directions and proofs were recorded (HC-3: shown as 未记录).
    const oldId = withCheckDigit('21110219750612031');
    await tx.query(
      `INSERT INTO checkpoint_passes (checkpoint_id, jurisdiction_code, passed_at, person_name, id_cipher, id_hash, id_masked,
         health_code, temperature, origin, origin_name, nat_at, destination_code, outcome, recorded_by)
       VALUES ($1, $2, $3, '刘建华', $4, $5, $6, 'green', 36.5, 'domestic', '盘锦市双台子区', $7, $8, 'pass', $9)`,
      [
        highway.id,
        county,
        hoursAgo(5),
        ctx.cipher.encrypt(oldId),
        idHash(ctx.cipher, oldId),
        maskIdNumber(oldId),
        hoursAgo(30),
        villages[0]?.code ?? county,
        actor.userId,
      ],
    );
    return spreadBy;
  });
  // Spread over the day so far, as a shift logs them (as the owner: passes are never updated by the app).
  for (const [id, minutes] of spread)
    await ctx.db.query(
      'UPDATE checkpoint_passes SET passed_at = passed_at - make_interval(mins => $2::int) WHERE id = $1',
      [id, minutes],
    );
}
