import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../support/multipart.js';
import { signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { csvText, gb18030, xlsxBuffer } from './ledgerFiles.js';

/**
 * ZON-5: lists of published risk areas imported from .csv and .xlsx with Chinese headers; every
 * rejected row reported with line, column and reason; re-import changes nothing; 解除时间 lifts.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

function upload(fileName: string, content: string | Buffer, cookie = admin) {
  const body = multipartFile('file', fileName, content);
  return env.app.inject({
    method: 'POST',
    url: '/api/risk-areas/import',
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
}

const digest = async () =>
  (
    await env.db.query<{ d: string }>(
      "SELECT coalesce(md5(string_agg(r::text, '|' ORDER BY id)), '') AS d FROM risk_areas r",
    )
  )[0]!.d;

const HEADER = ['风险等级', '区划代码', '地区名称', '发布时间', '解除时间', '发布机构'];
const BEIJING = '北京市卫生健康委员会';
const ROWS = [
  HEADER,
  ['高', '110105001001', '北京市朝阳区甲小区', '2022-04-25 12:00', '', BEIJING], // 2 created
  ['中', '310101', '上海市黄浦区乙弄', '2022年4月1日24时', '', '上海市卫生健康委员会'], // 3 created
  ['极高', '110105', '朝阳区', '2022-04-25', '', BEIJING], // 4 level
  ['高', '1101', '朝阳区', '2022-04-25', '', BEIJING], // 5 code
  ['高', '110105002', '朝阳区丙', '2022-13-01', '', BEIJING], // 6 time
  ['低', '110105003', '朝阳区丁', '2022-04-25 12:00', '2022-04-20', BEIJING], // 7 lift before publication
  ['重点关注', '120101', '天津市和平区戊', '2022-04-26', '', ''], // 8 publisher
  ['高', '110105001001', '北京市朝阳区甲小区', '2022/4/25 12:00:00', '', BEIJING], // 9 same as 2
  ['中', '110105001001', '北京市朝阳区甲小区', '2022-04-25 12:00', '', BEIJING], // 10 conflict with 2
];

describe('ZON-5 importing published risk areas', () => {
  it('reports every rejected row with its line, column and reason, and commits the others', async () => {
    const response = await upload('areas.csv', csvText(ROWS));
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ total: 9, created: 2, unchanged: 1, lifted: 0, rejected: 6 });
    expect(
      report.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code]),
    ).toEqual([
      [4, 'level', 'risk_level_unknown'],
      [5, 'divisionCode', 'division_code_format'],
      [6, 'publishedAt', 'datetime_format'],
      [7, 'liftedAt', 'lifted_before_published'],
      [8, 'publisher', 'required'],
      [10, 'level', 'risk_area_conflict'],
    ]);
    expect(report.errors[0].message_zh).toBe('风险等级应为 高、中、低 或 重点关注');
    expect(report.errors[0].message).toBe('level must be 高, 中, 低 or 重点关注');
    const listed = (
      await env.app.inject({ method: 'GET', url: '/api/risk-areas?history=true', headers: { cookie: admin } })
    ).json();
    const times = Object.fromEntries(
      listed.items.map((a: { areaName: string; publishedAt: string }) => [a.areaName, a.publishedAt]),
    );
    // Beijing time; "24时" is the next day's midnight.
    expect(times).toEqual({
      北京市朝阳区甲小区: '2022-04-25T04:00:00.000Z',
      上海市黄浦区乙弄: '2022-04-01T16:00:00.000Z',
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await digest();
    const report = (await upload('areas.csv', csvText(ROWS))).json();
    expect(report).toMatchObject({ total: 9, created: 0, unchanged: 3, lifted: 0, rejected: 6 });
    expect(await digest()).toBe(before);
  });

  it('lifts a known area with a row that gives its 解除时间 (GB18030, as Excel saves it)', async () => {
    const csv = csvText([
      HEADER,
      ['中', '310101', '上海市黄浦区乙弄', '2022-04-02 00:00', '2022-05-10 12:00', '上海市卫生健康委员会'],
    ]);
    const report = (await upload('lift.csv', gb18030(csv))).json();
    expect(report).toMatchObject({ total: 1, created: 0, lifted: 1, rejected: 0 });
    const [area] = (
      await env.app.inject({
        method: 'GET',
        url: '/api/risk-areas?history=true&code=310101',
        headers: { cookie: admin },
      })
    ).json().items;
    expect(area.liftedAt).toBe('2022-05-10T04:00:00.000Z');
    expect((await upload('lift.csv', gb18030(csv))).json()).toMatchObject({ lifted: 0, unchanged: 1 });
  });

  it('reads .xlsx with date cells holding times and numeric codes', async () => {
    const buffer = await xlsxBuffer([
      ['发布机构', '风险等级', '区划代码', '地区名称', '发布时间'],
      [
        '上海市卫生健康委员会',
        '高风险',
        310104001002,
        '上海市徐汇区己小区',
        new Date(Date.UTC(2022, 4, 3, 8, 30)),
      ],
      ['上海市卫生健康委员会', '高', 310104, '', '2022-05-03'],
    ]);
    const report = (await upload('areas.xlsx', buffer)).json();
    expect(report).toMatchObject({ total: 2, created: 1, rejected: 1 });
    expect(report.errors).toMatchObject([{ line: 3, field: 'areaName', code: 'area_name_required' }]);
    const [area] = (
      await env.app.inject({
        method: 'GET',
        url: '/api/risk-areas?history=true&code=310104001002',
        headers: { cookie: admin },
      })
    ).json().items;
    expect(area).toMatchObject({ level: 'high', publishedAt: '2022-05-03T00:30:00.000Z' });
  });

  it('refuses a file without a required column, naming it', async () => {
    const response = await upload(
      'bad.csv',
      csvText([
        ['风险等级', '区划代码', '发布时间'],
        ['高', '110105', '2022-04-25'],
      ]),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'bad_file',
      errors: [{ field: '发布机构', code: 'header_missing' }],
    });
  });

  it('serves a template that imports cleanly', async () => {
    const template = await env.app.inject({
      method: 'GET',
      url: '/api/risk-areas/template',
      headers: { cookie: admin },
    });
    expect(template.statusCode).toBe(200);
    const report = (await upload('template.xlsx', template.rawPayload)).json();
    expect(report).toMatchObject({ total: 2, created: 2, rejected: 0 });
  });

  it('refuses the import to a community worker', async () => {
    const community = await signInAs(env.app, 'a_community');
    expect((await upload('areas.csv', csvText(ROWS), community)).statusCode).toBe(403);
  });
});
