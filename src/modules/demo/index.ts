// The public surface of the demo module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export { loadDemoChains } from './chainsDemo.js';
export { localAt } from './clock.js';
export { DEMO_COUNTY, DEMO_PASSWORD, loadDemo } from './load.js';
export { unchangedDemoLogins } from './logins.js';
export type { DemoPlace } from './people.js';
export { demoPeople } from './people.js';
export type { Random } from './random.js';
export { seededRandom } from './random.js';
export { loadDemoSentinels } from './sentinelsDemo.js';
