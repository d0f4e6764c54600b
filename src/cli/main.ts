import { Command, InvalidArgumentError } from 'commander';
import { loadDemo } from '../modules/demo/index.js';
import { importDivisions } from '../modules/jurisdictions/index.js';
import { createUser } from '../platform/access/accounts.js';
import { openContext } from '../platform/boot.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { createLogger } from '../platform/logger.js';
import { ROLES } from '../rules/roles.js';
import { importPersonsFromFile } from './importPersons.js';
import { progressBar } from './progress.js';
import { serve } from './serve.js';

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
    throw new InvalidArgumentError('a whole number from 0 to 1000000');
  return n;
}

/** Opens the platform, runs `task`, closes the database: every command but `serve`. */
async function withContext(task: (ctx: AppContext) => Promise<void>, logLevel = 'warn') {
  const config = loadConfig();
  const ctx = await openContext(config, createLogger(config.logLevel ?? logLevel));
  try {
    await task(ctx);
  } finally {
    await ctx.db.close();
  }
}

const program = new Command('fangkong').description(
  'Fangkong 防控 — epidemic prevention and control command platform',
);

program
  .command('serve')
  .description('Start the HTTP server (applies migrations first)')
  .option('--demo', 'load the demo county into an empty database', false)
  .option('--demo-persons <n>', 'persons in the demo county', count, 2000)
  .action(async (options: { demo: boolean; demoPersons: number }) => {
    const config = loadConfig();
    const ctx = await openContext(config, createLogger(config.logLevel ?? 'info'));
    await serve(ctx, options);
  });

const db = program.command('db').description('Database maintenance');
db.command('migrate')
  .description('Apply pending migrations')
  .action(() =>
    withContext(async (ctx) => {
      const { schemaVersion } = await import('../platform/db/migrate.js');
      console.log(`schema version ${await schemaVersion(ctx.db)} (${ctx.db.kind})`);
    }, 'info'),
  );

const importCommand = program.command('import').description('Bulk imports');
importCommand
  .command('divisions')
  .description('Import GB/T 2260 divisions down to villages (CMD-1); idempotent')
  .option('--root <code>', 'only this subtree and its ancestors, e.g. 211122 or 150400')
  .action((options: { root?: string }) =>
    withContext(async (ctx) => {
      const bar = progressBar('divisions');
      const result = await importDivisions(ctx.db, normalizeRoot(options.root), (done) => bar.update(done));
      bar.stop();
      console.log(`${result.total} divisions read: ${result.inserted} added, ${result.updated} changed`);
    }),
  );

importCommand
  .command('persons <file>')
  .description('Import a persons ledger (台账, .csv or .xlsx with Chinese headers); idempotent')
  .action((file: string) => withContext((ctx) => importPersonsFromFile(ctx, file)));

/** Accepts 150400 or 1504 for a city, 21 or 210000 for a province; a code's trailing zero pairs are padding. */
function normalizeRoot(root: string | undefined): string | undefined {
  if (!root) return undefined;
  if (!/^\d{2,12}$/.test(root)) throw new InvalidArgumentError('a division code such as 211122');
  if (root.length === 6 && root.endsWith('0000')) return root.slice(0, 2);
  if (root.length === 6 && root.endsWith('00')) return root.slice(0, 4);
  return root;
}

const users = program.command('users').description('Accounts');
users
  .command('create')
  .description('Create an account')
  .requiredOption('--username <name>')
  .requiredOption('--password <password>')
  .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
  .requiredOption('--scope <code...>', 'jurisdiction subtrees, e.g. 211122')
  .option('--display-name <name>')
  .action(
    (options: {
      username: string;
      password: string;
      role: string[];
      scope: string[];
      displayName?: string;
    }) =>
      withContext(async (ctx) => {
        const user = await ctx.db.transaction((tx) =>
          createUser(tx, undefined, {
            username: options.username,
            displayName: options.displayName ?? options.username,
            password: options.password,
            roles: options.role,
            scopes: options.scope,
          }),
        );
        console.log(`created ${user.username} (${user.roles.join(', ')}) in ${user.scopes.join(', ')}`);
      }),
  );

program
  .command('demo')
  .description(
    'Load the deterministic demo county (盘山县) with persons, households, key groups and one account per role',
  )
  .option('--persons <n>', 'number of persons (up to 1000000)', count, 2000)
  .action((options: { persons: number }) =>
    withContext(async (ctx) => {
      const bar = progressBar('persons', options.persons);
      const result = await loadDemo(ctx, options.persons, (done) => bar.update(done));
      bar.stop();
      console.log(
        `demo county loaded: ${result.grids} grids, ${result.created} new persons, logins: ${result.logins.map((l) => l.username).join(', ')}`,
      );
    }),
  );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`configuration: ${error.message}`);
  else if (error instanceof AppError) {
    console.error(
      `${error.message}${error.fields.map((f) => `\n  ${f.message} / ${f.message_zh}`).join('')}`,
    );
  } else console.error(error);
  process.exit(1);
});
