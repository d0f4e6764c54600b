// Bulk data shared by every module that imports or exports sheets (DESIGN: "Bulk data"): reading
// .csv/.xlsx rows streamed, writing .xlsx streamed, uploads, and row-error reports with their limit.
export { type RawRow, readRows, type SheetFormat } from './readRows.js';
export {
  MAX_REPORTED_ERRORS,
  normalizeHeader,
  type RowError,
  rowErrorWithLabel,
  seqWithinLine,
} from './rowErrors.js';
export { formatOf, sendWorkbook, uploadBody, withUpload, xlsxResponse } from './upload.js';
export {
  contentDisposition,
  type SheetColumn,
  type SheetRow,
  streamWorkbook,
  XLSX_TYPE,
} from './xlsxStream.js';
