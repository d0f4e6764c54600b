import accountEn from '../account/i18n/en.json';
import accountZh from '../account/i18n/zh-CN.json';
import alertsEn from '../alerts/i18n/en.json';
import alertsZh from '../alerts/i18n/zh-CN.json';
import arrivalsEn from '../arrivals/i18n/en.json';
import arrivalsZh from '../arrivals/i18n/zh-CN.json';
import boardingEn from '../boarding/i18n/en.json';
import boardingZh from '../boarding/i18n/zh-CN.json';
import bulletinEn from '../bulletin/i18n/en.json';
import bulletinZh from '../bulletin/i18n/zh-CN.json';
import cadreLeaveEn from '../cadreLeave/i18n/en.json';
import cadreLeaveZh from '../cadreLeave/i18n/zh-CN.json';
import campaignsEn from '../campaigns/i18n/en.json';
import campaignsZh from '../campaigns/i18n/zh-CN.json';
import casesEn from '../cases/i18n/en.json';
import casesZh from '../cases/i18n/zh-CN.json';
import chainsEn from '../chains/i18n/en.json';
import chainsZh from '../chains/i18n/zh-CN.json';
import checkpointsEn from '../checkpoints/i18n/en.json';
import checkpointsZh from '../checkpoints/i18n/zh-CN.json';
import coExposureEn from '../coExposure/i18n/en.json';
import coExposureZh from '../coExposure/i18n/zh-CN.json';
import contactsEn from '../contacts/i18n/en.json';
import contactsZh from '../contacts/i18n/zh-CN.json';
import dashboardEn from '../dashboard/i18n/en.json';
import dashboardZh from '../dashboard/i18n/zh-CN.json';
import deadlinesEn from '../deadlines/i18n/en.json';
import deadlinesZh from '../deadlines/i18n/zh-CN.json';
import documentsEn from '../documents/i18n/en.json';
import documentsZh from '../documents/i18n/zh-CN.json';
import drugSalesEn from '../drugSales/i18n/en.json';
import drugSalesZh from '../drugSales/i18n/zh-CN.json';
import epiTeamsEn from '../epiTeams/i18n/en.json';
import epiTeamsZh from '../epiTeams/i18n/zh-CN.json';
import handoversEn from '../handovers/i18n/en.json';
import handoversZh from '../handovers/i18n/zh-CN.json';
import healthMonitoringEn from '../healthMonitoring/i18n/en.json';
import healthMonitoringZh from '../healthMonitoring/i18n/zh-CN.json';
import hospitalsEn from '../hospitals/i18n/en.json';
import hospitalsZh from '../hospitals/i18n/zh-CN.json';
import importJobsEn from '../import/i18n/en.json';
import importJobsZh from '../import/i18n/zh-CN.json';
import investigationsEn from '../investigations/i18n/en.json';
import investigationsZh from '../investigations/i18n/zh-CN.json';
import isolationDemandEn from '../isolationDemand/i18n/en.json';
import isolationDemandZh from '../isolationDemand/i18n/zh-CN.json';
import isolationReleaseEn from '../isolationRelease/i18n/en.json';
import isolationReleaseZh from '../isolationRelease/i18n/zh-CN.json';
import isolationSitesEn from '../isolationSites/i18n/en.json';
import isolationSitesZh from '../isolationSites/i18n/zh-CN.json';
import isolationStaysEn from '../isolationStays/i18n/en.json';
import isolationStaysZh from '../isolationStays/i18n/zh-CN.json';
import labResultsEn from '../labResults/i18n/en.json';
import labResultsZh from '../labResults/i18n/zh-CN.json';
import labsEn from '../labs/i18n/en.json';
import labsZh from '../labs/i18n/zh-CN.json';
import landingEn from '../landing/i18n/en.json';
import landingZh from '../landing/i18n/zh-CN.json';
import policyEn from '../policy/i18n/en.json';
import policyZh from '../policy/i18n/zh-CN.json';
import privacyAlertsEn from '../privacyAlerts/i18n/en.json';
import privacyAlertsZh from '../privacyAlerts/i18n/zh-CN.json';
import publicLandingEn from '../public/i18n/en.json';
import publicLandingZh from '../public/i18n/zh-CN.json';
import pushListsEn from '../pushLists/i18n/en.json';
import pushListsZh from '../pushLists/i18n/zh-CN.json';
import riskAreasEn from '../riskAreas/i18n/en.json';
import riskAreasZh from '../riskAreas/i18n/zh-CN.json';
import routineTestingEn from '../routineTesting/i18n/en.json';
import routineTestingZh from '../routineTesting/i18n/zh-CN.json';
import samplingEn from '../sampling/i18n/en.json';
import samplingZh from '../sampling/i18n/zh-CN.json';
import sentinelsEn from '../sentinels/i18n/en.json';
import sentinelsZh from '../sentinels/i18n/zh-CN.json';
import storyEn from '../story/i18n/en.json';
import storyZh from '../story/i18n/zh-CN.json';
import trucksEn from '../trucks/i18n/en.json';
import trucksZh from '../trucks/i18n/zh-CN.json';
import venuesEn from '../venues/i18n/en.json';
import venuesZh from '../venues/i18n/zh-CN.json';
import workEn from '../work/i18n/en.json';
import workZh from '../work/i18n/zh-CN.json';

/**
 * Messages that belong to one feature live beside it (web/src/<feature>/i18n/{zh-CN,en}.json) and
 * join here under the feature's key: import both files, pair them (`pair` fails to compile when the
 * two languages' keys differ), and add the feature to both sides below.
 */
