import ExcelJS from 'exceljs';
import { withCheckDigit } from '../../../rules/idNumber.js';
import { KEY_GROUP_IDS, KEY_GROUPS } from '../../../rules/keyGroups.js';
import { ID_TYPE_LABELS, LEDGER_COLUMNS, SEX_LABELS } from './columns.js';

/** Rows of the first sheet that get drop-down lists. */
const TEMPLATE_ROWS = 10_000;
const TEXT_FIELDS = new Set(['idNumber', 'phone', 'jurisdictionCode', 'householdCode']);

/**
 * The downloadable ledger template: the header row, one example row that imports cleanly into
 * `exampleJurisdiction`, and a 「填写说明」 sheet explaining each column, the ID types and the
 * key-group labels.
 */
export async function ledgerTemplate(exampleJurisdiction: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((column) => ({
    header: column.zh,
    key: column.field,
    width: Math.max(12, column.zh.length * 2 + 4),
    // Text cells keep the leading zeros and all 18 digits Excel would otherwise round away.
    ...(TEXT_FIELDS.has(column.field) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  LEDGER_COLUMNS.forEach((column, i) => {
    if (column.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  sheet.addRow({
    name: '张三',
    idType: ID_TYPE_LABELS.resident_id,
    // GB 11643: the first six digits are the county of registration; the example's is the caller's.
    idNumber: withCheckDigit(`${exampleJurisdiction.slice(0, 6).padEnd(6, '0')}19900307001`),
    phone: '13800138000',
    sex: SEX_LABELS.male,
    birthDate: '1990-03-07',
    jurisdictionCode: exampleJurisdiction,
    address: '幸福小区3号楼2单元101室',
    employer: '某某物流有限公司',
    householdCode: 'H0001',
    keyGroups: [KEY_GROUPS.courier.zh, KEY_GROUPS.transport.zh].join('、'),
  });
  addDropDown(sheet, 'idType', Object.values(ID_TYPE_LABELS));
  addDropDown(sheet, 'sex', Object.values(SEX_LABELS));
  addInstructions(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs validates whole ranges at run time; its typings only know the per-cell form. */
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addDropDown(sheet: ExcelJS.Worksheet, field: string, labels: string[]) {
  const letter = sheet.getColumn(field).letter;
  (sheet as ExcelJS.Worksheet & RangeValidations).dataValidations.add(
    `${letter}2:${letter}${TEMPLATE_ROWS}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [`"${labels.join(',')}"`],
    },
  );
}

function addInstructions(workbook: ExcelJS.Workbook) {
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'zh', width: 18 },
    { header: 'Column', key: 'en', width: 20 },
    { header: '必填', key: 'required', width: 8 },
    { header: '填写说明', key: 'note', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of LEDGER_COLUMNS) {
    notes.addRow({ zh: column.zh, en: column.en, required: column.required ? '是' : '', note: column.note });
  }
  notes.addRow([]);
  notes.addRow([
    '说明',
    '',
    '',
    '第一张工作表第1行为表头（列的顺序可调整），第2行为示例，请改为实际人员或删除。同一证件号码已登记的人员不会被修改；重复导入同一文件不会产生重复记录。',
  ]);
  notes.addRow([]);
  notes.addRow(['证件类型', 'ID types']).font = { bold: true };
  for (const [id, label] of Object.entries(ID_TYPE_LABELS)) notes.addRow([label, id]);
  notes.addRow([]);
  notes.addRow(['重点人群', 'Key groups']).font = { bold: true };
  for (const id of KEY_GROUP_IDS) notes.addRow([KEY_GROUPS[id].zh, KEY_GROUPS[id].en]);
}
