#!/usr/bin/env node
// `npm run test:e2e`: only the end-to-end tests, in Chromium.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromiumPath } from './chromium.js';

if (!chromiumPath()) {
  console.error(
    'Chromium is not installed: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).',
  );
  process.exit(1);
}
const { status } = spawnSync(
  join('node_modules', '.bin', 'vitest'),
  ['run', '--config', 'vitest.e2e.config.ts'],
  { stdio: 'inherit' },
);
process.exit(status ?? 1);
