import { startAlertEvaluations } from '../modules/alerts/index.js';
import { startConferenceSweeps } from '../modules/bulletin/index.js';
import { DEMO_PASSWORD, loadDemo, unchangedDemoLogins } from '../modules/demo/index.js';
import { startTreatmentSweeps } from '../modules/hospitals/index.js';
import { startInvestigationSweeps } from '../modules/investigations/index.js';
import { startRoutineSweeps } from '../modules/routineTesting/index.js';
import { startCheckInSweeps } from '../modules/venues/index.js';
import type { AppContext } from '../platform/context.js';
import { buildApp } from '../platform/http/app.js';

/** Starts the platform; with `demo`, an empty database first gets the demo county. */
export async function serve(ctx: AppContext, options: { demo: boolean; demoPersons: number }) {
  const started = performance.now();
  let logins: string[] = [];
  if (options.demo) {
    const [anyUser] = await ctx.db.query('SELECT 1 FROM users LIMIT 1');
    if (!anyUser) {
      console.log(`Loading the demo county (盘山县, ${options.demoPersons} persons)…`);
      await loadDemo(ctx, options.demoPersons);
    }
    // Only demo accounts whose password is still the published one: never a real account's name.
    logins = await unchangedDemoLogins(ctx.db);
  }
  const { app } = await buildApp(ctx);
  const stopSweeps = startRoutineSweeps(ctx); // TST-5: missed routine tests swept at start and hourly
  const stopConferences = startConferenceSweeps(ctx); // CAS-5: conferences owed after a first local case
  const stopTreatment = startTreatmentSweeps(ctx); // CAS-3, CAS-4: transfers and emptying owed, every 10 minutes
  const stopEvaluations = startAlertEvaluations(ctx); // MON-4: changed feeds each minute, every rule hourly
  const stopInvestigations = startInvestigationSweeps(ctx); // EPI-1: investigations opened or closed, every minute
  const stopCheckIns = startCheckInSweeps(ctx); // HC-2: check-in partitions ahead, dropped after retention; at start and hourly
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  const url = `http://${ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host}:${ctx.config.port}/`;
  console.log(
    `\nFangkong 防控指挥平台 is ready at ${url}  (database: ${ctx.db.kind}, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(`API docs: ${url}api/docs`);
  if (ctx.config.publicUrl) console.log(`Public address (QR codes, links): ${ctx.config.publicUrl}/`);
  else
    console.log(
      'Landing QR codes encode the address a page is opened at; set FANGKONG_PUBLIC_URL to the address phones reach.',
    );
  if (logins.length > 0) {
    console.log(`Demo logins (password ${DEMO_PASSWORD}): ${logins.join(', ')}`);
    console.log('  admin and commander see all of 盘山县; community_worker sees one community.');
  }
  const stop = async () => {
    await stopSweeps();
    await stopConferences();
    await stopTreatment();
    await stopEvaluations();
    await stopInvestigations();
    await stopCheckIns();
    await app.close();
    await ctx.db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
