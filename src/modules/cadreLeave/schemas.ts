// The module's own names for the leave contracts, which live in src/api/cadreLeave.ts.
export type { ApplyInput, LeaveStatus, LeaveView, ReturnInput } from '../../api/cadreLeave.js';
