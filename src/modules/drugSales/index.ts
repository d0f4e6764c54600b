// The public surface of the drugSales module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { drugSalesTiles } from './dashboardTiles.js';
export { loadSalesDemo as loadDrugSalesDemo } from './demo.js';
export { salesFromFile } from './fileRows.js';
export { clientSaleRowId, ingestSales } from './ingest.js';
export { drugSalesRoutes } from './routes.js';
export type { SaleRow } from './saleInput.js';
export { drugSalesSignals } from './signals.js';
export { drugSalesStorySources } from './storySources.js';
export { drugSalesWorkSubjects } from './workSubjects.js';
