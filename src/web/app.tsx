import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { lazy, Suspense, useEffect } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError, setUnauthenticatedHandler } from './api/client';
import { useMe } from './api/session';
import { AppLayout } from './components/app-layout';
import { Page } from './components/page';
// The login steps ship with the first load (they are the first thing most people see); the rest on demand.
import LoginPage from './features/auth/login-page';
import MfaVerifyPage from './features/auth/mfa-verify-page';
import { appRoutes } from './features/routes';
import { useT } from './i18n';

const MfaEnrolPage = lazy(() => import('./features/auth/mfa-enrol-page'));
const InvitationPage = lazy(() => import('./features/auth/invitation-page'));

export function App() {
  const t = useT();
  const navigate = useNavigate();
  useEffect(() => setUnauthenticatedHandler(() => navigate('/innlogging?utlopt=1')), [navigate]);
  return (
    <Suspense fallback={<Spinner aria-label={t('app.loading')} />}>
      <Routes>
        <Route path="/innlogging" element={<LoginPage />} />
        <Route path="/innlogging/tofaktor" element={<MfaVerifyPage />} />
        <Route path="/innlogging/oppsett" element={<MfaEnrolPage />} />
        <Route path="/invitasjon" element={<InvitationPage />} />
        <Route element={<SignedIn />}>
          {appRoutes.map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/** Everything behind login: sends the person to the right login step, then shows the layout. */
function SignedIn() {
  const t = useT();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <Spinner aria-label={t('app.loading')} />;
  if (me.isError) {
    const code = me.error instanceof ApiError ? me.error.code : '';
    if (code === 'MFA_REQUIRED') return <Navigate to="/innlogging/tofaktor" replace />;
    if (code === 'UNAUTHENTICATED') return <Navigate to={`/innlogging?neste=${encodeURIComponent(location.pathname)}`} replace />;
    return (
      <main className="auth-page">
        <Alert data-color="danger">
          <Paragraph>{me.error instanceof ApiError ? me.error.message : t('app.loadFailed')}</Paragraph>
          <Button variant="secondary" onClick={() => void me.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      </main>
    );
  }
  return <AppLayout me={me.data} />;
}

function NotFound() {
  const t = useT();
  return (
    <Page title={t('app.notFound')}>
      <Paragraph>{t('app.notFoundText')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('app.toStart')}</Link>
      </Paragraph>
    </Page>
  );
}
