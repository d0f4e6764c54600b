import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type LogLevel, type Plugin, type Rolldown, type UserConfig } from 'vite';

const API_TARGET = 'http://127.0.0.1:3000';
const ROOT = import.meta.dirname;
const OUT_DIR = join(ROOT, 'dist');
/** Text files worth compressing; images are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * brotli's best level takes seconds a megabyte, its next one a tenth of that for some 8 % more
 * bytes: the best is kept for what a phone on a slow network waits for (the public forms' first
 * render, ARR-11), the rest of both bundles is compressed quickly.
 */
const BROTLI_BEST = constants.BROTLI_MAX_QUALITY;
const BROTLI_QUICK = 7;

/**
 * Writes `x.br` and `x.gz` beside every text file of the build, so the server sends them as they
 * are (@fastify/static `preCompressed`) instead of compressing each response. A variant no smaller
 * than the file is not written: the file is sent. `best` names the files (relative to `dir`) worth
 * brotli's slowest level.
 */
async function precompress(dir: string, best: ReadonlySet<string>) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      const quality = best.has(relative(dir, file)) ? BROTLI_BEST : BROTLI_QUICK;
      const variants: Array<[string, Buffer]> = [
        [
          '.br',
          await brotli(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: quality,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        ],
        ['.gz', await gzipped(content, { level: constants.Z_BEST_COMPRESSION })],
      ];
      for (const [extension, compressed] of variants)
        if (compressed.length < content.length) await writeFile(file + extension, compressed);
    }),
  );
}

/** Collects the files a page loads before its first render: its entry chunk, their static imports, their styles. */
function firstRender(files: Set<string>): Plugin {
  return {
    name: 'fangkong-first-render',
    writeBundle(_options, bundle) {
      const queue = Object.values(bundle).filter((output) => output.type === 'chunk' && output.isEntry);
      for (let chunk = queue.pop(); chunk?.type === 'chunk'; chunk = queue.pop()) {
        if (files.has(chunk.fileName)) continue;
        files.add(chunk.fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const imported of chunk.imports) {
          const next = bundle[imported];
          if (next) queue.push(next);
        }
      }
      for (const output of Object.values(bundle))
        if (output.fileName.endsWith('.html')) files.add(output.fileName);
    },
  };
}

type Group = NonNullable<
  Exclude<NonNullable<Rolldown.OutputOptions['codeSplitting']>, boolean>['groups']
>[number];

/** What both bundles share: React, and one output folder. */
function bundle(page: string, groups: Group[]): UserConfig {
  return {
    root: ROOT,
    build: {
      outDir: OUT_DIR,
      rolldownOptions: { input: join(ROOT, page), output: { codeSplitting: { groups } } },
    },
  };
}

// Loaded on every page of the staff app and changed only with an upgrade: one long-cached chunk.
const REACT: Group = {
  name: 'react',
  test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
  priority: 2,
};

/**
 * The public forms a QR code opens (landing report, truck pre-report) are built on their own, after
 * the staff app: sharing chunks with the staff app would split the forms' code across dozens of
 * files and hold parts of the staff app, and a traveller on a phone downloads only this. Both
 * bundles' files are compressed once both are written.
 */
function publicBundle(): Plugin {
  let logLevel: LogLevel | undefined;
  return {
    name: 'fangkong-public-bundle',
    apply: 'build',
    configResolved(config) {
      logLevel = config.logLevel;
    },
    async closeBundle() {
      // What the first render needs (every module the entry imports statically, React too) in one
      // file: one compressed file is smaller than its parts, and one request is fewer. A traveller
      // scans a code once, so a React chunk cached across releases would serve nobody here.
      const own = bundle('public.html', [{ name: 'forms', tags: ['$initial'] }]);
      const waitedFor = new Set<string>();
      await build({
        ...own,
        configFile: false,
        logLevel,
        publicDir: false,
        plugins: [react(), firstRender(waitedFor)],
        build: { ...own.build, emptyOutDir: false },
      });
      await precompress(OUT_DIR, waitedFor);
    },
  };
}

const staff = bundle('index.html', [
  REACT,
  // The router apart from React: the public forms do without it.
  { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 2 },
]);

export default defineConfig({
  ...staff,
  plugins: [react(), publicBundle()],
  build: { ...staff.build, emptyOutDir: true },
  server: {
    proxy: { '/api': API_TARGET },
  },
});
