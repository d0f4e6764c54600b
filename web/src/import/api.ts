import { ApiError, toProblem } from '../api/problem';

export interface ImportRowError {
  line: number;
  field: string;
  code: string;
  message: string;
  message_zh: string;
}

/** The answer of POST /api/persons/import. */
export interface ImportReport {
  jobId: string;
  total: number;
  created: number;
  unchanged: number;
  rejected: number;
  /** The first rejected rows (the server caps the list); `errorReport` holds all of them. */
  errors: ImportRowError[];
  /** Where every rejected row can be downloaded as .xlsx. */
  errorReport?: string;
}

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
