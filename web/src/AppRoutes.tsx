import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './layout/AppShell';
import { NotFoundPage } from './layout/NotFoundPage';
import type { Permission } from './session/api';
import { RequirePermission } from './session/RequirePermission';
import { RequireSession } from './session/RequireSession';

// One chunk per page, so a phone on a slow network downloads only what it shows.
const LoginPage = lazy(() => import('./login/LoginPage'));
const PersonsPage = lazy(() => import('./persons/PersonsPage'));
const PersonDetailPage = lazy(() => import('./persons/PersonDetailPage'));
const PersonCreatePage = lazy(() => import('./persons/PersonCreatePage'));
const JurisdictionsPage = lazy(() => import('./jurisdictions/JurisdictionsPage'));
const ImportPage = lazy(() => import('./import/ImportPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Spin fullscreen description={t('common.loading')} />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <AppShell />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="/persons" replace />} />
          <Route path="persons" element={guarded('person.read', <PersonsPage />)} />
          <Route path="persons/new" element={guarded('person.write', <PersonCreatePage />)} />
          <Route path="persons/:id" element={guarded('person.read', <PersonDetailPage />)} />
          <Route path="jurisdictions" element={guarded('jurisdiction.read', <JurisdictionsPage />)} />
          <Route path="import" element={guarded('person.import', <ImportPage />)} />
          <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
          <Route path="users" element={guarded('user.read', <UsersPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
