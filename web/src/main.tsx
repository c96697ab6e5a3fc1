import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import './i18n';
// In this order: each area's rules come after the shared ones they refine.
import './styles/base.css';
import './styles/shell.css';
import './styles/units.css';
import './styles/scorecard.css';
import './styles/data.css';
import './styles/feedback.css';
import { AuthProvider, useAuth } from './auth';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/Login';
import { HomePage } from './pages/Home';
import { UnitsPage } from './pages/Units';
import { UsersPage } from './pages/Users';
import { AccountPage } from './pages/Account';
import { AuditPage } from './pages/Audit';
import { TokensPage } from './pages/Tokens';
import { MetadataPage } from './pages/Metadata';
import { ScorecardPage } from './pages/Scorecard';
import { DataEntryPage } from './pages/DataEntry';
import { ExchangePage } from './pages/Exchange';
import { FeedbackPage } from './pages/Feedback';
import { FeedbackSettingsPage } from './pages/FeedbackSettings';
import { ReportPage, ReportQueuePage, ReportsDuePage } from './pages/Reports';
import { ReportCompletenessPage } from './pages/ReportCompleteness';
import { ReportRegimesPage } from './pages/ReportRegimes';
import { CitizenPage } from './pages/Citizen';
import { useTranslation } from 'react-i18next';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function Gate() {
  const { me, loading } = useAuth();
  const { t } = useTranslation();
  if (loading) return <p className="centered">{t('app.loading')}</p>;
  if (!me) return <LoginPage />;
  const admin = me.user.role === 'admin';
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/units" element={<UnitsPage />} />
        <Route path="/scorecard" element={<ScorecardPage key="nq07" framework="NQ07" />} />
        <Route path="/dti" element={<ScorecardPage key="dti" framework="DTI" />} />
        <Route path="/data-entry" element={<DataEntryPage />} />
        <Route path="/exchange" element={<ExchangePage />} />
        <Route path="/reports" element={<ReportsDuePage />} />
        <Route path="/reports/queue" element={<ReportQueuePage />} />
        <Route path="/reports/completeness" element={<ReportCompletenessPage />} />
        {/* Declared for everyone, or /reports/regimes would open as the report numbered "regimes". */}
        <Route path="/reports/regimes" element={admin ? <ReportRegimesPage /> : <Navigate to="/" replace />} />
        <Route path="/reports/:id" element={<ReportPage />} />
        <Route path="/feedback" element={<FeedbackPage />} />
        <Route path="/feedback/settings" element={<FeedbackSettingsPage />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/account" element={<AccountPage />} />
        {admin && <Route path="/audit" element={<AuditPage />} />}
        {admin && <Route path="/tokens" element={<TokensPage />} />}
        {admin && <Route path="/metadata" element={<MetadataPage />} />}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/cong-dan" element={<CitizenPage />} />
          <Route path="*" element={<AuthProvider><Gate /></AuthProvider>} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);

// Two installable apps: the citizens' and the officers' reporting (both open offline). Other pages are not cached on
// shared office machines.
const installable = ['/cong-dan', '/reports'].find((scope) => window.location.pathname.startsWith(scope));
if (installable) {
  if (installable === '/reports') document.querySelector('link[rel=manifest]')?.setAttribute('href', '/manifest-reports.webmanifest');
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js', { scope: installable });
}
