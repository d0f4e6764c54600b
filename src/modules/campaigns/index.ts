// The public surface of the campaigns module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export { campaignsTiles } from './dashboardTiles.js';
export { DEMO_CAMPAIGN_NAME, loadCampaignDemo } from './demo.js';
export { missingPersons } from './missing.js';
export { campaignProgress } from './progress.js';
export { campaignRoutes } from './routes.js';
