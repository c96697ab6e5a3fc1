import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
// In this order: each area's rules come after the shared ones they refine.
import './styles/base.css';
import './styles/shell.css';
import './styles/units.css';
import './styles/scorecard.css';
import './styles/data.css';
import './styles/feedback.css';
import './styles/ioc.css';
import './styles/briefing.css';
import i18n from './i18n';

// Two applications in one build, each fetched only where it is used: the citizens' (/cong-dan) and the back office,
// whose pages are fetched one by one as they open (see routes.tsx).
const CitizenPage = lazy(async () => ({ default: (await import('./pages/Citizen')).CitizenPage }));
// Agronomy's public pages (bulletins, stations, unsubscribing), linked from the bulletins' e-mails.
const CitizenAgronomy = lazy(async () => ({ default: (await import('./pages/Citizen/Agronomy')).CitizenAgronomyPage }));
// The catalogue of the province's specialties and OCOP products, with each product's lots.
const CitizenSpecialties = lazy(async () => ({ default: (await import('./pages/Citizen/Specialties')).CitizenSpecialtiesPage }));
const BackOffice = lazy(() => import('./BackOffice'));
// The operations centre's wall screen: signed in by its display token, outside the officers' sign-in.
const WallPage = lazy(async () => ({ default: (await import('./pages/Ioc/Wall')).WallPage }));

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const loading = <p className="centered">{i18n.t('app.loading')}</p>;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/cong-dan" element={<Suspense fallback={loading}><CitizenPage /></Suspense>} />
          <Route path="/cong-dan/nong-nghiep" element={<Suspense fallback={loading}><CitizenAgronomy view="home" /></Suspense>} />
          <Route path="/cong-dan/nong-nghiep/ban-tin/:id" element={<Suspense fallback={loading}><CitizenAgronomy view="bulletin" /></Suspense>} />
          <Route path="/cong-dan/nong-nghiep/huy-nhan" element={<Suspense fallback={loading}><CitizenAgronomy view="unsubscribe" /></Suspense>} />
          <Route path="/cong-dan/dac-san" element={<Suspense fallback={loading}><CitizenSpecialties view="list" /></Suspense>} />
          <Route path="/cong-dan/dac-san/:gtin" element={<Suspense fallback={loading}><CitizenSpecialties view="product" /></Suspense>} />
          <Route path="/ioc/wall" element={<Suspense fallback={loading}><WallPage /></Suspense>} />
          <Route path="*" element={<Suspense fallback={loading}><BackOffice /></Suspense>} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);

// Four installable apps: the citizens', the officers' reporting, the technicians' trap count and the producers' farm
// diary (all open offline).
// Other pages are not cached on shared office machines.
const installable = ['/cong-dan', '/reports', '/agronomy/count', '/traceability/record'].find((scope) => window.location.pathname.startsWith(scope));
const manifests: Record<string, string> = {
  '/reports': '/manifest-reports.webmanifest', '/agronomy/count': '/manifest-count.webmanifest',
  '/traceability/record': '/manifest-record.webmanifest',
};
if (installable) {
  if (manifests[installable]) document.querySelector('link[rel=manifest]')?.setAttribute('href', manifests[installable]);
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js', { scope: installable });
}
