/**
 * Key groups (重点人群) a person can be tagged with: the TST-4 list of the Chifeng plan [004 §13]
 * and the groups of [001 §5; 002 §13]. Testing frequencies belong to the policy pack, not here.
 */
export const KEY_GROUPS = {
  international_mail: { zh: '国际邮件从业人员', en: 'International mail workers' },
  cold_chain_import: { zh: '进口冷链从业人员', en: 'Imported cold-chain workers' },
  non_cold_chain_import: { zh: '进口非冷链货物从业人员', en: 'Imported non-cold-chain goods workers' },
  fever_clinic_staff: {
    zh: '非定点医院发热门诊医务人员',
    en: 'Fever-clinic staff of non-designated hospitals',
  },
  prehospital_transfer: { zh: '院前转运人员', en: 'Pre-hospital transfer staff' },
  courier: { zh: '快递外卖从业人员', en: 'Couriers' },
  airport_front_line: { zh: '机场一线人员', en: 'Airport front-line staff' },
  hospital_staff: { zh: '二级以上非定点医院工作人员', en: 'Staff of secondary+ non-designated hospitals' },
  market_supervision: { zh: '市场监管一线人员', en: 'Market-supervision front line' },
  elderly_care: { zh: '养老福利机构工作人员', en: 'Social welfare and elderly-care staff' },
  farmers_market: { zh: '农贸市场从业人员', en: "Farmers' market workers" },
  takeaway: { zh: '外卖配送人员', en: 'Takeaway delivery workers' },
  transport: { zh: '交通运输从业人员', en: 'Transport workers' },
  station_front_line: { zh: '车站一线人员', en: 'Station front-line staff' },
  primary_care: { zh: '基层医疗机构和诊所人员', en: 'Primary-care and clinic staff' },
  cdc_front_line: { zh: '疾控一线人员', en: 'CDC front-line staff' },
  school_staff: { zh: '学校及托幼机构教职员工', en: 'School and childcare staff' },
  student: { zh: '学生及托幼儿童', en: 'Students and children in childcare' },
  quarantine_hotel_staff: { zh: '隔离场所工作人员', en: 'Isolation-site staff' },
  port_staff: { zh: '口岸工作人员', en: 'Port staff' },
} as const;

export type KeyGroup = keyof typeof KEY_GROUPS;
export const KEY_GROUP_IDS = Object.keys(KEY_GROUPS) as KeyGroup[];

/** Finds a key group by id or by its Chinese or English label (ledgers use the Chinese one). */
export function keyGroupFromLabel(label: string): KeyGroup | undefined {
  const value = label.trim();
  if (value in KEY_GROUPS) return value as KeyGroup;
  return KEY_GROUP_IDS.find(
    (id) => KEY_GROUPS[id].zh === value || KEY_GROUPS[id].en.toLowerCase() === value.toLowerCase(),
  );
}
