import { KEY_GROUP_IDS } from '../keyGroups.js';
import type { Fields } from './packCheck.js';
import { checkSourced, SOURCED } from './packItems.js';

/** TST-4 routine testing in a pack: its own list, or another pack version's adopted as an assumption. */
export const ROUTINE_PACK_KEYS = ['routineTesting', 'routineTestingFrom'] as const;

const ITEM_KEYS = ['keyGroup', 'times', 'perDays', 'allocation', 'share', 'department', ...SOURCED];
const FROM_KEYS = ['pack', 'version', ...SOURCED];
const WORKING_DAYS = 5;

function checkDepartment(item: Fields): void {
  const d = item.obj('department', ['zh', 'en', 'assumption', 'reason']);
  if (!d) return;
  d.str('zh');
  d.str('en');
  const assumption = d.bool('assumption');
  if (assumption === true && d.str('reason', false) === undefined && d.value.reason === undefined) {
    d.issues.add(
      d.at('reason'),
      'assumption: true 时必须写明理由 reason',
      'assumption: true requires a reason',
    );
  } else if (assumption !== true) d.str('reason', false);
}

/** "每个工作日抽检 20%, 每周全覆盖": the share must split the five working days evenly. */
function checkAllocation(item: Fields, times?: number, perDays?: number): void {
  const allocation = item.oneOf('allocation', ['working_day_share'], false);
  const share = item.value.share;
  if (allocation === undefined) {
    if (share !== undefined) {
      item.issues.add(item.at('share'), '只与 allocation 一起使用', 'is used only with allocation');
    }
    return;
  }
  const slots = typeof share === 'number' && share > 0 ? 1 / share : Number.NaN;
  const whole = Math.round(slots);
  if (!(Math.abs(slots - whole) < 1e-9 && whole >= 1 && whole <= WORKING_DAYS)) {
    item.issues.add(
      item.at('share'),
      '应为 0 到 1 之间的比例，且其倒数为 1 至 5 的整数（如 0.2 即每个工作日 20%）',
      'must be a fraction whose inverse is a whole number from 1 to 5 (e.g. 0.2 = 20% per working day)',
    );
  }
  if (times !== undefined && perDays !== undefined && (times !== 1 || perDays !== 7)) {
    item.issues.add(
      item.at('perDays'),
      '按工作日比例分配时频次应为每周 1 检（“times: 1”，“perDays: 7”）',
      'a working-day allocation tests everyone once a week (times: 1, perDays: 7)',
    );
  }
}

function checkItem(item: Fields): string | undefined {
  checkSourced(item);
  const keyGroup = item.oneOf('keyGroup', KEY_GROUP_IDS);
  const times = item.int('times', true, 1);
  const perDays = item.int('perDays', true, 1);
  if (times !== undefined && perDays !== undefined && times > perDays) {
    item.issues.add(item.at('times'), '每天至多检测 1 次', 'at most one test a day');
  }
  checkAllocation(item, times, perDays);
  checkDepartment(item);
  return keyGroup;
}

/** Checks `routineTesting` / `routineTestingFrom` of a pack (both optional, not both). */
export function checkRoutineTesting(f: Fields): void {
  const items = f.items('routineTesting', ITEM_KEYS, false);
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const group = checkItem(item);
    if (group === undefined) return;
    const first = seen.get(group);
    if (first === undefined) seen.set(group, i);
    else
      f.issues.add(
        item.at('keyGroup'),
        `重点人群“${group}”与第 ${first + 1} 项重复`,
        `key group "${group}" repeats item ${first + 1}`,
      );
  });
  const from = f.obj('routineTestingFrom', FROM_KEYS, false);
  if (!from) return;
  checkSourced(from);
  from.str('pack', true, { re: /^[a-z0-9]+(-[a-z0-9]+)*$/, zh: '政策包编号', en: 'a pack id' });
  from.str('version');
  if (from.value.assumption !== true) {
    f.issues.add(
      from.at('assumption'),
      '沿用其他政策包的频次必须标明“assumption: true”并写明理由',
      "adopting another pack's frequencies must be marked assumption: true with a reason",
    );
  }
  if (f.value.routineTesting !== undefined) {
    f.issues.add(
      f.at('routineTestingFrom'),
      '不能同时写 routineTesting 和 routineTestingFrom',
      'give routineTesting or routineTestingFrom, not both',
    );
  }
}
