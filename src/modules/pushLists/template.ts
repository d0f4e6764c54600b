import ExcelJS from 'exceljs';
import { withCheckDigit } from '../../rules/idNumber.js';
import { PUSH_COLUMNS } from './columns.js';

const TEXT_FIELDS = new Set(['idNumber', 'phone', 'originCode', 'destinationCode']);

/**
 * The push-list template: the header row, two example rows (a domestic and an overseas arrival into
 * `exampleDestination`) and a 「填写说明」 sheet.
 */
export async function pushListTemplate(exampleDestination: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('大数据推送名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PUSH_COLUMNS.map((column) => ({
    header: column.zh,
    key: column.field,
    width: Math.max(14, column.zh.length * 2 + 6),
    // Text cells keep the leading zeros and all 18 digits Excel would otherwise round away.
    ...(TEXT_FIELDS.has(column.field) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  PUSH_COLUMNS.forEach((column, i) => {
    if (column.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  const county = exampleDestination.slice(0, 6).padEnd(6, '0');
  sheet.addRow({
    name: '张三',
    idNumber: withCheckDigit(`${county}19900307001`),
    phone: '13800138000',
    originCode: '110105',
    originName: '北京市朝阳区',
    leftOriginAt: '2026-11-20 07:30',
    arrivedAt: '2026-11-20 15:10',
    destinationCode: exampleDestination,
    overseas: '否',
  });
  sheet.addRow({
    name: '李四',
    idNumber: withCheckDigit(`${county}19851111002`),
    phone: '13900139000',
    arrivedAt: '2026-11-21 09:00',
    destinationCode: exampleDestination,
    overseas: '是',
    originCountry: '日本',
    enteredAt: '2026-11-07 10:00',
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'zh', width: 18 },
    { header: 'Column', key: 'en', width: 18 },
    { header: '必填', key: 'required', width: 8 },
    { header: '填写说明', key: 'note', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of PUSH_COLUMNS)
    notes.addRow({ zh: column.zh, en: column.en, required: column.required ? '是' : '', note: column.note });
  notes.addRow([]);
  notes.addRow([
    '说明',
    '',
    '',
    '第一张工作表第1行为表头（列的顺序可调整），第2、3行为示例，请改为实际人员或删除。同一人员、同一抵达时间、同一来源地的记录只登记一次；重复导入同一文件不会产生重复记录。',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
