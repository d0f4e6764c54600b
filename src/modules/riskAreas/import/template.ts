import ExcelJS from 'exceljs';
import { AREA_COLUMNS, LEVEL_LABELS } from './columns.js';

const TEXT_FIELDS = new Set(['divisionCode', 'publishedAt', 'liftedAt']);
const TEMPLATE_ROWS = 10_000;

/** exceljs validates whole ranges at run time; its typings only know the per-cell form. */
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/**
 * The risk-area import template: the header row, two example rows (a community published high
 * risk and lifted, a district's town at medium risk) and a 填写说明 sheet. Code and time columns
 * are text, so Excel keeps leading zeros and the times as typed.
 */
export async function riskAreaTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('风险地区', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = AREA_COLUMNS.map((column) => ({
    header: column.zh,
    key: column.field,
    width: column.field === 'areaName' ? 36 : Math.max(12, column.zh.length * 2 + 6),
    ...(TEXT_FIELDS.has(column.field) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  AREA_COLUMNS.forEach((column, i) => {
    if (column.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  sheet.addRow({
    level: LEVEL_LABELS.high,
    divisionCode: '110105001001',
    areaName: '北京市朝阳区某某街道某某社区某某小区',
    publishedAt: '2022-04-25 12:00',
    liftedAt: '2022-05-09 24时',
    publisher: '北京市卫生健康委员会',
  });
  sheet.addRow({
    level: LEVEL_LABELS.medium,
    divisionCode: '310101',
    areaName: '上海市黄浦区某某路某某弄',
    publishedAt: '2022年4月1日24时',
    publisher: '上海市卫生健康委员会',
  });
  const letter = sheet.getColumn('level').letter;
  (sheet as ExcelJS.Worksheet & RangeValidations).dataValidations.add(
    `${letter}2:${letter}${TEMPLATE_ROWS}`,
    {
      type: 'list',
      allowBlank: false,
      formulae: [`"${Object.values(LEVEL_LABELS).join(',')}"`],
    },
  );
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'zh', width: 14 },
    { header: '必填', key: 'required', width: 8 },
    { header: '填写说明', key: 'note', width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of AREA_COLUMNS) {
    notes.addRow({ zh: column.zh, required: column.required ? '是' : '', note: column.note });
  }
  notes.addRow([]);
  notes.addRow([
    '说明',
    '',
    '第一张工作表第1行为表头（列的顺序可调整）。同一区划代码、地区名称、风险等级和发布时间的记录只保存一次，重复导入同一文件不会产生重复记录；同一地区的新发布（如等级调整）自动在其发布时间解除旧记录。',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
