import { Suspense } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AuthProvider, useAuth, useCan } from './auth';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/Login';
import { offered, ROUTES } from './routes';
import { useLiveUpdates } from './live';

/** What an address the user may not open shows: a page that says so, in the shell, instead of a page of refusals. */
function NoPermission() {
  const { t } = useTranslation();
  return (
    <section data-testid="no-permission">
      <h1>{t('app.noPermission')}</h1>
      <p>{t('app.noPermissionText')}</p>
      <p><Link to="/">{t('app.backHome')}</Link></p>
    </section>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <p className="centered">{t('app.loading')}</p>;
}

function Gate() {
  const { me, loading } = useAuth();
  const can = useCan();
  if (loading) return <Loading />;
  if (!me) return <LoginPage />;
  const role = me.user.role;
  return (
    <Layout>
      {/* Producers' accounts are refused the staff's live stream and notifications (403): they follow neither. */}
      {role !== 'producer' && <LiveUpdates />}
      <Suspense fallback={<Loading />}>
        <Routes>
          {/* Every page is declared for everyone, so that /reports/regimes never opens as the report numbered "regimes". */}
          {/* A producer's account starts on its traceability pages: the back office's home is the staff's. */}
          {ROUTES.map((r) => (
            <Route key={r.path} path={r.path} element={offered(r, can, role) ? r.element : r.path === '/' ? <Navigate to="/traceability" replace /> : <NoPermission />} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

/** Every screen of the back office follows the live stream: lists, figures and the bell refresh themselves. */
function LiveUpdates() {
  useLiveUpdates();
  return null;
}

/** The officers' and leaders' application, behind the sign-in: its own chunk, which the citizen app never downloads. */
export default function BackOffice() {
  return <AuthProvider><Gate /></AuthProvider>;
}
