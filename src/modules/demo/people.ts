import { withCheckDigit } from '../../rules/idNumber.js';
import { KEY_GROUP_IDS, type KeyGroup } from '../../rules/keyGroups.js';
import type { PersonFields } from '../persons/index.js';
import type { Random } from './random.js';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建国建华志强海燕雪梅春梅晓东宇浩然子涵欣怡梓萱一诺佳琪思远博文';
const EMPLOYERS = [
  '盘山县人民医院',
  '盘山县第一中学',
  '辽河油田某作业区',
  '盘锦河蟹养殖合作社',
  '县城农贸市场',
  '盘山县客运站',
  '某快递网点',
  '县养老服务中心',
  '务农',
  '个体经营',
];
const STREETS = ['兴盛路', '向阳街', '建设路', '河畔街', '稻香路', '新华街'];

export interface DemoPlace {
  code: string;
  name: string;
}

function name(random: Random): string {
  const given = random.next() < 0.5 ? 1 : 2;
  let result = random.pick([...SURNAMES]);
  for (let i = 0; i < given; i++) result += random.pick([...GIVEN]);
  return result;
}

function birthDate(random: Random): string {
  const year = random.int(1935, 2022);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/**
 * The school of a pupil by age (TST-4 "学校和托幼机构"): the county's kindergarten, primary,
 * junior and senior middle school. Without one, the routine schedule could not share a school's
 * pupils over the working days; chosen by age alone, so the demo's other data stay as they were.
 */
function schoolOf(age: number): string | null {
  if (age < 3 || age >= 18) return null;
  if (age < 6) return '盘山县实验幼儿园';
  if (age < 12) return '盘山县实验小学';
  if (age < 15) return '盘山县第二初级中学';
  return '盘山县第一中学';
}

/** About one person in eight works in a key group (TST-4), employer chosen to match. */
function keyGroups(random: Random, age: number): KeyGroup[] {
  if (age < 18) return age >= 3 ? ['student'] : [];
  if (random.next() > 0.12) return [];
  return [random.pick(KEY_GROUP_IDS.filter((g) => g !== 'student'))];
}

/**
 * Yields households of 1–5 synthetic residents with valid GB 11643 ID numbers on the county's
 * real division code, each household in one grid. Deterministic for a given seed and count.
 */
export function* demoPeople(
  random: Random,
  places: readonly DemoPlace[],
  count: number,
  county: string,
): Generator<PersonFields> {
  const used = new Set<string>();
  let made = 0;
  let household = 0;
  while (made < count) {
    household++;
    const place = random.pick(places);
    const size = Math.min(random.int(1, 5), count - made);
    const address = `${place.name}${random.pick(STREETS)}${random.int(1, 199)}号`;
    const householdCode = `H${place.code}${String(household).padStart(7, '0')}`;
    for (let member = 0; member < size; member++) {
      let idNumber: string;
      let born: string;
      do {
        born = birthDate(random);
        idNumber = withCheckDigit(`${county}${born}${String(random.int(0, 999)).padStart(3, '0')}`);
      } while (used.has(idNumber));
      used.add(idNumber);
      const age = 2026 - Number(born.slice(0, 4));
      made++;
      yield {
        name: name(random),
        idType: 'resident_id',
        idNumber,
        phone:
          age >= 12
            ? `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`
            : null,
        sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
        birthDate: `${born.slice(0, 4)}-${born.slice(4, 6)}-${born.slice(6, 8)}`,
        jurisdictionCode: place.code,
        address,
        employer: age >= 18 && age < 65 ? random.pick(EMPLOYERS) : schoolOf(age),
        householdCode,
        keyGroups: keyGroups(random, age),
      };
    }
  }
}
