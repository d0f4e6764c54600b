import type { Text } from '../surfaces/types.js';

/**
 * Every action the audit log records, in the words its readers use (issue 13 Deliver 5: no raw
 * codes on Chinese pages). `recordAudit` takes only these keys, so an action recorded anywhere
 * without words here does not compile.
 */
export const AUDIT_ACTIONS = {
  create: { zh: '新增', en: 'Created' },
  update: { zh: '修改', en: 'Changed' },
  delete: { zh: '删除', en: 'Deleted' },
  import: { zh: '导入', en: 'Imported' },
  'isolation.test_result': { zh: '录入隔离期间检测结果', en: 'Test result during isolation recorded' },
  'isolation.release': { zh: '解除集中隔离', en: 'Released from isolation' },
  'isolation.next_phase': { zh: '转入下一管控阶段', en: 'Moved on to the next phase of the plan' },
  'isolation.to_hospital': { zh: '转送定点医院', en: 'Transferred to the designated hospital' },
  import_started: { zh: '开始导入', en: 'Import started' },
  export: { zh: '导出', en: 'Exported' },
  unmask: { zh: '查看完整证件号码和电话', en: 'Viewed the full ID number and phone' },
  exact_search: { zh: '按证件号码或电话精确查询', en: 'Exact search by ID number or phone' },
  acknowledge: { zh: '确认已核实', en: 'Acknowledged' },
  handover_accept: { zh: '同意移交', en: 'Hand-over accepted' },
  handover_decline: { zh: '拒绝移交', en: 'Hand-over declined' },
  sign_in: { zh: '登录', en: 'Signed in' },
  sign_in_failed: { zh: '登录失败', en: 'Sign-in failed' },
  lockout: { zh: '账号锁定', en: 'Account locked' },
  password_change: { zh: '修改密码', en: 'Password changed' },
  password_change_failed: { zh: '修改密码失败', en: 'Password change failed' },
  password_change_refused: { zh: '拒绝以接口令牌修改密码', en: 'Password change with an API token refused' },
  user_create_refused: { zh: '拒绝以接口令牌新建用户', en: 'Creating a user with an API token refused' },
  user_update_refused: { zh: '拒绝以接口令牌修改用户', en: 'Changing a user with an API token refused' },
  create_refused: { zh: '拒绝以接口令牌新建令牌', en: 'Creating a token with an API token refused' },
  revoke_refused: { zh: '拒绝以接口令牌撤销', en: 'Revoking with an API token refused' },
  revoke: { zh: '撤销', en: 'Revoked' },
  first_use: { zh: '首次使用', en: 'First used' },
  use_refused: { zh: '拒绝使用', en: 'Use refused' },
  load_pack: { zh: '载入政策包', en: 'Policy pack loaded' },
  assign_pack: { zh: '指定适用政策', en: 'Policy assigned' },
  apply_pack: { zh: '按新版政策调整管控方案', en: 'New policy version applied' },
  register_document: { zh: '登记依据文件', en: 'Source document registered' },
  replan: { zh: '重新制定管控方案', en: 'Plan made again' },
  reclassify: { zh: '重新认定来源地风险', en: 'Origin risk reclassified' },
  plan_event: { zh: '记录管控方案执行情况', en: 'Plan item recorded' },
  plan_ended: { zh: '离开本地，管控方案结束', en: 'Plan ended on leaving' },
  review_settle: { zh: '疾控核定管控措施', en: 'Measures decided by the CDC' },
  lift: { zh: '解除', en: 'Lifted' },
  end: { zh: '结束', en: 'Ended' },
  look: { zh: '查看报备', en: 'Report looked at' },
  push: { zh: '推送社区核实', en: 'Pushed to the community' },
  verify: { zh: '核实', en: 'Verified' },
  feedback: { zh: '反馈检测管控情况', en: 'Measures fed back' },
  discard: { zh: '作废报备', en: 'Report set aside' },
  'truck.verify': { zh: '核实货车报备', en: 'Truck report verified' },
  'truck.reject': { zh: '作废货车报备', en: 'Truck report set aside' },
  'truck.cancel': { zh: '取消货车报备', en: 'Truck report cancelled' },
  'truck.escort': { zh: '派专人引导', en: 'Escort assigned' },
  'truck.arrive': { zh: '货车到达检查点', en: 'Truck at the checkpoint' },
  'truck.depart': { zh: '货车离开', en: 'Truck left' },
  'truck.stay': { zh: '登记滞留', en: 'Stay-over recorded' },
  'cadre_leave.approve': { zh: '批准离开', en: 'Leave approved' },
  'cadre_leave.reject': { zh: '不予批准离开', en: 'Leave not approved' },
  'cadre_leave.withdraw': { zh: '撤回离开申请', en: 'Leave application withdrawn' },
  'cadre_leave.return': { zh: '返回报备', en: 'Return reported' },
  'investigation.open': { zh: '开启流行病学调查', en: 'Investigation opened' },
  'investigation.close': { zh: '病例排除，流调结束', en: 'Investigation closed (case discarded)' },
  'investigation.assign': { zh: '指派流调人员和队伍', en: 'Investigator and team assigned' },
  'investigation.first': { zh: '完成首次流调', en: 'First investigation recorded' },
  'investigation.submit': { zh: '提交流调报告审核', en: 'Investigation report submitted' },
  'investigation.release': { zh: '审核发布流调报告', en: 'Investigation report released' },
  'investigation.return': { zh: '退回流调报告修改', en: 'Investigation report returned' },
  'case.report': { zh: '报告病例', en: 'Case reported' },
  'case.reclassify': { zh: '订正病例分类', en: 'Case reclassified' },
  'case.discard': { zh: '排除病例', en: 'Case discarded' },
  'case.review': { zh: '审核病例报告', en: 'Case report reviewed' },
  'sample.register': { zh: '登记采样', en: 'Sample registered' },
  'tube.seal': { zh: '封管', en: 'Tube sealed' },
  tubes_received: { zh: '接收样本管', en: 'Tubes received' },
  'alert.raise': { zh: '触发预警', en: 'Alert raised' },
  'alert.acknowledge': { zh: '确认预警', en: 'Alert acknowledged' },
  'alert.assess': { zh: '预警风险评估', en: 'Alert risk assessed' },
  'alert.publish_warning': { zh: '发布预警', en: 'Warning published' },
  'alert.close': { zh: '预警处置完毕', en: 'Alert closed' },
  'alert.evaluate': { zh: '评估多点触发规则', en: 'Trigger rules evaluated' },
  lab_results_posted: { zh: '上报检测结果', en: 'Lab results posted' },
  lab_result_positive: { zh: '检出阳性', en: 'Positive result' },
  lab_result_corrected: { zh: '更正检测结果', en: 'Lab result corrected' },
  routine_sweep: { zh: '核查常态化检测漏检', en: 'Routine tests checked for misses' },
  'deadline.done': { zh: '完成待办', en: 'Task completed' },
  'bulletin.press_conference': { zh: '登记新闻发布会', en: 'Press conference recorded' },
  'drug_sales.follow_up': { zh: '登记购药人员回访', en: 'Drug buyers followed up' },
  'hospital.transfer': { zh: '安排转运至定点医院', en: 'Transfer to a designated hospital arranged' },
  'hospital.depart': { zh: '转运出发', en: 'Transfer departed' },
  'hospital.admit': { zh: '定点医院收治', en: 'Admitted to a designated hospital' },
  'hospital.discharge': { zh: '治愈出院', en: 'Discharged' },
  'hospital.emptied': { zh: '定点医院已腾空', en: 'Designated hospital emptied' },
  'contact.identify': { zh: '认定接触者', en: 'Contact identified' },
  'contact.reclassify': { zh: '重新判定接触者类别', en: 'Contact reclassified' },
  'contact.release': { zh: '接触者解除管控', en: 'Contact released' },
  'contact.discard': { zh: '排除接触者', en: 'Contact discarded' },
  'contact.accept': { zh: '接收外地移交的接触者', en: 'Handed-over contact accepted' },
  'co_exposure.case': { zh: '查询病例时空伴随人员', en: 'Co-exposure search for a case' },
  'co_exposure.venue': { zh: '查询场所时空伴随人员', en: 'Co-exposure search at a venue' },
  'chain.link': { zh: '登记传播关联', en: 'Transmission link recorded' },
  'chain.unlink': { zh: '解除传播关联', en: 'Transmission link removed' },
  'chain.recompute': { zh: '重算传播链代际与问责', en: 'Chains recomputed' },
  'isolation.allocate': { zh: '分配集中隔离房间', en: 'Isolation room allocated' },
  'isolation.arrive': { zh: '转运到达隔离房间', en: 'Arrived in the isolation room' },
  'isolation.cancel': { zh: '取消房间分配', en: 'Room allocation cancelled' },
  'isolation.home_stay': { zh: '登记居家隔离', en: 'Home isolation recorded' },
} as const satisfies Record<string, Text>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Every kind of object an audit entry is about, in words. */
export const AUDIT_OBJECT_TYPES = {
  person: { zh: '人员', en: 'Person' },
  person_import: { zh: '人员台账导入', en: 'Ledger import' },
  privacy_alert: { zh: '隐私告警', en: 'Privacy alert' },
  jurisdiction: { zh: '行政区划', en: 'Jurisdiction' },
  user: { zh: '用户', en: 'User' },
  api_token: { zh: '接口令牌', en: 'API token' },
  policy_pack: { zh: '政策包', en: 'Policy pack' },
  policy_assignment: { zh: '政策适用范围', en: 'Policy assignment' },
  source_document: { zh: '依据文件', en: 'Source document' },
  risk_area: { zh: '风险地区', en: 'Risk area' },
  risk_area_override: { zh: '全域管控', en: 'Whole-area control' },
  arrival: { zh: '来返人员登记', en: 'Arrival' },
  landing_report: { zh: '落地码报备', en: 'Landing-code report' },
  truck_report: { zh: '货车司乘人员报备', en: 'Truck report' },
  checkpoint: { zh: '卡口', en: 'Checkpoint' },
  checkpoint_pass: { zh: '卡口通行记录', en: 'Checkpoint pass' },
  epi_team: { zh: '流调队伍', en: 'Investigation team' },
  epi_team_member: { zh: '流调队伍成员', en: 'Investigation team member' },
  cadre_leave: { zh: '干部职工离开报备', en: 'Cadre leave' },
  investigation: { zh: '流行病学调查', en: 'Investigation' },
  investigation_entry: { zh: '流调轨迹', en: 'Investigation timeline entry' },
  investigation_exposure: { zh: '暴露与可能来源', en: 'Exposure or likely source' },
  investigation_goods: { zh: '人物同查物品', en: 'Goods traced' },
  case: { zh: '病例报告', en: 'Case report' },
  push_import: { zh: '大数据推送名单导入', en: 'Push list import' },
  campaign: { zh: '核酸检测任务', en: 'Testing campaign' },
  routine_testing: { zh: '重点人群常态检测', en: 'Routine testing' },
  sampling_site: { zh: '采样点', en: 'Sampling site' },
  sample: { zh: '采样', en: 'Sample' },
  tube: { zh: '样本管', en: 'Tube' },
  lab: { zh: '检测机构', en: 'Lab' },
  alert: { zh: '监测预警', en: 'Alert' },
  lab_capacity_target: { zh: '检测能力目标', en: 'Lab capacity target' },
  lab_qc_record: { zh: '室内质控记录', en: 'Lab QC record' },
  sentinel_site: { zh: '监测哨点', en: 'Sentinel site' },
  sentinel_report: { zh: '哨点监测数据', en: 'Sentinel report' },
  deadline: { zh: '待办', en: 'Task' },
  press_conference: { zh: '新闻发布会', en: 'Press conference' },
  hospital: { zh: '医疗机构', en: 'Hospital' },
  hospital_stay: { zh: '转运收治记录', en: 'Transfer and stay' },
  drug_outlet: { zh: '药店诊所', en: 'Drug outlet' },
  drug_sale: { zh: '四类药品销售', en: 'Four-class drug sale' },
  contact: { zh: '接触者', en: 'Contact' },
  venue: { zh: '场所', en: 'Venue' },
  check_in_feed: { zh: '场所扫码登记数据', en: 'Check-in feed' },
  co_exposure: { zh: '时空伴随查询', en: 'Co-exposure search' },
  chain_link: { zh: '传播关联', en: 'Transmission link' },
  chain_cluster: { zh: '传播链', en: 'Transmission chain' },
  isolation_stay: { zh: '隔离记录', en: 'Isolation stay' },
} as const satisfies Record<string, Text>;

export type AuditObjectType = keyof typeof AUDIT_OBJECT_TYPES;

/** Words for a recorded action or object type that no code records any more (older entries). */
const UNLISTED_ACTION: Text = { zh: '其他操作', en: 'Other action' };
const UNLISTED_OBJECT: Text = { zh: '其他对象', en: 'Other object' };

const isKey = <K extends string>(table: Record<K, Text>, key: string): key is K => Object.hasOwn(table, key);

/** An unmasking that showed the phone alone (a call from one's work list) says so. */
const UNMASK_PHONE: Text = { zh: '查看完整电话', en: 'Viewed the full phone number' };

/** The action in words; an unmasking by the fields its entry's detail lists. */
export function auditActionText(action: string, detail?: unknown): Text {
  const fields = (detail as { fields?: unknown } | null | undefined)?.fields;
  if (action === 'unmask' && Array.isArray(fields) && fields.length === 1 && fields[0] === 'phone')
    return UNMASK_PHONE;
  return isKey(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action] : UNLISTED_ACTION;
}

export function auditObjectText(entity: string): Text {
  return isKey(AUDIT_OBJECT_TYPES, entity) ? AUDIT_OBJECT_TYPES[entity] : UNLISTED_OBJECT;
}
