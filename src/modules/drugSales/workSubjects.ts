import type { WorkSubject } from '../../platform/surfaces/types.js';

/** The actions that close the drugSales module's open deadlines on "my work". */
export const drugSalesWorkSubjects: readonly WorkSubject[] = [];
