import { type Browser, chromium } from 'playwright-core';
import { chromiumPath } from '../../../scripts/chromium.js';

/** Debian's Chromium, headless, with the flags this machine's closed network needs (a fresh profile each launch). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
