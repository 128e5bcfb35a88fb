import { lazy } from 'react';
// The start page is where everyone lands after login, so it ships with the first load.
import StartPage from './organization/start-page';
const UsersPage = lazy(() => import('./users/users-page'));
const AuditPage = lazy(() => import('./audit/audit-page'));
const RegistryPage = lazy(() => import('./registry/registry-page'));
const RegistryDetailPage = lazy(() => import('./registry/registry-detail-page'));
const ProfilePage = lazy(() => import('./profile/profile-page'));
const ProcessingRecordPage = lazy(() => import('./processing/record-page'));
const ProcessingAdoptPage = lazy(() => import('./processing/adopt-page'));
const ProcessingNewEntryPage = lazy(() => import('./processing/new-entry-page'));
const ProcessingEntryPage = lazy(() => import('./processing/entry-page'));
const ProcessingProposalsPage = lazy(() => import('./processing/proposals-page'));
const ProcessingProposalPage = lazy(() => import('./processing/proposal-page'));
const ProcessingOutputsPage = lazy(() => import('./processing/outputs-page'));
const ProcessingTemplatesPage = lazy(() => import('./processing/national-templates-page'));
const ProcessingTemplatePage = lazy(() => import('./processing/national-template-page'));
const DpiaListPage = lazy(() => import('./dpia/list-page'));
const DpiaNewPage = lazy(() => import('./dpia/new-page'));
const DpiaScreeningPage = lazy(() => import('./dpia/screening-page'));
const DpiaProposalsPage = lazy(() => import('./dpia/proposals-page'));
const DpiaPage = lazy(() => import('./dpia/dpia-page'));
const DpiaTemplatesPage = lazy(() => import('./dpia/national-templates-page'));
const DpiaTemplatePage = lazy(() => import('./dpia/national-template-page'));
const LibraryPage = lazy(() => import('./library/library-page'));
const FrameworkPage = lazy(() => import('./library/framework-page'));
const FrameworkDiffPage = lazy(() => import('./library/diff-page'));
const LibraryImportPage = lazy(() => import('./library/import-page'));
const MeasuresPage = lazy(() => import('./library/measures-page'));
const MeasurePage = lazy(() => import('./library/measure-page'));
const AssessmentMeasuresPage = lazy(() => import('./assessment/measures-page'));
const AssessmentMeasurePage = lazy(() => import('./assessment/measure-page'));
const CompliancePage = lazy(() => import('./assessment/compliance-page'));
const ComplianceFrameworkPage = lazy(() => import('./assessment/framework-page'));
const ActionPlanPage = lazy(() => import('./actions/action-plan-page'));
const ActionPage = lazy(() => import('./actions/action-page'));
const ReportsPage = lazy(() => import('./reports/reports-page'));
const SystemsPage = lazy(() => import('./systems/systems-page'));
const SystemFormPage = lazy(() => import('./systems/system-form-page'));
const SystemsImportPage = lazy(() => import('./systems/import-page'));
const VendorsPage = lazy(() => import('./vendors/vendors-page'));
const VendorPage = lazy(() => import('./vendors/vendor-page'));
const ReviewPage = lazy(() => import('./vendors/review-page'));
const UsagePage = lazy(() => import('./vendors/usage-page'));
const NotificationsPage = lazy(() => import('./vendors/notifications-page'));
const PortalPage = lazy(() => import('./vendor-portal/portal-page'));
const QuestionnairePage = lazy(() => import('./vendor-portal/questionnaire-page'));
const RiskListPage = lazy(() => import('./risk/risk-list-page'));
const NewRiskPage = lazy(() => import('./risk/new-risk-page'));
const RiskPage = lazy(() => import('./risk/risk-page'));
const RiskMatrixPage = lazy(() => import('./risk/matrix-page'));

/** Pages inside the signed-in layout. Each feature loads only when first visited. */
export const appRoutes = [
  { path: '/', element: <StartPage /> },
  { path: '/brukere', element: <UsersPage /> },
  { path: '/endringslogg', element: <AuditPage /> },
  { path: '/register', element: <RegistryPage /> },
  { path: '/register/:id', element: <RegistryDetailPage /> },
  { path: '/profil', element: <ProfilePage /> },
  { path: '/behandlingsprotokoll', element: <ProcessingRecordPage /> },
  { path: '/behandlingsprotokoll/maler', element: <ProcessingAdoptPage /> },
  { path: '/behandlingsprotokoll/ny', element: <ProcessingNewEntryPage /> },
  { path: '/behandlingsprotokoll/forslag', element: <ProcessingProposalsPage /> },
  { path: '/behandlingsprotokoll/forslag/:id', element: <ProcessingProposalPage /> },
  { path: '/behandlingsprotokoll/dokumenter', element: <ProcessingOutputsPage /> },
  { path: '/behandlingsprotokoll/:id', element: <ProcessingEntryPage /> },
  { path: '/nasjonalt/behandlingsmaler', element: <ProcessingTemplatesPage /> },
  { path: '/nasjonalt/behandlingsmaler/:slug', element: <ProcessingTemplatePage /> },
  { path: '/dpia', element: <DpiaListPage /> },
  { path: '/dpia/ny', element: <DpiaNewPage /> },
  { path: '/dpia/forslag', element: <DpiaProposalsPage /> },
  { path: '/dpia/screening/:entryId', element: <DpiaScreeningPage /> },
  { path: '/dpia/:id', element: <DpiaPage /> },
  { path: '/nasjonalt/dpia-maler', element: <DpiaTemplatesPage /> },
  { path: '/nasjonalt/dpia-maler/:slug', element: <DpiaTemplatePage /> },
  { path: '/kravbibliotek', element: <LibraryPage /> },
  { path: '/kravbibliotek/rammeverk', element: <FrameworkPage /> },
  { path: '/kravbibliotek/endringer', element: <FrameworkDiffPage /> },
  { path: '/import-bibliotek', element: <LibraryImportPage /> },
  { path: '/felles-tiltak', element: <MeasuresPage /> },
  { path: '/felles-tiltak/tiltak', element: <MeasurePage /> },
  { path: '/egenvurdering', element: <AssessmentMeasuresPage /> },
  { path: '/egenvurdering/tiltak/:urn', element: <AssessmentMeasurePage /> },
  { path: '/samsvar', element: <CompliancePage /> },
  { path: '/samsvar/:urn', element: <ComplianceFrameworkPage /> },
  { path: '/handlingsplan', element: <ActionPlanPage /> },
  { path: '/handlingsplan/:id', element: <ActionPage /> },
  { path: '/rapporter', element: <ReportsPage /> },
  { path: '/systemer', element: <SystemsPage /> },
  { path: '/systemer/ny', element: <SystemFormPage /> },
  { path: '/systemer/import', element: <SystemsImportPage /> },
  { path: '/systemer/:id', element: <SystemFormPage /> },
  { path: '/leverandorer', element: <VendorsPage /> },
  { path: '/leverandorbruk', element: <UsagePage /> },
  { path: '/leverandorer/:id', element: <VendorPage /> },
  { path: '/leverandorer/:id/sporreskjema/:questionnaireId', element: <ReviewPage /> },
  { path: '/varsler', element: <NotificationsPage /> },
  { path: '/leverandorportal', element: <PortalPage /> },
  { path: '/leverandorportal/:id', element: <QuestionnairePage /> },
  { path: '/risikovurdering', element: <RiskListPage /> },
  { path: '/risikovurdering/ny', element: <NewRiskPage /> },
  { path: '/risikovurdering/matrise', element: <RiskMatrixPage /> },
  { path: '/risikovurdering/:id', element: <RiskPage /> },
];
