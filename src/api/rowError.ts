import type { Static } from 'typebox';
import type { RowErrorSchema } from './bulk.js';

/** One rejected row of an imported file or request: its line and the reason in zh and en. */
export type RowError = Static<typeof RowErrorSchema>;
