// The public surface of the sampling module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { loadSamplingDemo } from './demo.js';
export { registerSample } from './register.js';
export { samplingRoutes } from './routes.js';
export { createSite } from './sites.js';
