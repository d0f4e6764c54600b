import { alertsStorySources, alertsTiles, alertsWorkSubjects } from '../../modules/alerts/index.js';
import { arrivalsStorySources, arrivalsTiles, arrivalsWorkSubjects } from '../../modules/arrivals/index.js';
import { bulletinStorySources, bulletinTiles, bulletinWorkSubjects } from '../../modules/bulletin/index.js';
import { cadreLeaveStorySources, cadreLeaveWorkSubjects } from '../../modules/cadreLeave/index.js';
import { campaignsTiles } from '../../modules/campaigns/index.js';
import { casesStorySources, casesTiles, casesWorkSubjects } from '../../modules/cases/index.js';
import { chainsStorySources, chainsTiles, chainsWorkSubjects } from '../../modules/chains/index.js';
import { checkpointsStorySources } from '../../modules/checkpoints/index.js';
import { contactsStorySources, contactsTiles, contactsWorkSubjects } from '../../modules/contacts/index.js';
import {
  drugSalesStorySources,
  drugSalesTiles,
  drugSalesWorkSubjects,
} from '../../modules/drugSales/index.js';
import { epiTeamsStorySources, epiTeamsTiles, epiTeamsWorkSubjects } from '../../modules/epiTeams/index.js';
import {
  monitoringStorySources,
  monitoringTiles,
  monitoringWorkSubjects,
} from '../../modules/healthMonitoring/index.js';
import {
  hospitalsStorySources,
  hospitalsTiles,
  hospitalsWorkSubjects,
} from '../../modules/hospitals/index.js';
import {
  investigationsStorySources,
  investigationsTiles,
  investigationsWorkSubjects,
} from '../../modules/investigations/index.js';
import {
  isolationStorySources,
  isolationTiles,
  isolationWorkSubjects,
} from '../../modules/isolation/index.js';
import { landingStorySources, landingTiles, landingWorkSubjects } from '../../modules/landing/index.js';
import { routineTestingTiles } from '../../modules/routineTesting/index.js';
import {
  sentinelsStorySources,
  sentinelsTiles,
  sentinelsWorkSubjects,
} from '../../modules/sentinels/index.js';
import { testingStorySources, testingTiles, testingWorkSubjects } from '../../modules/testing/index.js';
import { trucksStorySources, trucksWorkSubjects } from '../../modules/trucks/index.js';
import { venuesStorySources, venuesTiles, venuesWorkSubjects } from '../../modules/venues/index.js';
import { auditStorySources } from '../audit/story.js';
import { deadlineStorySources } from '../deadlines/story.js';
import { deadlineTiles } from '../deadlines/tiles.js';
import type { DashboardTile, StorySource, WorkSubject } from './types.js';

/** Every module's dashboard tiles. A module adds its tiles here, as it adds its routes to http/modules.ts. */
export const DASHBOARD_TILES: readonly DashboardTile[] = [
  ...deadlineTiles,
  ...arrivalsTiles,
  ...testingTiles,
  ...campaignsTiles,
  ...landingTiles,
  ...routineTestingTiles,
  ...casesTiles,
  ...hospitalsTiles,
  ...drugSalesTiles,
  ...sentinelsTiles,
  ...alertsTiles,
  ...bulletinTiles,
  ...venuesTiles,
  ...epiTeamsTiles,
  ...investigationsTiles,
  ...contactsTiles,
  ...chainsTiles,
  ...isolationTiles,
  ...monitoringTiles,
];

/** Every module's work subjects: the action that closes each kind of open deadline. */
export const WORK_SUBJECTS: readonly WorkSubject[] = [
  ...arrivalsWorkSubjects,
  ...testingWorkSubjects,
  ...landingWorkSubjects,
  ...trucksWorkSubjects,
  ...cadreLeaveWorkSubjects,
  ...casesWorkSubjects,
  ...hospitalsWorkSubjects,
  ...drugSalesWorkSubjects,
  ...sentinelsWorkSubjects,
  ...alertsWorkSubjects,
  ...bulletinWorkSubjects,
  ...venuesWorkSubjects,
  ...epiTeamsWorkSubjects,
  ...investigationsWorkSubjects,
  ...contactsWorkSubjects,
  ...chainsWorkSubjects,
  ...isolationWorkSubjects,
  ...monitoringWorkSubjects,
];

/** Every module's sources of a person's story. */
export const STORY_SOURCES: readonly StorySource[] = [
  ...deadlineStorySources,
  ...auditStorySources,
  ...arrivalsStorySources,
  ...testingStorySources,
  ...landingStorySources,
  ...trucksStorySources,
  ...checkpointsStorySources,
  ...cadreLeaveStorySources,
  ...casesStorySources,
  ...hospitalsStorySources,
  ...drugSalesStorySources,
  ...sentinelsStorySources,
  ...alertsStorySources,
  ...bulletinStorySources,
  ...venuesStorySources,
  ...epiTeamsStorySources,
  ...investigationsStorySources,
  ...contactsStorySources,
  ...chainsStorySources,
  ...isolationStorySources,
  ...monitoringStorySources,
];
