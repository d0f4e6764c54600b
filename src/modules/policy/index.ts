// The public surface of the policy module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export {
  contactControlInForce,
  dischargeFollowUpInForce,
  dischargePlanFor,
  triggerRulesInForce,
} from './outbreak.js';
export { policyRoutes } from './routes.js';
export { loadShippedPacks } from './shipped.js';
export { assignShippedPack, getPack, packInForceFor } from './store.js';