function pair<T>(zh: T, en: NoInfer<T>) {
  return { zh, en };
}

const account = pair(accountZh, accountEn);
const checkpoints = pair(checkpointsZh, checkpointsEn);
const trucks = pair(trucksZh, trucksEn);
const cadreLeave = pair(cadreLeaveZh, cadreLeaveEn);
const boarding = pair(boardingZh, boardingEn);
const pushLists = pair(pushListsZh, pushListsEn);
const landing = pair(landingZh, landingEn);
const publicLanding = pair(publicLandingZh, publicLandingEn);
const arrivals = pair(arrivalsZh, arrivalsEn);
const policy = pair(policyZh, policyEn);
const riskAreas = pair(riskAreasZh, riskAreasEn);
const deadlines = pair(deadlinesZh, deadlinesEn);
const documents = pair(documentsZh, documentsEn);
const sampling = pair(samplingZh, samplingEn);
const campaigns = pair(campaignsZh, campaignsEn);
const labResults = pair(labResultsZh, labResultsEn);
const importJobs = pair(importJobsZh, importJobsEn);
const routineTesting = pair(routineTestingZh, routineTestingEn);
const labs = pair(labsZh, labsEn);
const privacyAlerts = pair(privacyAlertsZh, privacyAlertsEn);
const handovers = pair(handoversZh, handoversEn);
const dashboard = pair(dashboardZh, dashboardEn);
const work = pair(workZh, workEn);
const story = pair(storyZh, storyEn);
const cases = pair(casesZh, casesEn);
const hospitals = pair(hospitalsZh, hospitalsEn);
const drugSales = pair(drugSalesZh, drugSalesEn);
const sentinels = pair(sentinelsZh, sentinelsEn);
const alerts = pair(alertsZh, alertsEn);
const bulletin = pair(bulletinZh, bulletinEn);
const epiTeams = pair(epiTeamsZh, epiTeamsEn);
const chains = pair(chainsZh, chainsEn);
const contacts = pair(contactsZh, contactsEn);
const investigations = pair(investigationsZh, investigationsEn);
const venues = pair(venuesZh, venuesEn);
const isolationSites = pair(isolationSitesZh, isolationSitesEn);
const isolationStays = pair(isolationStaysZh, isolationStaysEn);
const isolationRelease = pair(isolationReleaseZh, isolationReleaseEn);
const isolationDemand = pair(isolationDemandZh, isolationDemandEn);
const healthMonitoring = pair(healthMonitoringZh, healthMonitoringEn);
const coExposure = pair(coExposureZh, coExposureEn);

export const FEATURE_MESSAGES = {
  zh: {
    account: account.zh,
    checkpoints: checkpoints.zh,
    trucks: trucks.zh,
    cadreLeave: cadreLeave.zh,
    boarding: boarding.zh,
    pushLists: pushLists.zh,
    landing: landing.zh,
    publicLanding: publicLanding.zh,
    arrivals: arrivals.zh,
    policy: policy.zh,
    riskAreas: riskAreas.zh,
    deadlines: deadlines.zh,
    documents: documents.zh,
    sampling: sampling.zh,
    campaigns: campaigns.zh,
    labResults: labResults.zh,
    importJobs: importJobs.zh,
    routineTesting: routineTesting.zh,
    labs: labs.zh,
    privacyAlerts: privacyAlerts.zh,
    handovers: handovers.zh,
    dashboard: dashboard.zh,
    work: work.zh,
    story: story.zh,
    cases: cases.zh,
    hospitals: hospitals.zh,
    drugSales: drugSales.zh,
    sentinels: sentinels.zh,
    alerts: alerts.zh,
    bulletin: bulletin.zh,
    epiTeams: epiTeams.zh,
    chains: chains.zh,
    contacts: contacts.zh,
    investigations: investigations.zh,
    venues: venues.zh,
    isolationSites: isolationSites.zh,
    isolationStays: isolationStays.zh,
    isolationDemand: isolationDemand.zh,
    isolationRelease: isolationRelease.zh,
    healthMonitoring: healthMonitoring.zh,
    coExposure: coExposure.zh,
  },
  en: {
    account: account.en,
    checkpoints: checkpoints.en,
    trucks: trucks.en,
    cadreLeave: cadreLeave.en,
    boarding: boarding.en,
    pushLists: pushLists.en,
    landing: landing.en,
    publicLanding: publicLanding.en,
    arrivals: arrivals.en,
    policy: policy.en,
    riskAreas: riskAreas.en,
    deadlines: deadlines.en,
    documents: documents.en,
    sampling: sampling.en,
    campaigns: campaigns.en,
    labResults: labResults.en,
    importJobs: importJobs.en,
    routineTesting: routineTesting.en,
    labs: labs.en,
    privacyAlerts: privacyAlerts.en,
    handovers: handovers.en,
    dashboard: dashboard.en,
    work: work.en,
    story: story.en,
    cases: cases.en,
    hospitals: hospitals.en,
    drugSales: drugSales.en,
    sentinels: sentinels.en,
    alerts: alerts.en,
    bulletin: bulletin.en,
    epiTeams: epiTeams.en,
    chains: chains.en,
    contacts: contacts.en,
    investigations: investigations.en,
    venues: venues.en,
    isolationSites: isolationSites.en,
    isolationStays: isolationStays.en,
    isolationDemand: isolationDemand.en,
    isolationRelease: isolationRelease.en,
    healthMonitoring: healthMonitoring.en,
    coExposure: coExposure.en,
  },
};
export { pair };
