import { api, queryString } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export interface PushRowError {
  line: number;
  field: string;
  code: string;
  message: string;
  message_zh: string;
}

export interface LevelCounts {
  total: number;
  overseas: number;
  high: number;
  medium: number;
  keyConcern: number;
  low: number;
  unclassified: number;
  districtHigh: number;
  districtMedium: number;
}

export interface PushImport {
  id: string;
  jurisdictionCode: string;
  fileName: string;
  format: string;
  mode: 'register' | 'classify';
  status: 'running' | 'done' | 'failed';
  total: number;
  registered: number;
  unchanged: number;
  rejected: number;
  levels: LevelCounts | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface PushImportReport extends PushImport {
  errors: PushRowError[];
  errorReport: string;
}

export const TEMPLATE_URL = '/api/push-lists/template';

export const pushKeys = {
  list: ['push-lists', 'list'] as const,
  one: (id: string) => ['push-lists', id] as const,
};

export const getPushImport = (id: string) => api.get<PushImportReport>(`/push-lists/${id}`);
export const listPushImports = () =>
  api.get<{ items: PushImport[]; total: number }>('/push-lists?pageSize=50');

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
  options: { id: string; mode: 'register' | 'classify' },
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
