import { exited, type ServerProcess, spawnServer } from '../support/serverProcess.js';

export { exited, type ServerProcess };

/** The platform without demo data (`fangkong serve`), to be killed like a real one. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  return spawnServer(['serve'], env, 60_000);
}

/** Signs in and returns a fetch bound to the session. */
export async function session(url: string, username: string, password: string) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
}

/** A multipart body with one file field, for fetch. */
export function csvUpload(name: string, csv: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  return form;
}
