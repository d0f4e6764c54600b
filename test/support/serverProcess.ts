import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** The platform as a real child process (`fangkong …`), as the e2e and recovery tests run it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Spawns `src/cli/main.ts <args>` on a free port and waits for its ready line. */
export async function spawnServer(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ServerProcess> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const started = Date.now();
  while (!log.includes('is ready at')) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`server exited:\n${log}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}`, child, output: () => log };
}

/** Waits until the process has gone, after a signal. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode) resolve();
    else child.once('exit', () => resolve());
  });
}
