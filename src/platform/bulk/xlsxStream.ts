import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
}

export type SheetRow = Record<string, string | number | null>;

/** Resolves once `out` can take more, or is gone (the client went away). */
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Writes pages of rows into a one-sheet .xlsx streamed to the returned Readable. The first page is
 * read before anything is returned, so an early failure is still an ordinary error response; after
 * that, the next page is read only once the reader has taken the previous one, so memory holds
 * about a page, not the sheet, and no transaction waits on the network. A later failure ends the
 * stream with that error (the response is cut off).
 */
export async function streamWorkbook(
  sheetName: string,
  columns: readonly SheetColumn[],
  pages: AsyncGenerator<SheetRow[]>,
  onError: (error: unknown) => void,
): Promise<Readable> {
  const first = await pages.next();
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ ...column }));
    sheet.getRow(1).font = { bold: true };
    try {
      for (let page = first; !page.done; page = await pages.next()) {
        if (out.destroyed) throw new Error('the reader went away');
        for (const row of page.value) sheet.addRow(row).commit();
        await drained(out);
      }
    } finally {
      await pages.return(undefined);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    onError(error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}

export const contentDisposition = (asciiName: string, name: string) =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
