import { existsSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type CDPSession, chromium } from 'playwright-core';
import { chromiumPath } from '../scripts/chromium.js';
import { DEMO_COUNTY, loadDemo } from '../src/modules/demo/index.js';
import { buildApp } from '../src/platform/http/app.js';
import type { BenchOptions } from './lib/options.js';
import { log, saveJson } from './lib/report.js';
import { freshContext, onCleanup } from './lib/scratch.js';
import { median, ms, ratio, type SummaryRow, seconds, table, thousands } from './lib/stats.js';

/**
 * The public landing form's first render (ARR-11: a traveller scans the QR code on arrival) in
 * Chromium on an emulated slow phone: 400 kbit/s both ways, 400 ms round trip, a CPU four times
 * slower, an empty cache. Milliseconds from navigation to the form in the page, against a bare HTML
 * page with a form served by the same server in the same run, which costs the round trips and
 * nothing else. The real app (demo county, PGlite) serves the built web app (web/dist).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NETWORK = {
  offline: false,
  latency: 400,
  downloadThroughput: 400_000 / 8,
  uploadThroughput: 400_000 / 8,
};
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const FORM = '[data-testid="landing-form"], [data-testid="bare-form"]';
const BARE_PATH = '/bench/bare.html';
const DEMO_PERSONS = 50;
const PAGE_TIMEOUT_MS = 120_000;

const BARE_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>落地码报备</title></head>
<body><form data-testid="bare-form"><label>姓名 <input name="name"></label><button>提交报备</button></form></body></html>`;

// Set before the page's own scripts: the moment the form enters the document (React commits it
// and the browser paints it in the same frame), on the page's clock, which starts at navigation.
const MARK_FIRST_RENDER = `(() => {
  const seen = () => {
    if (window.__firstRender === undefined && document.querySelector(${JSON.stringify(FORM)}))
      window.__firstRender = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

interface Visit {
  firstRenderMs: number;
  /** Bytes received for scripts and styles, and requests made, before the form showed. */
  scriptBytes: number;
  requests: number;
}

/** The app with one more page, the bare one, answered by the same node:http server before Fastify. */
async function serve(): Promise<{ base: string; server: Server }> {
  const { ctx } = await freshContext('pglite', undefined, 'landing-form');
  await loadDemo(ctx, DEMO_PERSONS);
  const { app } = await buildApp(ctx);
  const bare = (response: ServerResponse) =>
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
      .end(BARE_PAGE);
  const server = createServer((request, response) =>
    request.url === BARE_PATH ? bare(response) : app.routing(request, response),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(async () => {
    await new Promise((resolve) => server.close(resolve));
    await app.close();
  });
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, server };
}

/** Scripts and styles received, counted as Chromium reports them (compressed bytes on the wire). */
function countTransfers(cdp: CDPSession) {
  const types = new Map<string, string>();
  const counted = { scriptBytes: 0, requests: 0 };
  cdp.on('Network.requestWillBeSent', () => {
    counted.requests++;
  });
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => {
    const type = types.get(event.requestId);
    if (type === 'Script' || type === 'Stylesheet') counted.scriptBytes += event.encodedDataLength;
  });
  return counted;
}

/** One visit on a fresh phone (empty cache): navigation to the form in the page. */
async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.addInitScript(MARK_FIRST_RENDER);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const counted = countTransfers(cdp);
    await page.goto(url, { waitUntil: 'commit', timeout: PAGE_TIMEOUT_MS });
    await page.locator(FORM).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    const firstRenderMs = await page.evaluate(
      () => (window as { __firstRender?: number }).__firstRender ?? NaN,
    );
    if (Number.isNaN(firstRenderMs)) throw new Error(`${url}: the form showed but its moment was not marked`);
    return { firstRenderMs, ...counted };
  } finally {
    await context.close();
  }
}

export async function landingFormBench(options: BenchOptions): Promise<SummaryRow[]> {
  if (
    !existsSync(join(root, 'web', 'dist', 'public.html')) &&
    !existsSync(join(root, 'web', 'dist', 'index.html'))
  )
    throw new Error('landingForm measures the built web app: run npm run build:web first');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('landingForm needs Chromium (apt-get install -y chromium)');
  const runs = options.quick ? 2 : 5;
  log(`\n## Landing form's first render, slow phone (${runs} visits each)\n`);
  const { base } = await serve();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  onCleanup(() => browser.close());
  const landingUrl = `${base}/landing/${DEMO_COUNTY}`;
  // One visit each unmeasured: the server's first answers compile its queries and read its files.
  await visit(browser, `${base}${BARE_PATH}`);
  await visit(browser, landingUrl);
  const bare: Visit[] = [];
  const landing: Visit[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await visit(browser, `${base}${BARE_PATH}`));
    landing.push(await visit(browser, landingUrl));
  }
  const bareMs = median(bare.map((v) => v.firstRenderMs));
  const landingMs = median(landing.map((v) => v.firstRenderMs));
  const row = (label: string, visits: Visit[]) => [
    label,
    visits.map((v) => seconds(v.firstRenderMs)).join(', '),
    seconds(median(visits.map((v) => v.firstRenderMs))),
    thousands(median(visits.map((v) => v.scriptBytes))),
    String(median(visits.map((v) => v.requests))),
  ];
  log(
    table(
      ['page', 'first render, s (each visit)', 'median, s', 'JS+CSS bytes', 'requests'],
      [row(`landing form /landing/${DEMO_COUNTY}`, landing), row('bare HTML page', bare)],
    ),
  );
  log(
    `  400 kbit/s, ${NETWORK.latency} ms round trip, CPU ${CPU_SLOWDOWN}× slower, empty cache, ` +
      `${PHONE.viewport.width}×${PHONE.viewport.height} phone; ratio ${ratio(landingMs, bareMs)}`,
  );
  log(
    `figures saved to ${saveJson('landingForm', { network: NETWORK, cpuSlowdown: CPU_SLOWDOWN, bare, landing })}`,
  );
  return [
    {
      bench: 'landingForm',
      engine: 'pglite',
      measure: `landing form's first render, slow phone, median of ${runs} (${ms(landingMs)} ms)`,
      value: `${seconds(landingMs)} s`,
      baseline: `${seconds(bareMs)} s bare HTML`,
      ratio: ratio(landingMs, bareMs),
    },
  ];
}
