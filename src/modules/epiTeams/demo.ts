import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { phoneHash } from '../../platform/pii/seal.js';
import { maskPhone } from '../../rules/mask.js';
import { addMember, createTeam } from './teams.js';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '丽',
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
];

/**
 * EPI-6 demo for a county: a field investigation team and the big-data working group with the demo
 * logins, and a reserve of epi assistants — 3 to 5 for most villages, a few villages short (every
 * seventh has 1 or 2, every eleventh none; every thirteenth has 6, over the 5) so that the readiness tile has something to show.
 */
export async function loadEpiTeamsDemo(ctx: AppContext, actor: Actor, county: string): Promise<void> {
  await withScope(ctx.db, actor, async (tx) => {
    const [existing] = await tx.query('SELECT 1 FROM epi_teams WHERE jurisdiction_code = $1 LIMIT 1', [
      county,
    ]);
    if (existing) return;
    const users = await tx.query<{ id: string; username: string }>(
      `SELECT id, username FROM users WHERE username = ANY ($1::text[])`,
      [['cdc_epidemiologist', 'working_group', 'commander', 'supervisor']],
    );
    const user = (name: string) => users.find((u) => u.username === name)?.id;
    const { team: field } = await createTeam(tx, actor, {
      name: '县疾控流调行动一组',
      kind: 'field',
      jurisdictionCode: county,
    });
    const { team: bigData } = await createTeam(tx, actor, {
      name: '县大数据工作组（卫健、公安、通信、交通）',
      kind: 'big_data',
      jurisdictionCode: county,
    });
    const cdc = user('cdc_epidemiologist');
    if (cdc) await addMember(ctx, tx, actor, field.id, { userId: cdc, role: 'lead' });
    for (const [name, phone, role] of [
      ['韩立新', '13904270101', 'investigator'],
      ['宋雨婷', '13904270102', 'investigator'],
      ['高建国', '13904270103', 'assistant'],
    ] as const)
      await addMember(ctx, tx, actor, field.id, { name, phone, role });
    const group = user('working_group');
    if (group) await addMember(ctx, tx, actor, bigData.id, { userId: group, role: 'lead' });
    for (const [name, phone, role] of [
      ['公安局 · 刘振宇', '13904270201', 'analyst'],
      ['通信公司 · 孟晓', '13904270202', 'analyst'],
      ['交通局 · 邹凯', '13904270203', 'analyst'],
    ] as const)
      await addMember(ctx, tx, actor, bigData.id, { name, phone, role });

    // The reserve: one team per town, its assistants inserted in bulk (sealed phones as addMember seals them).
    const villages = await tx.query<{ code: string; town: string; townName: string }>(
      `SELECT v.code, t.code AS town, t.name AS "townName" FROM jurisdictions v JOIN jurisdictions t ON t.code = v.parent_code
       WHERE v.level = 'village' AND v.code ^@ $1 ORDER BY v.code`,
      [county],
    );
    const teams = new Map<string, string>();
    let n = 0;
    for (const [i, village] of villages.entries()) {
      let teamId = teams.get(village.town);
      if (!teamId) {
        const { team } = await createTeam(tx, actor, {
          name: `${village.townName}流调协查员储备`,
          kind: 'reserve',
          jurisdictionCode: village.town,
        });
        teamId = team.id;
        teams.set(village.town, teamId);
      }
      const count = i % 11 === 5 ? 0 : i % 7 === 3 ? 1 + (i % 2) : i % 13 === 8 ? 6 : 3 + (i % 3);
      for (let k = 0; k < count; k++) {
        n++;
        const name = `${SURNAMES[(i + k * 5) % SURNAMES.length]}${GIVEN[(i * 3 + k) % GIVEN.length]}`;
        const phone = `139${String(42700000 + n).padStart(8, '0')}`;
        await tx.query(
          `INSERT INTO epi_team_members (team_id, jurisdiction_code, person_name, phone_cipher, phone_hash, phone_masked,
             role, village_code, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, 'assistant', $7, $8)`,
          [
            teamId,
            village.town,
            name,
            ctx.cipher.encrypt(phone),
            phoneHash(ctx.cipher, phone),
            maskPhone(phone),
            village.code,
            actor.userId,
          ],
        );
      }
    }
  });
}
