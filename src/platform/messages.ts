/** Bilingual messages for errors: one table, so the API, the CLI and the UI say the same thing. */
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
  id_checksum: { en: 'has a wrong check digit (GB 11643)', zh: '校验位错误(GB 11643)' },
  id_birth_date: { en: 'contains an impossible birth date', zh: '出生日期不合法' },
  id_duplicate: { en: 'is already registered for another person', zh: '已登记为另一人员' },
  id_duplicate_in_file: { en: 'appears earlier in this file', zh: '在本文件中重复出现' },
  phone_format: { en: 'is not a valid mainland phone number', zh: '不是有效的电话号码' },
  jurisdiction_unknown: { en: 'is not a known jurisdiction', zh: '不是已知的行政区划' },
  jurisdiction_out_of_scope: { en: 'lies outside your jurisdiction', zh: '不在您的管辖范围内' },
  key_group_unknown: { en: 'names an unknown key group', zh: '包含未知的重点人群' },
  sex_mismatch: { en: 'does not match the ID number', zh: '与身份证号不一致' },
  birth_date_mismatch: { en: 'does not match the ID number', zh: '与身份证号不一致' },
  role_unknown: { en: 'names an unknown role', zh: '包含未知的角色' },
  username_taken: { en: 'is already taken', zh: '已被使用' },
  weak_password: { en: 'must have at least 10 characters', zh: '至少需要10个字符' },
  header_missing: { en: 'column is missing from the header row', zh: '列在表头中缺失' },
  file_empty: { en: 'has no header row', zh: '没有表头行' },
  file_type: { en: 'must be a .csv or .xlsx file', zh: '应为 .csv 或 .xlsx 文件' },
  file_encoding: { en: 'is not UTF-8 or GB18030 text', zh: '不是 UTF-8 或 GB18030 编码的文本' },
  file_corrupt: { en: 'is not a readable .xlsx workbook', zh: '不是可读取的 .xlsx 工作簿' },
  file_incomplete: { en: 'was not received completely', zh: '未完整上传' },
  csv_syntax: {
    en: 'has a CSV syntax error (quotes or an overlong record)',
    zh: '存在CSV格式错误(引号或记录过长)',
  },
} as const satisfies Record<string, Message>;
export type FieldCode = keyof typeof FIELD_MESSAGES;

export const ERROR_MESSAGES = {
  validation: { en: 'The request is invalid', zh: '请求数据不合法' },
  unauthenticated: { en: 'Sign in first', zh: '请先登录' },
  invalid_credentials: { en: 'Wrong username or password', zh: '用户名或密码错误' },
  account_locked: { en: 'Too many failed sign-ins; try again later', zh: '登录失败次数过多,请稍后再试' },
  forbidden: { en: 'You do not have permission for this', zh: '您没有此操作的权限' },
  not_found: { en: 'Not found', zh: '未找到' },
  person_exists: { en: 'A person with this ID number is already registered', zh: '该证件号码的人员已登记' },
  payload_too_large: { en: 'The request body is too large', zh: '请求内容过大' },
  unsupported_media_type: { en: 'This content type is not accepted', zh: '不接受此内容类型' },
  rate_limited: { en: 'Too many requests; slow down', zh: '请求过于频繁,请稍后再试' },
  bad_file: { en: 'The file cannot be read', zh: '文件无法读取' },
  conflict: { en: 'The record was changed by someone else; reload it', zh: '记录已被他人修改,请刷新后重试' },
  internal: { en: 'Something went wrong on the server', zh: '服务器内部错误' },
} as const satisfies Record<string, Message>;
export type ErrorCode = keyof typeof ERROR_MESSAGES;
