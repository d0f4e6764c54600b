import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './layout/NotFoundPage';
import type { Permission } from './session/api';
import { RequirePermission } from './session/RequirePermission';
import { RequireSession } from './session/RequireSession';
import { HomeRedirect } from './work/HomeRedirect';

// One chunk per page, so a phone on a slow network downloads only what it shows.
const LoginPage = lazy(() => import('./login/LoginPage'));
const PersonsPage = lazy(() => import('./persons/PersonsPage'));
const PersonDetailPage = lazy(() => import('./persons/PersonDetailPage'));
const PersonCreatePage = lazy(() => import('./persons/PersonCreatePage'));
const JurisdictionsPage = lazy(() => import('./jurisdictions/JurisdictionsPage'));
const ImportPage = lazy(() => import('./import/ImportPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const CasesPage = lazy(() => import('./cases/CasesPage'));
const CaseReportPage = lazy(() => import('./cases/CaseReportPage'));
const CaseReviewPage = lazy(() => import('./cases/CaseReviewPage'));
const CaseDetailPage = lazy(() => import('./cases/CaseDetailPage'));
const HospitalsPage = lazy(() => import('./hospitals/HospitalsPage'));
const HospitalDetailPage = lazy(() => import('./hospitals/HospitalDetailPage'));
const PharmacyCounterPage = lazy(() => import('./drugSales/PharmacyCounterPage'));
const DrugSalesPage = lazy(() => import('./drugSales/DrugSalesPage'));
const SentinelEntryPage = lazy(() => import('./sentinels/SentinelEntryPage'));
const SentinelDataPage = lazy(() => import('./sentinels/SentinelDataPage'));
const AlertsPage = lazy(() => import('./alerts/AlertsPage'));
const AlertDetailPage = lazy(() => import('./alerts/AlertDetailPage'));
const BulletinPage = lazy(() => import('./bulletin/BulletinPage'));
const EpiTeamsPage = lazy(() => import('./epiTeams/EpiTeamsPage'));
const ChainsPage = lazy(() => import('./chains/ChainsPage'));
const ClusterPage = lazy(() => import('./chains/ClusterPage'));
const ContactsPage = lazy(() => import('./contacts/ContactsPage'));
const ContactDetailPage = lazy(() => import('./contacts/ContactDetailPage'));
const InvestigationsPage = lazy(() => import('./investigations/InvestigationsPage'));
const InvestigationPage = lazy(() => import('./investigations/InvestigationPage'));
const VenuesPage = lazy(() => import('./venues/VenuesPage'));
const IsolationOverviewPage = lazy(() => import('./isolationDemand/IsolationOverviewPage'));
const IsolationSitesPage = lazy(() => import('./isolationSites/SitesPage'));
const IsolationSiteDetailPage = lazy(() => import('./isolationSites/SiteDetailPage'));
const IsolationStaysPage = lazy(() => import('./isolationStays/StaysPage'));
const IsolationStayDetailPage = lazy(() => import('./isolationStays/StayDetailPage'));
const IsolationReleaseQueuePage = lazy(() => import('./isolationRelease/ReleaseQueuePage'));
const MonitoringPage = lazy(() => import('./healthMonitoring/MonitoringPage'));
const MonitoringFloorPage = lazy(() => import('./healthMonitoring/FloorPage'));
const VenuePoster = lazy(() => import('./venues/VenuePoster'));
const PrivacyAlertsPage = lazy(() => import('./privacyAlerts/PrivacyAlertsPage'));
const HandoversPage = lazy(() => import('./handovers/HandoversPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const AccountPage = lazy(() => import('./account/AccountPage'));
const DeadlinesPage = lazy(() => import('./deadlines/DeadlinesPage'));
const RiskAreasPage = lazy(() => import('./riskAreas/RiskAreasPage'));
const ArrivalsPage = lazy(() => import('./arrivals/ArrivalsPage'));
const ArrivalCreatePage = lazy(() => import('./arrivals/ArrivalCreatePage'));
const ArrivalDetailPage = lazy(() => import('./arrivals/ArrivalDetailPage'));
const LookbackPage = lazy(() => import('./arrivals/LookbackPage'));
const ReviewListPage = lazy(() => import('./arrivals/ReviewListPage'));
const PolicyPage = lazy(() => import('./policy/PolicyPage'));
const PackDetailPage = lazy(() => import('./policy/PackDetailPage'));
const ImpactPage = lazy(() => import('./policy/ImpactPage'));
const DocumentsPage = lazy(() => import('./documents/DocumentsPage'));
const DocumentPage = lazy(() => import('./documents/DocumentPage'));
const TrucksPage = lazy(() => import('./trucks/TrucksPage'));
const TruckNewPage = lazy(() => import('./trucks/TruckNewPage'));
const TruckDetailPage = lazy(() => import('./trucks/TruckDetailPage'));
const TruckPublicPage = lazy(() => import('./trucks/public/TruckPublicPage'));
const CadreLeavePage = lazy(() => import('./cadreLeave/CadreLeavePage'));
const BoardingCheckPage = lazy(() => import('./boarding/BoardingCheckPage'));
const CheckpointsPage = lazy(() => import('./checkpoints/CheckpointsPage'));
const CheckpointLogPage = lazy(() => import('./checkpoints/CheckpointLogPage'));
const PushListsPage = lazy(() => import('./pushLists/PushListsPage'));
const LandingReportPage = lazy(() => import('./public/LandingReportPage'));
const LandingCodePage = lazy(() => import('./landing/LandingCodePage'));
const LandingQueuePage = lazy(() => import('./landing/LandingQueuePage'));
const LandingVerifyPage = lazy(() => import('./landing/LandingVerifyPage'));
const DailyClearPage = lazy(() => import('./landing/DailyClearPage'));
const SamplingPage = lazy(() => import('./sampling/SamplingPage'));
const SamplingSitesPage = lazy(() => import('./sampling/SitesPage'));
const CampaignsPage = lazy(() => import('./campaigns/CampaignsPage'));
const LabWorkPage = lazy(() => import('./labResults/LabWorkPage'));
const PersonControlsPage = lazy(() => import('./labResults/PersonControlsPage'));
const CampaignProgressPage = lazy(() => import('./campaigns/CampaignProgressPage'));
const RoutineTestingPage = lazy(() => import('./routineTesting/RoutineTestingPage'));
const LabsPage = lazy(() => import('./labs/LabsPage'));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const MyWorkPage = lazy(() => import('./work/MyWorkPage'));

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Spin fullscreen description={t('common.loading')} />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/truck-report" element={<TruckPublicPage />} />
        <Route path="/landing/:code" element={<LandingReportPage />} />
        <Route
          element={
            <RequireSession>
              <AppShell />
            </RequireSession>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="my-work" element={<MyWorkPage />} />
          <Route path="persons" element={guarded('person.read', <PersonsPage />)} />
          <Route path="persons/new" element={guarded('person.write', <PersonCreatePage />)} />
          <Route path="persons/handovers" element={guarded('person.write', <HandoversPage />)} />
          <Route path="persons/:id" element={guarded('person.read', <PersonDetailPage />)} />
          <Route path="jurisdictions" element={guarded('jurisdiction.read', <JurisdictionsPage />)} />
          <Route path="import" element={guarded('person.import', <ImportPage />)} />
          <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
          <Route path="privacy-alerts" element={guarded('user.admin', <PrivacyAlertsPage />)} />
          <Route path="users" element={guarded('user.read', <UsersPage />)} />
          <Route path="account" element={<AccountPage />} />
          <Route path="deadlines" element={guarded('deadline.read', <DeadlinesPage />)} />
          <Route path="campaigns" element={guarded('testing.read', <CampaignsPage />)} />
          <Route path="lab-work" element={guarded('testing.read', <LabWorkPage />)} />
          <Route path="person-controls" element={guarded('testing.read', <PersonControlsPage />)} />
          <Route path="campaigns/:id" element={guarded('testing.read', <CampaignProgressPage />)} />
          <Route path="routine-testing" element={guarded('testing.read', <RoutineTestingPage />)} />
          <Route path="labs" element={guarded('testing.read', <LabsPage />)} />
          <Route path="risk-areas" element={guarded('policy.read', <RiskAreasPage />)} />
          <Route path="arrivals" element={guarded('arrival.read', <ArrivalsPage />)} />
          <Route path="arrivals/new" element={guarded('arrival.write', <ArrivalCreatePage />)} />
          <Route path="arrivals/lookback" element={guarded('arrival.read', <LookbackPage />)} />
          <Route path="arrivals/review" element={guarded('arrival.read', <ReviewListPage />)} />
          <Route path="arrivals/:id" element={guarded('arrival.read', <ArrivalDetailPage />)} />
          <Route path="policy" element={guarded('policy.read', <PolicyPage />)} />
          <Route path="policy/impact" element={guarded('policy.read', <ImpactPage />)} />
          <Route path="policy/documents" element={guarded('policy.read', <DocumentsPage />)} />
          <Route path="policy/documents/:id" element={guarded('policy.read', <DocumentPage />)} />
          <Route path="policy/:id/:version" element={guarded('policy.read', <PackDetailPage />)} />
          <Route path="trucks" element={guarded('arrival.read', <TrucksPage />)} />
          <Route path="trucks/new" element={guarded('arrival.write', <TruckNewPage />)} />
          <Route path="trucks/:id" element={guarded('arrival.read', <TruckDetailPage />)} />
          <Route path="cadre-leave" element={guarded('person.read', <CadreLeavePage />)} />
          <Route path="boarding-check" element={guarded('arrival.read', <BoardingCheckPage />)} />
          <Route path="checkpoints" element={guarded('arrival.read', <CheckpointsPage />)} />
          <Route path="checkpoints/:id" element={guarded('arrival.write', <CheckpointLogPage />)} />
          <Route path="push-lists" element={guarded('arrival.write', <PushListsPage />)} />
          <Route path="sampling" element={guarded('testing.sample', <SamplingPage />)} />
          <Route path="sampling/sites" element={guarded('testing.read', <SamplingSitesPage />)} />
          <Route path="landing-code" element={guarded('arrival.read', <LandingCodePage />)} />
          <Route path="landing-queue" element={guarded('arrival.read', <LandingQueuePage />)} />
          <Route path="landing-verify" element={guarded('arrival.write', <LandingVerifyPage />)} />
          <Route path="landing-board" element={guarded('arrival.read', <DailyClearPage />)} />
          <Route path="cases" element={guarded('case.read', <CasesPage />)} />
          <Route path="cases/new" element={guarded('case.report', <CaseReportPage />)} />
          <Route path="cases/review" element={guarded('case.review', <CaseReviewPage />)} />
          <Route path="cases/:id" element={guarded('case.read', <CaseDetailPage />)} />
          <Route path="hospitals" element={guarded('hospital.read', <HospitalsPage />)} />
          <Route path="hospitals/:id" element={guarded('hospital.read', <HospitalDetailPage />)} />
          <Route path="pharmacy-counter" element={guarded('sentinel.report', <PharmacyCounterPage />)} />
          <Route path="drug-sales" element={guarded('sentinel.read', <DrugSalesPage />)} />
          <Route path="sentinels" element={guarded('sentinel.report', <SentinelEntryPage />)} />
          <Route path="sentinels/data" element={guarded('sentinel.read', <SentinelDataPage />)} />
          <Route path="alerts" element={guarded('alert.read', <AlertsPage />)} />
          <Route path="alerts/:id" element={guarded('alert.read', <AlertDetailPage />)} />
          <Route path="bulletin" element={guarded('case.read', <BulletinPage />)} />
          <Route path="epi-teams" element={guarded('investigation.read', <EpiTeamsPage />)} />
          <Route path="chains" element={guarded('investigation.read', <ChainsPage />)} />
          <Route path="chains/:clusterId" element={guarded('investigation.read', <ClusterPage />)} />
          <Route path="contacts" element={guarded('contact.read', <ContactsPage />)} />
          <Route path="contacts/:id" element={guarded('contact.read', <ContactDetailPage />)} />
          <Route path="investigations" element={guarded('investigation.read', <InvestigationsPage />)} />
          <Route
            path="investigations/:caseId"
            element={guarded('investigation.read', <InvestigationPage />)}
          />
          <Route path="venues" element={guarded('venue.read', <VenuesPage />)} />
          <Route path="isolation" element={guarded('isolation.read', <IsolationOverviewPage />)} />
          <Route path="isolation/sites" element={guarded('isolation.read', <IsolationSitesPage />)} />
          <Route
            path="isolation/sites/:id"
            element={guarded('isolation.read', <IsolationSiteDetailPage />)}
          />
          <Route path="isolation/stays" element={guarded('isolation.read', <IsolationStaysPage />)} />
          <Route
            path="isolation/stays/:id"
            element={guarded('isolation.read', <IsolationStayDetailPage />)}
          />
          <Route
            path="isolation/release"
            element={guarded('isolation.read', <IsolationReleaseQueuePage />)}
          />
          <Route path="monitoring" element={guarded('isolation.read', <MonitoringPage />)} />
          <Route path="monitoring/floor" element={guarded('isolation.read', <MonitoringFloorPage />)} />
          <Route path="venues/:id/poster" element={guarded('venue.read', <VenuePoster />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
