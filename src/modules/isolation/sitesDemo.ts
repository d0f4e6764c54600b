import type { StaffRole } from '../../api/isolationSites.js';
import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import {
  READINESS_ITEMS,
  type ReadinessItem,
  type SitePurpose,
  type SiteStatus,
} from '../../rules/isolationSites.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { setReadiness } from './siteReadiness.js';
import { createSite, patchSite } from './siteRegistry.js';
import { addRooms, roomService } from './siteRooms.js';
import { addStaff } from './siteStaff.js';

interface DemoSite {
  name: string;
  kind: 'hotel' | 'dormitory';
  purposes: SitePurpose[];
  status: SiteStatus;
  address: string;
  /** Floors from … to, rooms per floor (numbered floor × 100 + 1 …). */
  floors: [number, number];
  perFloor: number;
  missing: ReadinessItem[];
  staff: Array<[StaffRole, string, string]>;
}

const SITES: DemoSite[] = [
  {
    name: '盘山县福源宾馆',
    kind: 'hotel',
    purposes: ['close_contacts', 'key_area_arrivals'],
    status: 'in_use',
    address: '盘山县太平街道兴盛路 88 号',
    floors: [2, 6],
    perFloor: 20,
    missing: [],
    staff: [
      ['liaison_leader', '赵振国', '盘山县人民政府副县长'],
      ['point_leader', '刘志强', '盘山县卫生健康局'],
      ['medical', '孙晓梅', '盘山县人民医院'],
      ['medical', '郭丽娜', '太平街道社区卫生服务中心'],
      ['police', '马俊峰', '盘山县公安局太平派出所'],
      ['service', '王秀云', '福源宾馆'],
      ['cleaning', '李桂芬', '福源宾馆'],
      ['security', '张海涛', '盘山县保安服务公司'],
    ],
  },
  {
    name: '盘山县锦华商务酒店',
    kind: 'hotel',
    purposes: ['inbound', 'asymptomatic'],
    status: 'in_use',
    address: '盘山县太平街道双盛街 126 号',
    floors: [3, 7],
    perFloor: 16,
    missing: [],
    staff: [
      ['liaison_leader', '周文斌', '盘山县人民政府办公室'],
      ['point_leader', '陈建华', '盘山县疾病预防控制中心'],
      ['medical', '杨静', '盘山县中医院'],
      ['police', '吴磊', '盘山县公安局城郊派出所'],
      ['service', '徐娟', '锦华商务酒店'],
      ['cleaning', '胡凤兰', '锦华商务酒店'],
      ['security', '朱永刚', '盘山县保安服务公司'],
    ],
  },
  {
    name: '盘山县金港湾假日酒店',
    kind: 'hotel',
    purposes: ['close_contacts', 'inbound', 'asymptomatic'],
    status: 'standby',
    address: '盘山县高升街道新兴路 19 号',
    floors: [2, 5],
    perFloor: 15,
    missing: [],
    staff: [
      ['liaison_leader', '黄德明', '盘山县应急管理局'],
      ['point_leader', '杨国庆', '盘山县文化旅游和广播电视局'],
      ['medical', '李娜', '高升街道社区卫生服务中心'],
      ['police', '王勇', '盘山县公安局高升派出所'],
      ['cleaning', '赵艳', '金港湾假日酒店'],
    ],
  },
  {
    name: '盘山县职业教育中心学生公寓',
    kind: 'dormitory',
    purposes: ['key_area_arrivals'],
    status: 'not_ready',
    address: '盘山县得胜街道学府路 6 号',
    floors: [1, 4],
    perFloor: 12,
    missing: ['zones', 'access_control'],
    staff: [['liaison_leader', '孙立新', '盘山县教育局']],
  },
];

const EVIDENCE: Record<Exclude<ReadinessItem, 'rooms'>, string> = {
  zones: '已划分生活区、医学观察区和物资保障区，设工作人员通道和隔离人员通道，经县疾控中心现场验收',
  access_control: '出入口门禁和楼层、走廊监控全覆盖，房门安装开门报警器，监控室 24 小时值守',
  supplies: '防护服、医用防护口罩、消毒剂、体温计、医疗废物包装袋等储备可满足 30 天使用',
  staff: '点长、医护、公安、服务、保洁、安保人员已到岗，完成院感防控和个人防护培训',
};
const GAPS: Partial<Record<ReadinessItem, string>> = {
  zones: '三区两通道改造施工中，隔离人员通道尚未封闭',
  access_control: '楼层监控已安装，门禁和房门报警器尚未到货',
};

