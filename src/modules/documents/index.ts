// The public surface of the documents module (source documents that policy packs cite): other
// modules, the app, the CLI and tests import from here only (checked by scripts/check-walls.js).
export { packCitationErrors } from './citations.js';
export { documentRoutes } from './routes.js';
export { loadShippedDocuments } from './shipped.js';
