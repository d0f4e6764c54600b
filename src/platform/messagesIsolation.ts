import type { Message } from './messages.js';

/** Field messages of isolation (ISO-1 … ISO-6) and health monitoring, part of FIELD_MESSAGES. */
export const ISOLATION_FIELD_MESSAGES = {
  // Isolation stays (ISO-4, ISO-5, EPI-4): allocation, transfer in, home stays.
  isolation_not_owed: {
    en: 'names nobody owed centralised isolation now (no centralised phase of the plan is under way or to come)',
    zh: '该人员当前无须集中隔离（管控方案中没有未结束的集中隔离阶段）',
  },
  home_isolation_not_owed: {
    en: 'names nobody owed home isolation now (no home isolation of the plan is under way or to come)',
    zh: '该人员当前无须居家隔离（管控方案中没有未结束的居家隔离阶段）',
  },
  isolation_site_not_in_use: {
    en: 'is not an isolation site in use in your jurisdiction',
    zh: '不是您辖区内启用中的集中隔离点',
  },
  site_purpose_mismatch: {
    en: 'does not receive people of this kind (its purposes do not include them)',
    zh: '该隔离点的用途不含此类人员',
  },
  room_not_of_site: { en: 'is not a room of this site', zh: '不是该隔离点的房间' },
  room_count_mismatch: { en: 'must name one room per person', zh: '须为每人指定一个房间' },
  not_enough_ready_rooms: { en: 'has fewer ready rooms than people', zh: '该隔离点可入住房间少于待分配人数' },
  person_listed_twice: { en: 'names a person listed earlier in this allocation', zh: '与前面所列为同一人员' },
  before_allocation: {
    en: 'must not be earlier than the identification or the allocation of the room',
    zh: '不能早于认定时间或分配房间的时间',
  },
  slot_not_open: {
    en: 'names a time of day that has not begun yet (morning from 00:00, afternoon from 12:00)',
    zh: '该时段尚未开始（上午自0时起，下午自12时起）',
  },
  stay_not_monitored: {
    en: 'names a stay that is not under monitoring (not yet in the room, or ended)',
    zh: '该人员当前不在隔离观察中（尚未入住或已结束）',
  },
  stay_not_home: { en: 'is not a home isolation', zh: '不是居家隔离' },
  // Isolation sites (ISO-1, ISO-2, ISO-3)
  site_is_hospital: {
    en: 'matches a registered hospital of the jurisdiction: a medical institution is never an isolation site',
    zh: '与本辖区已登记的医疗机构相同：不得将医疗机构设置为集中医学观察场所',
  },
  readiness_incomplete: {
    en: 'may be in use or on standby only with all five readiness items in place',
    zh: '“五到位”全部到位后才能设为在用或备用',
  },
  readiness_not_in_place: { en: 'is not in place', zh: '未到位' },
  room_range: {
    en: 'must run from a first number to a last one not before it, at most 200 rooms a floor',
    zh: '房间号范围有误：起始号不大于终止号，每层不超过 200 间',
  },
  room_number_taken: { en: 'names a room number the site already has', zh: '与该隔离点已有的房间号重复' },
} as const satisfies Record<string, Message>;
