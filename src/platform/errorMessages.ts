import type { Message } from './messages.js';

/**
 * Bilingual messages for whole-request errors, by problem code (field messages are in messages.ts):
 * one table, so the API, the CLI and the UI say the same thing. Every 409 has a sentence of its own.
 */
export const ERROR_MESSAGES = {
  validation: { en: 'The request is invalid', zh: '请求数据不合法' },
  unauthenticated: { en: 'Sign in first', zh: '请先登录' },
  invalid_credentials: { en: 'Wrong username or password', zh: '用户名或密码错误' },
  account_locked: { en: 'Too many failed sign-ins; try again later', zh: '登录失败次数过多，请稍后再试' },
  token_not_allowed: {
    en: 'An API token cannot manage tokens, accounts or passwords; sign in to do this',
    zh: '接口令牌不能管理令牌、账号或密码，请登录后操作',
  },
  forbidden: { en: 'You do not have permission for this', zh: '您没有此操作的权限' },
  cross_origin: {
    en: 'This request came from another site and was refused; make the change on the platform’s own pages',
    zh: '该请求来自其他网站，已被拒绝。请在本平台的页面上操作。',
  },
  not_found: { en: 'Not found', zh: '未找到' },
  person_exists: { en: 'A person with this ID number is already registered', zh: '该证件号码的人员已登记' },
  payload_too_large: { en: 'The request body is too large', zh: '请求内容过大' },
  unsupported_media_type: { en: 'This content type is not accepted', zh: '不接受此内容类型' },
  rate_limited: { en: 'Too many requests; slow down', zh: '请求过于频繁，请稍后再试' },
  challenge_required: {
    en: 'Many reports came from here just now; the page must solve a short check first',
    zh: '此处刚提交过较多报备，页面须先完成一次自动验证',
  },
  bad_file: { en: 'The file cannot be read', zh: '文件无法读取' },
  // 409s: each refusal says what it is; `conflict` is only for an edit that lost to a concurrent one.
  conflict: { en: 'The record was changed by someone else; reload it', zh: '记录已被他人修改，请刷新后重试' },
  plan_missing: {
    en: 'This person has no active plan to record against',
    zh: '此人没有有效的管控方案，无法记录',
  },
  plan_item_recorded: {
    en: 'This result is already recorded and is not recorded twice; reload to see it',
    zh: '此项结果已记录，不能重复记录，请刷新查看',
  },
  release_tests_pending: {
    en: 'This phase cannot end before the tests required for release are negative',
    zh: '解除所需的检测结果均为阴性前，不能结束此阶段',
  },
  pack_version_exists: {
    en: 'Version {version} is already used by other content; give the changed pack another version number',
    zh: '版本号 {version} 已被另一内容使用，请换一个版本号',
  },
  wrong_state: {
    en: 'This step is not possible in the current state (someone may have taken it already); reload to see it',
    zh: '当前状态不允许此操作（可能已由他人办理），请刷新后查看',
  },
  leave_taken: {
    en: 'The leave date has passed, so the person is taken to have left; file the return report instead',
    zh: '已过离开日期，视为已离开，不能撤回；请填写返回报备',
  },
  id_taken: {
    en: 'This submission number is already used by another record; fill in the form again',
    zh: '此提交编号已被另一条记录使用，请重新填写后提交',
  },
  import_running: {
    en: 'The import with this number is still running; wait for it to finish',
    zh: '使用此编号的导入仍在进行中，请等待完成后查看结果',
  },
  team_member_exists: {
    en: 'This account is already a member of the team',
    zh: '该账号已是本队伍成员',
  },
  team_inactive: {
    en: 'This team is deactivated; restore it before adding members',
    zh: '该队伍已停用，请先恢复后再添加成员',
  },
  name_taken: {
    en: 'This name is already used here; choose another',
    zh: '此名称在本辖区已被使用，请换一个名称',
  },
  target_date_taken: {
    en: 'This jurisdiction already has a capacity target for this date',
    zh: '该辖区在此日期已有产能目标',
  },
  landing_ended: {
    en: 'This landing report has already been verified and closed',
    zh: '此落地报备已核实办结',
  },
  duplicate_submission: {
    en: 'The same report was just submitted twice at once; reload in a moment to see it',
    zh: '同一报备刚刚被同时提交了两次，请稍后刷新查看，勿重复提交',
  },
  handover_closed: {
    en: 'This hand-over request has already been decided',
    zh: '此移交请求已处理，不能再次处理',
  },
  handover_person_moved: {
    en: 'The person is no longer in the jurisdiction this request was filed with, so it cannot be accepted',
    zh: '该人员已不在请求所针对的辖区，不能同意此移交请求',
  },
  alert_reviewed: { en: 'This privacy alert has already been reviewed', zh: '此隐私告警已核实' },
  review_settled: {
    en: 'This arrival is no longer awaiting the CDC (someone may have settled it already); reload to see it',
    zh: '该人员已不在待疾控核定名单中（可能已由他人核定），请刷新查看',
  },
  document_exists: {
    en: 'A document with this number is already registered with other content; a registered document never changes, so register the changed one under a new number',
    zh: '已有同一编号、内容不同的文件登记；已登记的文件不能更改，修改后的文件请用新编号登记',
  },
  assignment_replans: {
    en: 'This assignment would change active plans: preview its impact and apply it from there',
    zh: '此分配会改变现有的管控方案，请先做政策变更影响评估，再从评估结果应用',
  },
  deadline_closed: { en: 'This item is already done or cancelled', zh: '该事项已办结或已取消' },
  plan_replaced: {
    en: 'This person’s plan was replaced meanwhile (a policy change or a reclassification made at the same time); reload to see the plan in force and try again',
    zh: '该人员的管控方案刚刚已被替换（同时进行了政策变更或重新定级），请刷新查看现行方案后重试',
  },
  sample_refused: {
    en: 'This sample cannot be registered into this tube; see the field errors',
    zh: '该样本无法采入此采样管，详见字段错误',
  },
  // Hospitals (CAS-3).
  case_not_treatable: {
    en: 'This case has been discarded or reclassified as suspected since the transfer was asked for, so it is not admitted',
    zh: '申请转运后该病例已排除或改为疑似，不能收治',
  },
  transfer_id_taken: {
    en: 'This transfer number is already used by another transfer; fill in the transfer again',
    zh: '此转运单编号已被另一转运单使用，请重新填写转运单',
  },
  case_open: {
    en: 'This person already has an open case report; open it to reclassify it instead of reporting again',
    zh: '该人员已有未排除的病例报告，请打开该病例订正，不要重复报告',
  },
  case_discarded: {
    en: 'This case has been discarded and can no longer be changed',
    zh: '该病例已排除，不能再修改',
  },
  case_nothing_to_review: {
    en: 'Nothing of this case is awaiting review (someone may have reviewed it already); reload to see it',
    zh: '该病例没有待审核的内容（可能已由他人审核），请刷新查看',
  },
  // Transmission chains (EPI-5)
  chain_cycle: {
    en: 'This link would close a cycle ({cycle}): a case cannot be infected, directly or through others, by its own infectee',
    zh: '此关联会形成传播闭环（{cycle}）：病例不能直接或间接被其传染的人传染',
  },
  chain_link_exists: {
    en: 'These two cases are already linked this way; remove the link first to record it anew',
    zh: '这两个病例之间已有相同方向的关联，如需重新登记请先解除原关联',
  },
  chain_link_removed: {
    en: 'This link has already been removed; reload to see the chain',
    zh: '该关联已被解除，请刷新查看传播链',
  },
  // Isolation (ISO-1 … ISO-6) and health monitoring.
  room_not_ready: {
    en: 'This room is not ready for a person (occupied, being cleaned or out of service); choose another',
    zh: '该房间当前不可入住（已入住、待消杀或停用），请另选房间',
  },
  room_full: {
    en: 'This room already holds as many people as it takes',
    zh: '该房间已住满',
  },
  single_room_required: {
    en: 'The plan requires one person per room: people may share a room only where the plan allows it',
    zh: '方案要求单人单间，仅在方案允许时可同住',
  },
  stay_open: {
    en: 'This person is already in isolation or has a room held; open their stay instead',
    zh: '该人员已在隔离中或已分配房间，请打开其隔离记录办理',
  },
  stay_closed: {
    en: 'This isolation stay has already ended; reload to see it',
    zh: '该隔离记录已结束，请刷新查看',
  },
  release_not_allowed: {
    en: 'The plan does not allow release yet; the reasons are listed',
    zh: '方案尚不允许解除隔离，原因见下',
  },
  site_has_occupants: {
    en: 'People are still in this site or room; move them before taking it out of use',
    zh: '该隔离点或房间仍有人员，须先转出再停用',
  },
  reading_recorded: {
    en: 'A reading has already been recorded for this time of day; correct it rather than adding another',
    zh: '该时段已录入监测记录，请修改原记录，勿重复录入',
  },
  alert_handled: {
    en: 'This abnormal reading has already been handled; reload to see how',
    zh: '该异常情况已处置，请刷新查看处置结果',
  },
  // Investigations (EPI-1, EPI-6).
  investigation_closed: {
    en: 'This investigation is closed (its case was discarded) or its report has been released, so it can no longer be changed',
    zh: '该流调已结束（病例已排除）或报告已审核发布，不能再修改',
  },
  review_own_report: {
    en: 'A report is reviewed by someone other than its author: the investigator and whoever submitted it may not review it',
    zh: '流调报告须由他人审核：调查人员和提交人不能审核本人的报告',
  },
  internal: { en: 'Something went wrong on the server', zh: '服务器内部错误' },
} as const satisfies Record<string, Message>;
export type ErrorCode = keyof typeof ERROR_MESSAGES;
