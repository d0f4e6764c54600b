import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { idHash } from '../../platform/pii/seal.js';
import { withCheckDigit } from '../../rules/idNumber.js';
import type { VenueKind } from '../../rules/venues.js';
import { type CheckInRow, insertCheckIns } from './checkIns.js';
import { createVenue } from './registry.js';

/**
 * The demo county's venues (HC-2) and ten days of check-ins (a few tens of thousands at most, so the
 * demo stays quick to load): ~30 venues of the plans' types, the demo cases' persons at some of them
 * with people beside them at the same time (so the co-exposure search finds someone), two venues
 * whose scans stopped, one suspiciously quiet, and one theatre over its ZON-4 limit in its busiest hour.
 */
const VENUES: ReadonlyArray<[string, VenueKind, number | null, number]> = [
  ['盘山县百货大楼', 'mall', 800, 140],
  ['兴隆台大润发超市', 'mall', 1200, 160],
  ['盘山农贸大市场', 'market', 600, 120],
  ['太平镇农贸市场', 'market', 300, 60],
  ['盘山影剧院', 'theatre', 60, 40],
  ['星光国际影城', 'theatre', 300, 70],
  ['金嗓子歌舞厅', 'entertainment', 120, 35],
  ['欢乐谷游艺厅', 'game_room', 80, 30],
  ['极速网吧', 'internet_cafe', 100, 45],
  ['翼龙网咖', 'internet_cafe', 60, 30],
  ['体能健身中心', 'gym', 150, 40],
  ['盘山县全民健身馆', 'gym', 400, 50],
  ['老边饺子馆', 'restaurant', 120, 70],
  ['河蟹宴大酒楼', 'restaurant', 300, 80],
  ['兰州拉面（县府街店）', 'restaurant', 40, 50],
  ['锦江之星盘山店', 'hotel', 200, 35],
  ['盘山宾馆', 'hotel', 260, 40],
  ['盘山县第一高级中学', 'school', 2400, 90],
  ['太平镇中心小学', 'school', 900, 60],
  ['盘山县人民医院', 'medical', 1500, 150],
  ['高升镇卫生院', 'medical', 200, 40],
  ['盘山客运站', 'transport', 500, 110],
  ['盘锦北站候车室', 'transport', 800, 100],
  ['甜水清真寺', 'religious', 150, 15],
  ['盘山县社会福利中心', 'elderly_care', 180, 20],
  ['胡家镇敬老院', 'elderly_care', 80, 12],
  ['中粮米业（盘锦）有限公司', 'enterprise', 600, 70],
  ['辽河油田盘山作业区', 'enterprise', 900, 80],
  ['城郊快递分拨中心', 'other', 200, 45],
  ['盘山县图书馆', 'other', 300, 35],
];
/** Venues whose scans stopped two days ago (HC-2 "missing scans"), and one down to a trickle ("few"). */
const STOPPED = new Set(['翼龙网咖', '太平镇农贸市场']);
const QUIET = '兰州拉面（县府街店）';
/** A premiere night over the ZON-4 limit (75 % of 60 = 45) in one hour. */
const OVER = '盘山影剧院';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅丹玲晨阳宇浩然子轩欣怡佳琪思雨梓涵雅静';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A small deterministic random (the demo is the same each time). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 1 | s) + 0x6d2b79f5) >>> 0;
    return ((s ^ (s >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Visitor {
  name: string;
  idNumber: string;
  phone: string;
}

export async function loadVenuesDemo(ctx: AppContext, actor: Actor, county: string): Promise<void> {
  const rand = random(20_211_122);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  // Runs once: the demo's first venue marks it as loaded (a reload would refuse its names).
  const [done] = await ctx.db.query(
    'SELECT 1 FROM venues WHERE jurisdiction_code ^@ $1 AND name = $2 LIMIT 1',
    [county, VENUES[0]?.[0]],
  );
  if (done) return;
  const now = ctx.now();
  const places = await ctx.db.query<{ code: string }>(
    "SELECT code FROM jurisdictions WHERE code ^@ $1 AND level = 'village' ORDER BY code LIMIT 60",
    [county],
  );
  if (places.length === 0) return;
  const created = await withScope(ctx.db, actor, async (tx) => {
    const out: Array<{ id: string; name: string; kind: VenueKind; jurisdictionCode: string; daily: number }> =
      [];
    for (const [i, [name, kind, capacity, daily]] of VENUES.entries()) {
      const jurisdictionCode = (places[(i * 7) % places.length] ?? places[0])?.code ?? county;
      const { venue } = await createVenue(
        tx,
        ctx.cipher,
        actor,
        {
          name,
          kind,
          jurisdictionCode,
          capacity,
          address: `盘山县${name.slice(0, 2)}路${10 + i}号`,
          responsibleName: `${pick([...SURNAMES])}经理`,
          responsiblePhone: `139${String(41_000_000 + i * 7919).padStart(8, '0')}`,
        },
        new Date(now.getTime() - 30 * DAY),
      );
      out.push({ id: venue.id, name, kind, jurisdictionCode, daily });
    }
    return out;
  });

  // A pool of visitors from the county (synthetic ID numbers with real check digits).
  const pool: Visitor[] = Array.from({ length: 2500 }, (_, n) => ({
    name: `${pick([...SURNAMES])}${pick([...GIVEN])}${rand() < 0.6 ? pick([...GIVEN]) : ''}`,
    idNumber: withCheckDigit(
      `${county}${1950 + Math.floor(rand() * 55)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`,
    ),
    phone: `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
  }));
  const rows: CheckInRow[] = [];
  const add = (venue: (typeof created)[number], at: Date, who: Visitor) => {
    if (at.getTime() >= now.getTime()) return;
    rows.push({
      venueId: venue.id,
      jurisdictionCode: venue.jurisdictionCode,
      at: new Date(Math.floor(at.getTime() / 1000) * 1000),
      idHash: idHash(ctx.cipher, who.idNumber),
      source: rand() < 0.85 ? 'scan' : 'feed',
      identity: who,
    });
  };
  // Beijing 08:00–21:00 on each of the last ten days.
  const dayStart = (daysAgo: number) => {
    const local = new Date(now.getTime() + 8 * 3_600_000 - daysAgo * DAY);
    return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * 3_600_000;
  };
  for (const venue of created) {
    for (let daysAgo = 9; daysAgo >= 0; daysAgo--) {
      if (STOPPED.has(venue.name) && daysAgo <= 1) continue;
      const share = venue.name === QUIET && daysAgo <= 1 ? 0.08 : 1;
      const n = Math.round(venue.daily * (0.7 + rand() * 0.6) * share);
      for (let k = 0; k < n; k++)
        add(venue, new Date(dayStart(daysAgo) + (8 + rand() * 13) * 3_600_000), pick(pool));
    }
  }
  const theatre = created.find((v) => v.name === OVER);
  if (theatre) {
    // Last night's premiere: 70 scans between 19:00 and 19:50, over the limit of 45.
    const evening = Math.min(dayStart(0) + 19 * 3_600_000, now.getTime() - 3 * 3_600_000);
    for (let k = 0; k < 70; k++) add(theatre, new Date(evening + rand() * 50 * MINUTE), pick(pool));
  }

  // The demo cases' persons at a few venues in the days before their report, with people beside them.
  const casePersons = await ctx.db.query<{
    name: string;
    id_cipher: Uint8Array;
    phone_cipher: Uint8Array | null;
    reported_at: Date;
  }>(
    `SELECT p.name, p.id_cipher, p.phone_cipher, c.reported_at FROM cases c JOIN persons p ON p.id = c.person_id
      WHERE c.jurisdiction_code ^@ $1 AND c.status <> 'discarded' AND p.id_cipher IS NOT NULL
      ORDER BY c.reported_at DESC LIMIT 12`,
    [county],
  );
  const busy = created.filter((v) => !STOPPED.has(v.name));
  for (const person of casePersons) {
    const who: Visitor = {
      name: person.name,
      idNumber: ctx.cipher.decrypt(person.id_cipher),
      phone: person.phone_cipher ? ctx.cipher.decrypt(person.phone_cipher) : '13800000000',
    };
    const reported = Math.min(new Date(person.reported_at).getTime(), now.getTime());
    for (let v = 0; v < 4; v++) {
      const venue = pick(busy);
      // A day in the week before the report, in opening hours (Beijing 09:00–20:00).
      const day = dayStart(Math.floor((now.getTime() - reported) / DAY) + 1 + Math.floor(rand() * 7));
      const at = new Date(Math.min(day + (9 + rand() * 11) * 3_600_000, reported - 3_600_000));
      if (at.getTime() < dayStart(9)) continue;
      add(venue, at, who);
      // Three to six people within 20 minutes of the visit.
      const beside = 3 + Math.floor(rand() * 4);
      for (let k = 0; k < beside; k++)
        add(venue, new Date(at.getTime() + (rand() * 40 - 20) * MINUTE), pick(pool));
    }
  }
  await insertCheckIns(ctx, actor, rows);
}
