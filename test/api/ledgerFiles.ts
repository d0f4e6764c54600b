import ExcelJS from 'exceljs';
import { withCheckDigit } from '../../src/rules/idNumber.js';

/** A valid GB 11643 number in 盘山县, distinct for every n below 1,000,000. */
export function residentId(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  return withCheckDigit(`211122${date}${String(n % 1000).padStart(3, '0')}`);
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(id: string): string {
  const last = id.at(-1) === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

export function csvText(rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

export async function xlsxBuffer(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every worksheet of a workbook as rows of display text, keyed by sheet name. */
export async function readWorkbook(buffer: Buffer): Promise<Map<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheets = new Map<string, string[][]>();
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v == null ? '' : String(v))));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

const BOUNDARY = '----fangkong-test-boundary';

/** A multipart/form-data body with one file part. */
export function multipart(fileName: string, content: Buffer | string, field = 'file') {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
  };
}

let gbTable: Map<string, Buffer> | undefined;

/** Encodes text as GB18030 (Node has only the decoder): ASCII as is, CJK through the two-byte table. */
export function gb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const char = decoder.decode(bytes);
        if (char.length === 1 && !gbTable.has(char)) gbTable.set(char, bytes);
      }
    }
  }
  const table = gbTable;
  return Buffer.concat(
    [...text].map((char) => {
      if (char.charCodeAt(0) < 0x80) return Buffer.from(char, 'latin1');
      const bytes = table.get(char);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${char}`);
      return bytes;
    }),
  );
}
