import type { PushImportPage, PushImportReport, PushMode } from '../../../src/api/pushLists';
import { api, queryString } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export type {
  LevelCounts,
  PushImportReport,
  PushImportSummary as PushImport,
  PushMode,
  PushRowError,
} from '../../../src/api/pushLists';

export const TEMPLATE_URL = '/api/push-lists/template';

export const pushKeys = {
  list: ['push-lists', 'list'] as const,
  one: (id: string) => ['push-lists', id] as const,
};

export const getPushImport = (id: string) => api.get<PushImportReport>(`/push-lists/${id}`);
export const listPushImports = () => api.get<PushImportPage>('/push-lists?pageSize=50');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends a push list as multipart/form-data with a client-made import id, so the page can poll the
 * import's progress while the server works through it. XMLHttpRequest, for upload progress.
 */
export function uploadPushList(
  file: File,
  options: { id: string; mode: PushMode },
  onProgress: (percent: number) => void,
): { done: Promise<PushImportReport>; abort: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<PushImportReport>((resolve, reject) => {
    request.open('POST', `/api/push-lists${queryString(options)}`);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve(body as PushImportReport);
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
