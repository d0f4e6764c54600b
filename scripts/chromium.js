import { existsSync } from 'node:fs';

/** Debian's Chromium (apt-get install -y chromium), or the browser named by CHROMIUM_PATH. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path));
}
