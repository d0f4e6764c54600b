/** The tag colour of an import job's status, alike for every kind of import. */
export const IMPORT_STATUS_COLORS = {
  running: 'processing',
  done: 'success',
  failed: 'error',
  interrupted: 'warning',
} as const;
