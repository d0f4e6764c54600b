import { describe, expect, it } from 'vitest';
import { parsePack } from './policy/loadPack.js';
import { packText, shippedPack } from './policy/testkit.js';

const chifeng = packText('chifeng-2022.yaml');
const errorsOf = (text: string) => {
  const parsed = parsePack(text);
  return 'errors' in parsed ? parsed.errors.map((e) => `${e.path}: ${e.message.en}`) : [];
};

describe('TST-4 routineTesting in the policy packs', () => {
  it('TST-4 chifeng-2022 carries the §13 list; panshan-2021 adopts its shipped version as an assumption', () => {
    const pack = shippedPack('chifeng-2022.yaml');
    const byGroup = new Map(pack.routineTesting!.map((r) => [r.keyGroup, r]));
    expect(byGroup.get('international_mail')).toMatchObject({ times: 1, perDays: 1 }); // "每日 1 检"
    expect(byGroup.get('airport_front_line')).toMatchObject({ times: 1, perDays: 2 }); // "2 天 1 检"
    expect(byGroup.get('market_supervision')).toMatchObject({ times: 1, perDays: 3 }); // "3 天 1 检"
    expect(byGroup.get('elderly_care')).toMatchObject({ times: 1, perDays: 7 }); // "每周 1 检"
    expect(byGroup.get('farmers_market')).toMatchObject({ times: 2, perDays: 7 }); // "每周 2 检"
    expect(byGroup.get('student')).toMatchObject({ allocation: 'working_day_share', share: 0.2 });
    expect(byGroup.get('school_staff')?.department.zh).toBe('教育局');
    const panshan = shippedPack('panshan-2021.yaml');
    // The version adopted is the one shipped: bumping chifeng-2022 (v6 added contactControl) bumps the adoption.
    expect(pack.version).toBe('6');
    expect(panshan.routineTestingFrom).toMatchObject({
      pack: 'chifeng-2022',
      version: pack.version,
      assumption: true,
    });
  });

  it.each<[string, string, string]>([
    [
      'TST-4 an unknown key group',
      'keyGroup: international_mail',
      'routineTesting[0].keyGroup: must be one of',
    ],
    ['TST-4 more than one test a day', 'perDays: 1\n', 'routineTesting[0].times: at most one test a day'],
    [
      'TST-4 a share that does not split the week',
      'share: 0.2',
      'routineTesting[16].share: must be a fraction',
    ],
  ])('%s is refused with its path', (_title, find, expected) => {
    const replace: Record<string, string> = {
      'keyGroup: international_mail': 'keyGroup: astronauts',
      'perDays: 1\n': 'perDays: 1\n',
      'share: 0.2': 'share: 0.3',
    };
    let text = chifeng.replace(find, replace[find]!);
    if (find === 'perDays: 1\n')
      text = chifeng.replace('times: 1\n    perDays: 1\n', 'times: 2\n    perDays: 1\n');
    expect(errorsOf(text).join('\n')).toContain(expected);
  });

  it('TST-4 routineTestingFrom without assumption, or beside an own list, is refused', () => {
    const text = `${chifeng}\nroutineTestingFrom:\n  pack: panshan-2021\n  version: "2"\n  source: { document: "004", section: §13 }\n`;
    const errors = errorsOf(text).join('\n');
    expect(errors).toContain('routineTestingFrom.assumption: adopting');
    expect(errors).toContain('routineTestingFrom: give routineTesting or routineTestingFrom, not both');
  });
});
