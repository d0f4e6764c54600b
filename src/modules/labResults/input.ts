import type { RowError } from '../../platform/bulk/index.js';
import { FIELD_MESSAGES, type FieldCode } from '../../platform/messages.js';
import { checkTubeBarcode } from '../../rules/tubeBarcode.js';

export type { RowError };

const RESULTS = ['negative', 'positive', 'invalid'] as const;
export type LabResult = (typeof RESULTS)[number];

/** One result as a lab sends it; `line` is the row of the file (or the item number of a request). */
export interface ResultRow {
  line: number;
  barcode: string;
  result: LabResult;
  testedAt: Date | null;
  ctOrf1ab: number | null;
  ctN: number | null;
  reference: string | null;
}

const WORDS: Record<string, LabResult> = {
  negative: 'negative',
  positive: 'positive',
  invalid: 'invalid',
  阴性: 'negative',
  阳性: 'positive',
  无效: 'invalid',
  '-': 'negative',
  '+': 'positive',
};

/** 阴性/阳性/无效 or negative/positive/invalid, any case; undefined for anything else. */
export function parseResult(raw: string): LabResult | undefined {
  return WORDS[raw.trim().toLowerCase()];
}

/** Field labels in the two languages, for the row errors people read (file column or API field). */
const LABELS: Record<string, { zh: string; en: string }> = {
  barcode: { zh: '条码', en: 'barcode' },
  result: { zh: '结果', en: 'result' },
  testedAt: { zh: '检测时间', en: 'testedAt' },
  ct: { zh: 'Ct值', en: 'ct' },
  reference: { zh: '报告编号', en: 'reference' },
};

/**
 * A refused row in both languages; with the row's barcode (once it is a well-formed one) the
 * message names it, so that a lab finds the tube in a long file without counting lines.
 */
export function rowError(line: number, field: string, code: FieldCode, barcode?: string): RowError {
  const label = LABELS[field] ?? { zh: field, en: field };
  const text = FIELD_MESSAGES[code];
  const tube = barcode ? { en: `barcode ${barcode}: `, zh: `条码 ${barcode}：` } : { en: '', zh: '' };
  return {
    line,
    field,
    code,
    message: `${tube.en}${label.en} ${text.en}`,
    message_zh: `${tube.zh}${label.zh}${text.zh}`,
  };
}

/** A barcode as sampling stores it (TST-1), or the field code of its problem. */
export function checkBarcode(raw: string): { barcode: string } | { problem: FieldCode } {
  const checked = checkTubeBarcode(raw);
  if (checked.ok) return { barcode: checked.barcode };
  return { problem: checked.problem === 'barcode_format' ? 'format' : checked.problem };
}
