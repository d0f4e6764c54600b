import { withCheckDigit } from '../../rules/idNumber.js';
import type { Random } from './random.js';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉萍红鹏辉宇浩然欣怡佳琪思远博文雪梅晓东';
const STREETS = ['兴盛路', '向阳街', '建设路', '河畔街', '稻香路', '新华街'];

export interface Visitor {
  name: string;
  idNumber: string;
  phone: string;
}

/**
 * A traveller not yet in the registry: a valid GB 11643 ID number issued in `homeCode` (the county
 * they come from), born 1960–2003, and a mobile number. Deterministic for a given random state.
 */
export function visitor(random: Random, homeCode: string): Visitor {
  const given = random.next() < 0.5 ? 1 : 2;
  let name = random.pick([...SURNAMES]);
  for (let i = 0; i < given; i++) name += random.pick([...GIVEN]);
  const born = `${random.int(1960, 2003)}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
  const idNumber = withCheckDigit(
    `${homeCode.slice(0, 6)}${born}${String(random.int(0, 999)).padStart(3, '0')}`,
  );
  const phone = `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
  return { name, idNumber, phone };
}

/** Where a visitor stays: a street address in the destination community. */
export const stayAddress = (random: Random, place: string) =>
  `${place.replace(/(村民|居民)委员会$/, '')}${random.pick(STREETS)}${random.int(1, 199)}号`;
