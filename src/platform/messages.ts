/** Bilingual messages for errors: one table, so the API, the CLI and the UI say the same thing. */
import { ISOLATION_FIELD_MESSAGES } from './messagesIsolation.js';

export interface Message {
  readonly en: string;
  readonly zh: string;
}

export const FIELD_MESSAGES = {
  required: { en: 'is required', zh: '必填' },
  type: { en: 'has the wrong type', zh: '类型不正确' },
  too_long: { en: 'is too long', zh: '过长' },
  too_short: { en: 'is too short', zh: '过短' },
  too_many: { en: 'has too many items', zh: '条目过多' },
  format: { en: 'has an invalid format', zh: '格式不正确' },
  enum: { en: 'is not one of the allowed values', zh: '不是允许的取值' },
  range: { en: 'is out of range', zh: '超出允许范围' },
  unknown_field: { en: 'is not a known field', zh: '不是已知字段' },
  unsafe_text: { en: 'contains markup or control characters', zh: '包含标记或控制字符' },
  id_length: { en: 'must have 18 characters', zh: '应为18位' },
  id_format: { en: 'must be 17 digits and a digit or X', zh: '应为17位数字加一位数字或X' },
  id_checksum: { en: 'has a wrong check digit (GB 11643)', zh: '校验位错误（GB 11643）' },
  id_birth_date: { en: 'contains an impossible birth date', zh: '出生日期不合法' },
  id_duplicate: { en: 'is already registered for another person', zh: '已登记为另一人员' },
  id_duplicate_in_file: { en: 'appears earlier in this file', zh: '在本文件中重复出现' },
  phone_format: { en: 'is not a valid mainland phone number', zh: '不是有效的电话号码' },
  jurisdiction_unknown: { en: 'is not a known jurisdiction', zh: '不是已知的行政区划' },
  jurisdiction_out_of_scope: { en: 'lies outside your jurisdiction', zh: '不在您的管辖范围内' },
  key_group_unknown: { en: 'names an unknown key group', zh: '包含未知的重点人群' },
  sex_mismatch: { en: 'does not match the ID number', zh: '与身份证号不一致' },
  birth_date_mismatch: { en: 'does not match the ID number', zh: '与身份证号不一致' },
  // Masked data stays masked (DESIGN "Safe by default").
  birth_date_needs_id_number: {
    en: 'can only be changed together with the full ID number',
    zh: '须同时重新填写完整证件号码后才能修改',
  },
  reason_too_short: {
    en: 'must say why, in at least 4 characters (e.g. tracing a close contact)',
    zh: '须写明原因，至少4个字（例如：流调核实密接）',
  },
  role_unknown: { en: 'names an unknown role', zh: '包含未知的角色' },
  username_taken: { en: 'is already taken', zh: '已被使用' },
  weak_password: { en: 'must have at least 10 characters', zh: '至少需要10个字符' },
  common_password: {
    en: 'is too common or too easy to guess; use a longer mix of unrelated words, digits and signs',
    zh: '过于常见或容易被猜到，请使用更长、无规律的字词、数字和符号组合',
  },
  wrong_password: { en: 'is not your current password', zh: '与当前密码不一致' },
  header_missing: { en: 'column is missing from the header row', zh: '列在表头中缺失' },
  file_empty: { en: 'has no header row', zh: '没有表头行' },
  file_type: { en: 'must be a .csv or .xlsx file', zh: '应为 .csv 或 .xlsx 文件' },
  file_encoding: { en: 'is not UTF-8 or GB18030 text', zh: '不是 UTF-8 或 GB18030 编码的文本' },
  file_corrupt: { en: 'is not a readable .xlsx workbook', zh: '不是可读取的 .xlsx 工作簿' },
  file_incomplete: { en: 'was not received completely', zh: '未完整上传' },
  csv_syntax: {
    en: 'has a CSV syntax error (quotes or an overlong record)',
    zh: '存在 csv 格式错误（引号或记录过长）',
  },
  // Upload limits (src/platform/bulk/limits.ts); the limit itself is appended to the message.
  upload_too_large: { en: 'is larger than an upload may be', zh: '超过上传文件大小上限' },
  upload_idle: {
    en: 'stopped arriving: nothing was received for too long',
    zh: '上传中断：长时间未收到数据',
  },
  xlsx_unzipped_too_large: {
    en: 'unpacks to more data than a workbook may hold',
    zh: '解压后的数据量超过上限',
  },
  xlsx_shared_strings_too_large: {
    en: 'has a shared-strings table larger than allowed',
    zh: '共享字符串表超过大小上限',
  },
  xlsx_too_many_shared_strings: {
    en: 'has more distinct texts than allowed',
    zh: '不同文本的数量超过上限',
  },
  xlsx_text_too_long: {
    en: 'has a cell or tag longer than Excel allows',
    zh: '含有超过表格软件长度上限的单元格或标记',
  },
  too_many_rejected: {
    en: 'has too many rejected rows: the import stopped there and is marked failed',
    zh: '被拒绝的行数过多：导入已在此停止并标记为失败',
  },
  // Risk-area registry (ZON-5, ARR-7, ARR-9)
  division_code_format: {
    en: 'must be a division code of 6, 9 or 12 digits (GB/T 2260)',
    zh: '应为6位、9位或12位行政区划代码（GB/T 2260）',
  },
  risk_level_unknown: { en: 'must be 高, 中, 低 or 重点关注', zh: '应为 高、中、低 或 重点关注' },
  datetime_format: {
    en: 'must be a date and time such as 2022-04-01 12:00',
    zh: '应为日期时间，如 2022-04-01 12:00',
  },
  lifted_before_published: { en: 'must be later than the publication time', zh: '须晚于发布时间' },
  ends_before_start: { en: 'must be later than the start', zh: '须晚于开始时间' },
  area_name_required: {
    en: 'is required when the division code is not a known division',
    zh: '区划代码不是已知行政区划时必填',
  },
  risk_area_conflict: {
    en: 'conflicts with another level published for this area at the same time',
    zh: '与同一时间为该地区发布的另一风险等级冲突',
  },
  override_conflict: {
    en: 'conflicts with another override of this division from the same time',
    zh: '与同一时间起对该区划的另一全域管控冲突',
  },
  too_many_rows: { en: 'has more rows than one import takes', zh: '行数超过单次导入上限' },
  // Lab registry, capacity targets (TST-9)
  lab_name_taken: { en: 'is already the name of a lab here', zh: '本辖区已有同名实验室' },
  target_date_taken: {
    en: 'already has a capacity target for this jurisdiction',
    zh: '该辖区在此日期已有产能目标',
  },
  // Truck pre-reports (ARR-12), cadre leave (ARR-14)
  plate_format: { en: 'is not a valid mainland licence plate', zh: '不是有效的车牌号' },
  uscc_format: {
    en: 'is not a valid unified social credit code (GB 32100)',
    zh: '不是有效的统一社会信用代码（GB 32100）',
  },
  uscc_checksum: { en: 'has a wrong check character (GB 32100)', zh: '校验码错误（GB 32100）' },
  id_repeated: { en: 'is listed twice', zh: '重复填写' },
  not_community: { en: 'must be a community or village', zh: '应为社区或村（嘎查）' },
  member_identity: {
    en: 'name an account or a person (name), not both',
    zh: '请选择账号或填写姓名（二选一）',
  },
  village_required: {
    en: 'is required for a reserve epi assistant',
    zh: '储备流调协查员须填写所在村（社区）',
  },
  origin_unknown: { en: 'is not a known district (GB/T 2260)', zh: '不是已知的区县（GB/T 2260）' },
  wrong_state: { en: 'does not allow this step now', zh: '当前状态不允许此操作' },
  // Transmission chains (EPI-5)
  same_case: { en: 'must be another case than the infectee', zh: '不能与被感染者为同一病例' },
  case_discarded: { en: 'is a discarded case', zh: '为已排除的病例' },
  // Alerts (MON-4)
  warning_outside_alert: {
    en: "must be the alert's jurisdiction or one above it",
    zh: '须为预警所在辖区或其上级辖区',
  },
  assessment_first: { en: 'needs the risk assessment first', zh: '须先完成风险评估' },
  before_previous_step: { en: 'must not be earlier than the previous step', zh: '不能早于上一环节的时间' },
  date_in_past: { en: 'must not lie in the past', zh: '不能早于今天' },
  before_leave: { en: 'must not be before the leave date', zh: '不能早于离开日期' },
  leave_taken: {
    en: 'is past its leave date: the person is taken to have left, so file the return report',
    zh: '已过离开日期，视为已离开，请填写返回报备',
  },
  before_stay_end: { en: 'must not end the stay earlier than booked', zh: '不能早于已登记的滞留结束日期' },
  not_approver: {
    en: "must hold arrival.write over the applicant's jurisdiction or a wider one",
    zh: '须具有来返人员登记权限，且管辖范围涵盖申请人所在层级或更高',
  },
  // Arrivals and policy packs (ARR-*)
  person_unknown: { en: 'is not a known person', zh: '不是已登记的人员' },
  investigator_unknown: {
    en: 'is not an active CDC epidemiologist of the case’s county',
    zh: '不是该病例所在县区疾控的在岗流调人员',
  },
  team_unknown: {
    en: 'is not an active investigation team of the case’s county',
    zh: '不是该病例所在县区的在用流调队伍',
  },
  pack_version_exists: {
    en: 'is already loaded with different content; give the changed pack a new version',
    zh: '已以不同内容加载；修改后的政策包须使用新版本号',
  },
  pack_invalid: {
    en: 'is not a valid policy pack (see packErrors)',
    zh: '不是有效的政策包，请按列出的错误修改',
  },
  pack_unknown: { en: 'names a policy pack that is not loaded', zh: '不是已加载的政策包' },
  // Policy change impact (issue 12 Deliver 3)
  impact_too_large: {
    en: 'holds more than 10,000 active plans: preview and apply the version for its parts one by one',
    zh: '有效管控方案超过一万份，请按下级地区分别预览和应用',
  },
  assignment_replans: {
    en: 'has active plans this assignment would change: preview the impact and apply it instead',
    zh: '的现有管控方案会因此分配而改变，请先预览影响评估再应用',
  },
  // Source documents that packs cite (issue 12)
  document_exists: {
    en: 'is already registered with a different title, issuer, date or text; a registered document never changes, so register the changed one under a new id',
    zh: '已登记为内容不同的文件；已登记的文件不能更改，修改后的文件请用新编号登记',
  },
  document_text_control: {
    en: 'contains control characters other than line breaks and tabs',
    zh: '含有换行符和制表符以外的控制字符',
  },
  document_text_markup: {
    en: 'contains angle brackets (markup); write titles in 《》',
    zh: '含有尖括号（标记语言）；书名请用《》',
  },
  assumption_reason_required: {
    en: 'must say why the fields marked as assumed are assumed',
    zh: '须写明推定各项的理由',
  },
  origin_code_required: { en: 'is required for a domestic origin', zh: '国内来源地须填写区划代码' },
  after_arrival: { en: 'must not be later than the arrival', zh: '不能晚于抵达时间' },
  in_future: { en: 'must not lie in the future', zh: '不能晚于当前时间' },
  before_stay_start: { en: 'must not be before the stay began', zh: '不能早于开始隔离的时间' },
  sale_too_old: { en: 'must not be more than 30 days ago', zh: '不能早于30天前' },
  plan_missing: { en: 'has no active plan to record against', zh: '没有可记录的有效管控方案' },
  plan_item_unknown: { en: 'is not an item of the active plan', zh: '不是当前管控方案中的事项' },
  plan_item_recorded: { en: 'is already recorded', zh: '已记录' },
  // The CDC's review of arrivals planned by nothing (issue 12, no silent arrivals)
  review_not_pending: {
    en: 'cannot be made: the arrival is not awaiting the CDC',
    zh: '无法记录：该人员不在待疾控核定名单中',
  },
  review_cdc_only: { en: 'is the CDC’s to make', zh: '须由疾控人员作出' },
  // Landing code (ARR-11)
  outside_landing_area: {
    en: 'is not a community of this landing code’s area',
    zh: '不是本落地码所属地区的村（社区）',
  },
  landing_not_pushed: { en: 'has not been pushed to the community yet', zh: '尚未推送到社区' },
  landing_not_verified: { en: 'has not been verified yet', zh: '尚未核实' },
  landing_county_staff: {
    en: 'is looked at, pushed and set aside by the staff of its county or above',
    zh: '须由所属县（区）或上级的工作人员查看、推送或作废',
  },
  landing_match_required: {
    en: 'must name the person the report was verified as, or ask to register a new person',
    zh: '须选择核实后对应的人员，或选择登记为新人员',
  },
  landing_match_not_candidate: {
    en: 'is not a person of your jurisdiction with the reported ID number',
    zh: '不是您辖区内与报备证件号码相同的人员',
  },
  landing_match_not_found: {
    en: 'applies only when the person was found',
    zh: '仅在核实找到本人时填写',
  },
  landing_ended: { en: 'has already been closed', zh: '已办结' },
  challenge_invalid: {
    en: 'is not a valid, unused solution of a current challenge',
    zh: '不是有效且未使用过的验证结果，请重新提交',
  },
  crew_match_required: {
    en: 'must say, for each crew member, which person they are or that a new person is registered',
    zh: '须为每位司乘人员选择对应的人员，或选择登记为新人员',
  },
  release_tests_pending: {
    en: 'cannot end before the tests required for release are negative',
    zh: '解除所需的检测结果均为阴性前不能结束',
  },
  // Checkpoints (ARR-15, HC-3) and big-data push lists
  duplicate_id: { en: 'is already used for another record', zh: '已用于另一条记录' },
  duplicate_name: { en: 'is already used here', zh: '在此已被使用' },
  origin_missing: {
    en: 'or the origin name is required for a domestic origin',
    zh: '或来源地名称须填写（国内来源）',
  },
  row_duplicate_in_file: {
    en: 'repeats an earlier row of this file (same person, arrival time and origin)',
    zh: '与本文件前面的行重复（同一人员、抵达时间和来源地）',
  },
  yes_no: { en: 'must be 是 or 否', zh: '应为 是 或 否' },
  // Sampling (TST-1)
  barcode_format: { en: 'must be 6–32 letters, digits or -', zh: '应为6至32位字母、数字或 -' },
  tube_full: { en: 'names a tube that is already full', zh: '对应的采样管已满' },
  tube_sealed: { en: 'names a tube that is already sealed', zh: '对应的采样管已封管' },
  tube_resulted: { en: 'names a tube that already has a result', zh: '对应的采样管已出结果' },
  tube_empty: { en: 'names a tube with no sample yet', zh: '对应的采样管尚无样本' },
  barcode_taken: { en: 'is already used by a tube of another site', zh: '已被其他采样点的采样管使用' },
  capacity_mismatch: {
    en: 'differs from the pool size of the open tube',
    zh: '与该采样管已开始的混采数不一致',
  },
  person_in_tube: { en: 'is already sampled into this tube', zh: '已采入该采样管' },
  person_new_name_required: {
    en: 'is required for a person not yet registered',
    zh: '未登记人员须填写姓名',
  },
  resample_individual: { en: 'must be 1 for a re-sample (individual tube)', zh: '复采须单管单采（每管1人）' },
  under_control_individual: {
    en: 'is under control after a positive pool: sample them alone (re-sample, individual tube)',
    zh: '该人员因混采阳性处于管控中，须单管单采（复采）',
  },
  table_unknown: { en: 'is not a table of this site', zh: '不是该采样点的采样台' },
  site_inactive: { en: 'names a site that is closed', zh: '对应的采样点已停用' },
  campaign_unknown: { en: 'is not an active campaign here', zh: '不是本地区进行中的检测任务' },
  arrival_person_mismatch: { en: 'belongs to another person', zh: '属于另一人员' },
  arrival_unknown: { en: 'is not a known arrival', zh: '不是已登记的来返人员记录' },
  sampled_in_campaign: { en: 'is already sampled in this campaign', zh: '已在本轮检测任务中采样' },
  resample_outside_campaign: {
    en: 'must be empty for a re-sample, which is taken outside the campaign',
    zh: '复采不计入检测任务，须为空',
  },
  arrival_plan_required: { en: 'and planItem must be given together', zh: '须与来返人员的管控事项一并填写' },
  // Lab results (TST-1 … TST-3)
  barcode_unknown: {
    en: 'is not a tube barcode known in your jurisdiction',
    zh: '不是您辖区内已登记的采样管条码',
  },
  tube_other_lab: { en: 'was received by another lab', zh: '已由其他实验室接收' },
  result_conflict: {
    en: 'already has a different result; it is never overwritten',
    zh: '已有不同的检测结果，不能覆盖',
  },
  result_value: {
    en: 'must be 阴性, 阳性 or 无效 (negative, positive, invalid)',
    zh: '应为 阴性、阳性 或 无效',
  },
  lab_unknown: { en: 'is not a lab in your jurisdiction', zh: '不是您辖区内的实验室' },
  before_sampling: {
    en: 'must not be earlier than the sampling time of the tube',
    zh: '不能早于该采样管的采样时间',
  },
  tube_not_resulted: { en: 'names a tube that has no result to correct', zh: '对应的采样管尚无可更正的结果' },
  // Sentinel feeds (MON-1, MON-3, MON-5)
  sentinel_site_unknown: {
    en: 'is not a sentinel site in your jurisdiction that sends this report',
    zh: '不是您辖区内报送此项数据的哨点',
  },
  sentinel_result_pending: { en: 'must be empty while the result is pending', zh: '待检时不填写结果时间' },
  result_unchanged: { en: 'is the result the tube already has', zh: '与该采样管现有结果相同' },
  // Four-class drug sales (MON-2)
  drug_class: {
    en: 'must name 退热, 止咳, 抗病毒 or 抗生素 (antipyretic, antitussive, antiviral, antibiotic)',
    zh: '应为 退热、止咳、抗病毒 或 抗生素',
  },
  // Cases (CAS-1, CAS-2): the report card's own checks.
  case_time_order: {
    en: 'must not be earlier than the card’s previous time (onset, sampling, found, report, in that order)',
    zh: '不能早于报告卡上的前一个时间（依次为发病、采样、发现、报告）',
  },
  case_severity_confirmed_only: {
    en: 'is given for a confirmed case only',
    zh: '仅确诊病例填写临床严重程度',
  },
  case_tube_not_positive: {
    en: 'names no positive individual result in your jurisdiction',
    zh: '不是您辖区内的单管阳性检测结果',
  },
  case_person_not_tube: {
    en: 'names another person than the one sampled into the tube',
    zh: '与该采样管的受检人员不一致',
  },
  case_unchanged: {
    en: 'is the classification and severity the case already has',
    zh: '与该病例现有的分类和严重程度相同',
  },
  // Hospitals (CAS-3, CAS-4): the registry's and the transfer's own checks.
  hospital_not_designated: {
    en: 'is not a designated hospital in use: cases are admitted to designated hospitals only (four concentrations)',
    zh: '不是启用中的定点医院：病例只能收治到定点医院（四集中）',
  },
  case_not_transferable: {
    en: 'names no open confirmed case or asymptomatic infection in your jurisdiction',
    zh: '不是您辖区内未排除的确诊病例或无症状感染者',
  },
  case_in_hospital: {
    en: 'names a case already on its way to or in a designated hospital',
    zh: '该病例已在转运途中或已在定点医院收治',
  },
  icu_exceeds_beds: { en: 'must not exceed the total beds', zh: '不能多于床位总数' },
  venue_unknown: { en: 'is not an active venue in your jurisdiction', zh: '不是您辖区内在用的场所' },
  venue_code_invalid: { en: 'is not a valid venue code', zh: '不是有效的场所码' },
  check_in_too_old: { en: 'is older than check-ins are kept', zh: '早于扫码登记记录的保存期限' },
  ...ISOLATION_FIELD_MESSAGES,
} as const satisfies Record<string, Message>;
export type FieldCode = keyof typeof FIELD_MESSAGES;
