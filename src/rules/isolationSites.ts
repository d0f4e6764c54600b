/**
 * Isolation sites (ISO-1, ISO-2, ISO-3): pure rules, no I/O and no clock.
 *
 * ISO-1 (000 §2.4.4 "立足'一用一备'"; 003 §3.4.5): every county keeps at least one active site in use
 * and one on standby, by purpose (close contacts, inbound, asymptomatic, key-area arrivals).
 * ISO-2 (002 §25 "不得将医疗机构设置为集中医学观察场所"): a site is never a hospital.
 * ISO-3 (004 §18): "five in place" (五到位) before a site is in use or on standby.
 */

export const SITE_KINDS = ['hotel', 'dormitory', 'training_centre', 'temporary', 'other'] as const;
export const SITE_PURPOSES = ['close_contacts', 'inbound', 'asymptomatic', 'key_area_arrivals'] as const;
export const SITE_STATUSES = ['in_use', 'standby', 'not_ready'] as const;
export type SitePurpose = (typeof SITE_PURPOSES)[number];
export type SiteStatus = (typeof SITE_STATUSES)[number];

/**
 * ISO-3, 004 §18: "具体房源到位（数量、位置）、三区两通道改造到位、门禁监控准备到位、防控物资储备到位、
 * 管理人员准备到位", in that order.
 */
export const READINESS_ITEMS = ['rooms', 'zones', 'access_control', 'supplies', 'staff'] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

export const READINESS_LABELS: Record<ReadinessItem, { zh: string; en: string }> = {
  rooms: { zh: '具体房源到位（数量、位置）', en: 'Rooms in place (number, location)' },
  zones: { zh: '三区两通道改造到位', en: 'Three zones and two passages in place' },
  access_control: { zh: '门禁监控准备到位', en: 'Access control and monitoring in place' },
  supplies: { zh: '防控物资储备到位', en: 'Prevention supplies stocked' },
  staff: { zh: '管理人员准备到位', en: 'Management staff in place' },
};

/** ISO-3: the items not in place, in the clause's order; an item never checked is not in place. */
export function missingReadiness(items: ReadonlyArray<{ item: string; inPlace: boolean }>): ReadinessItem[] {
  const inPlace = new Set(items.filter((i) => i.inPlace).map((i) => i.item));
  return READINESS_ITEMS.filter((item) => !inPlace.has(item));
}

/**
 * ISO-3: a site may be in use or on standby only with all five items in place; not ready is always
 * allowed (the status of a site still being prepared). Returns the items that block the status.
 */
export function statusBlockedBy(
  status: SiteStatus,
  items: ReadonlyArray<{ item: string; inPlace: boolean }>,
): ReadinessItem[] {
  if (status === 'not_ready') return [];
  return missingReadiness(items);
}

/** A name or address as compared against the hospitals: no spaces or punctuation, half-width. */
function normalizePlaceName(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/**
 * ISO-2 (002 §25): true when the site names a registered hospital of its jurisdiction: the same
 * name, a name that contains a hospital's whole name (e.g. "县人民医院隔离病区"), or the same
 * address. A hospital's name shorter than 4 characters is compared for equality only (本地口径:
 * a short name such as "中医院" inside a hotel's name is no evidence of the same place).
 */
export function matchesHospital(
  site: { name: string; address?: string | null | undefined },
  hospitals: ReadonlyArray<{ name: string; address?: string | null | undefined }>,
): { field: 'name' | 'address'; hospital: string } | undefined {
  const name = normalizePlaceName(site.name);
  const address = site.address ? normalizePlaceName(site.address) : '';
  for (const h of hospitals) {
    const hName = normalizePlaceName(h.name);
    if (hName === '') continue;
    if (name === hName || (hName.length >= 4 && name.includes(hName)))
      return { field: 'name', hospital: h.name };
  }
  if (address.length >= 6)
    for (const h of hospitals) {
      if (h.address && normalizePlaceName(h.address) === address)
        return { field: 'address', hospital: h.name };
    }
  return undefined;
}

export interface CountyCoverage {
  code: string;
  name: string;
  inUse: number;
  standby: number;
  /** ISO-1: at least one active site in use and one on standby. */
  ok: boolean;
  /** Purposes no active site in use or on standby serves. */
  purposesWithoutSite: SitePurpose[];
}

/**
 * ISO-1 (000 §2.4.4 "立足'一用一备'"; 003 §3.4.5 by purpose): per county, the active sites in use
 * and on standby; the county is short unless it has one of each. A purpose is uncovered when no
 * active site in use or on standby serves it (a site not ready serves nobody yet). Counties short
 * first, then by code.
 */
export function oneInUseOneStandby(
  counties: ReadonlyArray<{ code: string; name: string }>,
  sites: ReadonlyArray<{
    jurisdictionCode: string;
    status: SiteStatus;
    active: boolean;
    purposes: readonly string[];
  }>,
): CountyCoverage[] {
  const rows = counties.map((county) => {
    const own = sites.filter((s) => s.active && s.jurisdictionCode.startsWith(county.code));
    const inUse = own.filter((s) => s.status === 'in_use').length;
    const standby = own.filter((s) => s.status === 'standby').length;
    const served = new Set(own.filter((s) => s.status !== 'not_ready').flatMap((s) => s.purposes));
    return {
      code: county.code,
      name: county.name,
      inUse,
      standby,
      ok: inUse >= 1 && standby >= 1,
      purposesWithoutSite: SITE_PURPOSES.filter((p) => !served.has(p)),
    };
  });
  return rows.sort((a, b) => Number(a.ok) - Number(b.ok) || a.code.localeCompare(b.code));
}

/** The most rooms one request adds on a floor (a hotel floor; 本地口径). */
const MAX_ROOMS_PER_FLOOR = 200;

/**
 * Room numbers of a floor from a numeric range, e.g. 301–330, keeping the first number's width
 * (0101–0120); undefined when the range is reversed or too long.
 */
export function roomNumbers(from: string, to: string): string[] | undefined {
  if (!/^\d{1,8}$/.test(from) || !/^\d{1,8}$/.test(to)) return undefined;
  const a = Number(from);
  const b = Number(to);
  if (b < a || b - a + 1 > MAX_ROOMS_PER_FLOOR) return undefined;
  const width = from.length;
  return Array.from({ length: b - a + 1 }, (_, i) => String(a + i).padStart(width, '0'));
}
