import type { ImportJob, ImportJobPage, ImportReport } from '../../../src/api/personImports';
import { api } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export type { ImportJob, ImportReport, ImportRowError } from '../../../src/api/personImports';

export const IMPORT_URL = '/api/persons/import';
export const TEMPLATE_URL = '/api/persons/import/template.xlsx';

export const importKeys = {
  list: ['persons', 'imports'] as const,
  one: (id: string) => ['persons', 'imports', id] as const,
};

/** One import as it stands: its counts grow while it runs. */
export const getImportJob = (id: string) => api.get<ImportJob>(`/persons/imports/${id}`);
export const listImportJobs = () => api.get<ImportJobPage>('/persons/imports?pageSize=20');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends a ledger as multipart/form-data (field `file`) with a client-made import id, so the page
 * follows the import (getImportJob) while the server works through it. XMLHttpRequest rather than
 * fetch, because only it reports upload progress; `onProgress` gets 0–100 while the bytes go out.
 */
export function uploadLedger(
  file: File,
  id: string,
  onProgress: (percent: number) => void,
): { done: Promise<ImportReport>; abort: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<ImportReport>((resolve, reject) => {
    request.open('POST', `${IMPORT_URL}?id=${encodeURIComponent(id)}`);
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