/** The isolation manager of the demo (their work is audited under their name), or the county's system actor. */
async function managerOf(ctx: AppContext, county: string): Promise<Actor> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    `SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = 'isolation_manager'`,
  );
  if (row?.scopes.some((s) => county.startsWith(s))) {
    return { userId: row.id, username: 'isolation_manager', ...row, permissions: permissionsOf(row.roles) };
  }
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'demo',
    displayName: '演示数据',
    roles: ['admin'],
    permissions: permissionsOf(['admin']),
    scopes: [county],
  };
}

/** The id of the room numbered `number` among those just added. */
function roomIdIn(rooms: ReadonlyArray<{ id: string; number: string }>, number: string): string {
  return rooms.find((r) => r.number === number)?.id ?? '';
}

/** A demo phone number of the staff ledger (139 …), the same on every load. */
const phoneOf = (site: number, i: number) =>
  `139${4100 + site}${String((site * 7919 + i * 1237 + 2468) % 10_000).padStart(4, '0')}`;

/**
 * The demo county's isolation sites and rooms (ISO-1, ISO-3): two hotels in use, one on standby and
 * a school dormitory not ready with two of its five items missing; 48–100 rooms each over several
 * floors, readiness evidence, and each site's staff ledger. Loaded once: a second load adds nothing.
 */
export async function loadIsolationSitesDemo(ctx: AppContext, county: string): Promise<void> {
  const actor = await managerOf(ctx, county);
  await withScope(ctx.db, actor, async (tx: Queryable) => {
    const names = SITES.map((s) => `${s.name}`);
    const [existing] = await tx.query(
      'SELECT 1 FROM isolation_sites WHERE jurisdiction_code ^@ $1 AND name = ANY ($2::text[]) LIMIT 1',
      [county, names],
    );
    if (existing) return;
    const now = ctx.now();
    const today = localDate(now, ctx.config.defaultTimeZone);
    const daysAgo = (n: number) =>
      localDate(new Date(now.getTime() - n * 86_400_000), ctx.config.defaultTimeZone);
    for (const [index, demo] of SITES.entries()) {
      const { site } = await createSite(tx, actor, {
        name: demo.name,
        kind: demo.kind,
        purposes: demo.purposes,
        jurisdictionCode: county,
        address: demo.address,
        contractedOn: daysAgo(60),
        contractUntil: localDate(new Date(now.getTime() + 180 * 86_400_000), ctx.config.defaultTimeZone),
      });
      const floors = [];
      for (let floor = demo.floors[0]; floor <= demo.floors[1]; floor++)
        floors.push({
          floor,
          from: String(floor * 100 + 1),
          to: String(floor * 100 + demo.perFloor),
        });
      const rooms = await addRooms(tx, actor, site.id, { floors });
      for (const [i, [role, name, unit]] of demo.staff.entries())
        await addStaff(ctx, tx, actor, site.id, {
          role,
          name,
          unit,
          phone: phoneOf(index, i),
          fromDate: daysAgo(30),
        });
      for (const item of READINESS_ITEMS) {
        const missing = demo.missing.includes(item);
        const evidence =
          item === 'rooms'
            ? `单人单间 ${rooms.added} 间，位于 ${demo.floors[0]}–${demo.floors[1]} 层，每层 ${demo.perFloor} 间，均有独立卫生间`
            : missing
              ? (GAPS[item] ?? '')
              : EVIDENCE[item];
        await setReadiness(ctx, tx, actor, site.id, item, {
          inPlace: !missing,
          evidence,
          checkedOn: missing ? today : daysAgo(7 + index),
        });
      }
      if (demo.status !== 'not_ready') await patchSite(tx, actor, site.id, { status: demo.status }, now);
      if (index === 0) {
        // Turnover on the first hotel: two rooms left this morning and wait for cleaning and
        // disinfection (消杀), one is out of service for repairs.
        const top = demo.floors[1] * 100 + demo.perFloor;
        await tx.query(
          `UPDATE isolation_rooms SET state = 'cleaning', state_changed_at = $2 WHERE site_id = $1 AND number = ANY ($3::text[])`,
          [site.id, new Date(now.getTime() - 3 * 3_600_000), [String(top - 2), String(top - 1)]],
        );
        const repairs = roomIdIn(rooms.items, String(top));
        if (repairs) await roomService(tx, actor, repairs, { inService: false, note: '卫生间漏水维修' }, now);
      }
    }
  });
}
