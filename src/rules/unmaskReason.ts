/**
 * Whether a reason given for unmasking an ID number or phone says something (DESIGN "Safe by
 * default": unmasking needs a real reason). Blank, too short, one character repeated, digits or
 * punctuation only, and the stock fillers people type to get past a required field are refused.
 */
const MIN_REASON_LENGTH = 4;

const FILLERS = new Set([
  'test',
  'testing',
  'asdf',
  'qwer',
  'none',
  'null',
  'n/a',
  '测试',
  '测试一下',
  '查看',
  '看看',
  '查看一下',
  '无',
  '没有',
  '需要',
  '工作需要',
  '原因',
  '核实',
]);

export function isRealReason(raw: string): boolean {
  const reason = raw.trim().replace(/\s+/g, ' ');
  if ([...reason].length < MIN_REASON_LENGTH) return false;
  if (new Set([...reason.replace(/\s/g, '')]).size < 3) return false;
  if (!/[\p{L}]/u.test(reason)) return false;
  return !FILLERS.has(reason.toLowerCase());
}
