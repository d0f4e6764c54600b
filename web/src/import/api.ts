import type { ImportReport } from '../../../src/api/personImports';
import { ApiError, toProblem } from '../api/problem';

export type { ImportReport, ImportRowError } from '../../../src/api/personImports';

export const IMPORT_URL = '/api/persons/import';
export const TEMPLATE_URL = '/api/persons/import/template.xlsx';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends a ledger as multipart/form-data (field `file`). XMLHttpRequest rather than fetch, because
 * only it reports upload progress; `onProgress` gets 0–100 while the bytes go out.
 */
export function uploadLedger(
  file: File,
  onProgress: (percent: number) => void,
): { done: Promise<ImportReport>; abort: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<ImportReport>((resolve, reject) => {
    request.open('POST', IMPORT_URL);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve(body as ImportReport);
      else reject(new ApiError(toProblem(request.status, body, request.statusText)));
    };
    request.onerror = () => reject(new Error('network'));
    request.onabort = () => reject(new Error('aborted'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}
