import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import type { AreaLevel } from '../../rules/riskClassification.js';
import { createArea, createOverride } from '../riskAreas/index.js';
import { localAt } from './clock.js';

/** A day and local hour before the demo's "now" (days ago, hour). */
type When = readonly [number, number];

interface DemoArea {
  level: AreaLevel;
  /** A real GB/T 2260 county code, or the statistical code of a street (街道) in it. */
  code: string;
  province: string;
  city: string;
  district: string;
  /** The street, when the area is finer than the district. */
  street?: string;
  published: When;
  lifted?: When;
  publisher: string;
}

/**
 * Areas published elsewhere in China (ZON-5) that the demo's arrivals come from: some in force, some
 * lifted already, so that an origin is classified as it stood when the person left it (ARR-7).
 */
export const DEMO_AREAS: readonly DemoArea[] = [
  {
    level: 'high',
    code: '110105004',
    province: '北京市',
    city: '北京市',
    district: '朝阳区',
    street: '三里屯街道',
    published: [9, 20],
    publisher: '北京市卫生健康委员会',
  },
  {
    level: 'medium',
    code: '110105002',
    province: '北京市',
    city: '北京市',
    district: '朝阳区',
    street: '朝外街道',
    published: [9, 20],
    publisher: '北京市卫生健康委员会',
  },
  {
    level: 'high',
    code: '310115005',
    province: '上海市',
    city: '上海市',
    district: '浦东新区',
    street: '陆家嘴街道',
    published: [20, 19],
    lifted: [6, 0],
    publisher: '上海市卫生健康委员会',
  },
  {
    level: 'medium',
    code: '310104',
    province: '上海市',
    city: '上海市',
    district: '徐汇区',
    published: [18, 19],
    lifted: [4, 0],
    publisher: '上海市卫生健康委员会',
  },
  {
    level: 'medium',
    code: '440305001',
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    street: '南头街道',
    published: [7, 18],
    publisher: '深圳市卫生健康委员会',
  },
  {
    level: 'key_concern',
    code: '440106',
    province: '广东省',
    city: '广州市',
    district: '天河区',
    published: [5, 21],
    publisher: '广州市卫生健康委员会',
  },
  {
    level: 'high',
    code: '150702',
    province: '内蒙古自治区',
    city: '呼伦贝尔市',
    district: '海拉尔区',
    published: [12, 20],
    publisher: '内蒙古自治区卫生健康委员会',
  },
  {
    level: 'high',
    code: '620102',
    province: '甘肃省',
    city: '兰州市',
    district: '城关区',
    published: [13, 22],
    publisher: '甘肃省卫生健康委员会',
  },
  {
    level: 'high',
    code: '650102',
    province: '新疆维吾尔自治区',
    city: '乌鲁木齐市',
    district: '天山区',
    published: [16, 21],
    publisher: '新疆维吾尔自治区卫生健康委员会',
  },
  {
    level: 'medium',
    code: '210102016',
    province: '辽宁省',
    city: '沈阳市',
    district: '和平区',
    street: '马路湾街道',
    published: [4, 20],
    publisher: '辽宁省卫生健康委员会',
  },
  {
    level: 'medium',
    code: '210213',
    province: '辽宁省',
    city: '大连市',
    district: '金州区',
    published: [15, 20],
    lifted: [2, 0],
    publisher: '辽宁省卫生健康委员会',
  },
  {
    level: 'high',
    code: '220202',
    province: '吉林省',
    city: '吉林市',
    district: '昌邑区',
    published: [25, 20],
    lifted: [10, 0],
    publisher: '吉林省卫生健康委员会',
  },
  {
    level: 'medium',
    code: '510107',
    province: '四川省',
    city: '成都市',
    district: '武侯区',
    published: [3, 21],
    publisher: '四川省卫生健康委员会',
  },
  {
    level: 'key_concern',
    code: '420106',
    province: '湖北省',
    city: '武汉市',
    district: '武昌区',
    published: [8, 20],
    lifted: [1, 0],
    publisher: '湖北省卫生健康委员会',
  },
];

/** ARR-9 "对…满洲里市全域参照高风险地区进行管控" [004]: the whole city treated as high. */
const MANZHOULI = { divisionCode: '150781', name: '内蒙古自治区呼伦贝尔市满洲里市', from: [11, 12] as When };

/** Registers the demo's areas and its one whole-city override through the registry's services. */
export async function addDemoRiskAreas(ctx: AppContext, tx: Queryable, actor: Actor, timeZone: string) {
  const now = ctx.now();
  const at = ([days, hour]: When) => localAt(now, timeZone, days, hour);
  for (const area of DEMO_AREAS) {
    await createArea(ctx, tx, actor, {
      level: area.level,
      divisionCode: area.code,
      areaName: `${area.province === area.city ? '' : area.province}${area.city}${area.district}${area.street ?? ''}`,
      provinceName: area.province,
      cityName: area.city,
      districtName: area.district,
      publishedAt: at(area.published),
      liftedAt: area.lifted ? at(area.lifted) : null,
      // Invented publications: say so wherever the publisher is shown.
      publisher: `${area.publisher}（演示数据）`,
    });
  }
  await createOverride(ctx, tx, actor, {
    divisionCode: MANZHOULI.divisionCode,
    name: MANZHOULI.name,
    treatAs: 'high',
    validFrom: at(MANZHOULI.from),
    reason: '口岸城市疫情外溢风险，全域参照高风险地区管控（演示数据）',
  });
  return DEMO_AREAS.length;
}
