// Builds the web app into web/dist unless the build is newer than every source file.
// Runs as `postinstall` and before `start`; a production install without dev dependencies has no
// Vite, and then the server runs without the web app (the API still works).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const web = join(root, 'web');
// The staff app and the public forms' page (built after it): the build is as old as the older one.
const builtPages = [join(web, 'dist', 'index.html'), join(web, 'dist', 'public.html')];
const sources = [
  join(web, 'src'),
  join(web, 'public'),
  join(web, 'index.html'),
  join(web, 'public.html'),
  join(web, 'vite.config.ts'),
];
const vite = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isUpToDate() {
  if (!builtPages.every((page) => existsSync(page))) return false;
  const built = Math.min(...builtPages.map((page) => statSync(page).mtimeMs));
  return sources.every((source) => newestChange(source) < built);
}

function main() {
  if (isUpToDate()) {
    console.log('web: web/dist is up to date, not rebuilt');
    return 0;
  }
  if (!existsSync(vite)) {
    console.log(
      'web: Vite is not installed (production install?), web/dist not built; the API runs without the web app',
    );
    return 0;
  }
  const started = Date.now();
  const result = spawnSync(vite, ['build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    // A production build whoever calls it: under a test runner NODE_ENV is "test", and Vite would
    // then bundle React's development build (half again as large, past the public forms' budget).
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`web: vite build failed (exit ${result.status ?? result.signal})`);
    return result.status ?? 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`web: built ${relative(root, join(web, 'dist'))} in ${seconds} s`);
  return 0;
}

process.exitCode = main();
