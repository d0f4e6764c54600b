// The module's own names for the truck contracts, which live in src/api/trucks.ts.
export type {
  CrewView,
  TruckReportBody,
  TruckReportInput,
  TruckReportSummary,
  TruckReportView,
} from '../../api/trucks.js';
