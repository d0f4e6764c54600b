import ExcelJS from 'exceljs';
import { CASE_CLASSES, type CaseClass, type DayFigures, ORIGINS, type Origin } from '../../rules/bulletin.js';

const CLASS_ZH: Record<CaseClass, string> = {
  confirmed: '确诊病例',
  asymptomatic: '无症状感染者',
  suspected: '疑似病例',
};
const ORIGIN_ZH: Record<Origin, string> = { local: '本土', imported: '境外输入' };

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: Array<Array<string | number>>,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 28 : 14;
  });
}

/**
 * CAS-5: the day's bulletin as a workbook, a sheet per table of the printed page (cases by class
 * and origin; treatment and isolation; testing) and one with the release's text. Every number is the
 * API's, so the sheet and the page never disagree.
 */
export async function bulletinWorkbook(
  placeName: string,
  day: DayFigures,
  previous: DayFigures,
  text: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const caseRows: Array<Array<string | number>> = [];
  for (const origin of ORIGINS)
    for (const klass of CASE_CLASSES) {
      const today = day.cases[origin][klass];
      const before = previous.cases[origin][klass];
      caseRows.push([
        `${ORIGIN_ZH[origin]}${CLASS_ZH[klass]}`,
        today.new,
        today.fromAsymptomatic,
        today.discarded,
        today.cumulative,
        today.cumulative - before.cumulative,
      ]);
    }
  addTable(
    workbook,
    '病例',
    ['类别', '当日新增', '其中无症状转确诊', '当日排除或订正', '累计（疑似为现有）', '较前一日增减'],
    caseRows,
  );
  addTable(
    workbook,
    '救治与隔离',
    ['项目', '当日24时', '前一日24时', '增减'],
    [
      ['在院治疗（例）', day.inHospital, previous.inHospital, day.inHospital - previous.inHospital],
      [
        '集中隔离医学观察（人）',
        day.inCentralisedIsolation,
        previous.inCentralisedIsolation,
        day.inCentralisedIsolation - previous.inCentralisedIsolation,
      ],
      [
        '阳性关联管控（人）',
        day.underControlAfterPositive,
        previous.underControlAfterPositive,
        day.underControlAfterPositive - previous.underControlAfterPositive,
      ],
    ],
  );
  addTable(
    workbook,
    '核酸检测',
    ['项目', '当日', '前一日', '增减'],
    [
      ['采样人数', day.peopleSampled, previous.peopleSampled, day.peopleSampled - previous.peopleSampled],
      ['出具结果管数', day.tubesResulted, previous.tubesResulted, day.tubesResulted - previous.tubesResulted],
    ],
  );
  const notes = workbook.addWorksheet('通报');
  notes.getColumn(1).width = 120;
  notes.addRow([`${placeName}疫情通报（${day.date}）`]).font = { bold: true };
  notes.addRow([text]).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
