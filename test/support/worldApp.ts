import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from './context.js';
import { freshDatabase } from './database.js';
import { seedWorld, type WorldOptions } from './world.js';

/** A fresh database with the two-county world and the HTTP app on it; `close()` removes both. */
export async function openWorldApp(options: WorldOptions = {}) {
  const { db, drop } = await freshDatabase();
  const { ctx, setNow } = testContext(db);
  const world = await seedWorld(ctx, options);
  const { app, routes } = await buildApp(ctx);
  const close = async () => {
    await app.close();
    await drop();
  };
  return { db, ctx, setNow, world, app, routes, close };
}
