import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Capability } from './api/auth';

/** A page's code, fetched the first time the page opens: a phone downloads only the pages it visits. */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: await load() }));
}

const Home = lazyPage(() => import('./pages/Home').then((m) => m.HomePage));
const Ioc = lazyPage(() => import('./pages/Ioc').then((m) => m.IocPage));
const IocAlerts = lazyPage(() => import('./pages/Ioc/AlertsPage').then((m) => m.AlertsPage));
const IocAlert = lazyPage(() => import('./pages/Ioc/AlertDetail').then((m) => m.AlertDetailPage));
const IocMap = lazyPage(() => import('./pages/Ioc/Map').then((m) => m.IocMapPage));
const IocBriefings = lazyPage(() => import('./pages/Ioc/Briefings').then((m) => m.BriefingsPage));
const IocFields = lazyPage(() => import('./pages/Ioc/Fields').then((m) => m.IocFieldsPage));
const IocRules = lazyPage(() => import('./pages/Ioc/Rules').then((m) => m.IocRulesPage));
const IocAlertTypes = lazyPage(() => import('./pages/Ioc/AlertTypes').then((m) => m.IocAlertTypesPage));
const Devices = lazyPage(() => import('./pages/Devices').then((m) => m.DevicesPage));
const Device = lazyPage(() => import('./pages/Devices/DevicePage').then((m) => m.DevicePage));
const Agronomy = lazyPage(() => import('./pages/Agronomy').then((m) => m.AgronomyPage));
const AgroTrap = lazyPage(() => import('./pages/Agronomy/TrapPage').then((m) => m.TrapPage));
const AgroCommune = lazyPage(() => import('./pages/Agronomy/TrapPage').then((m) => m.CommunePage));
const AgroSalinity = lazyPage(() => import('./pages/Agronomy/SalinityPage').then((m) => m.SalinityPage));
const AgroBulletins = lazyPage(() => import('./pages/Agronomy/BulletinsPage').then((m) => m.BulletinsPage));
const AgroCount = lazyPage(() => import('./pages/Agronomy/CountForm').then((m) => m.CountForm));
const Units = lazyPage(() => import('./pages/Units').then((m) => m.UnitsPage));
const Scorecard = lazyPage(() => import('./pages/Scorecard').then((m) => m.ScorecardPage));
const DataEntry = lazyPage(() => import('./pages/DataEntry').then((m) => m.DataEntryPage));
const Exchange = lazyPage(() => import('./pages/Exchange').then((m) => m.ExchangePage));
const Metadata = lazyPage(() => import('./pages/Metadata').then((m) => m.MetadataPage));
const ReportsDue = lazyPage(() => import('./pages/Reports').then((m) => m.ReportsDuePage));
const ReportQueue = lazyPage(() => import('./pages/Reports').then((m) => m.ReportQueuePage));
const Report = lazyPage(() => import('./pages/Reports').then((m) => m.ReportPage));
const Completeness = lazyPage(() => import('./pages/ReportCompleteness').then((m) => m.ReportCompletenessPage));
const Regimes = lazyPage(() => import('./pages/ReportRegimes').then((m) => m.ReportRegimesPage));
const Feedback = lazyPage(() => import('./pages/Feedback').then((m) => m.FeedbackPage));
const FeedbackSettings = lazyPage(() => import('./pages/FeedbackSettings').then((m) => m.FeedbackSettingsPage));
const Users = lazyPage(() => import('./pages/Users').then((m) => m.UsersPage));
const Tokens = lazyPage(() => import('./pages/Tokens').then((m) => m.TokensPage));
const Connectors = lazyPage(() => import('./pages/Connectors').then((m) => m.ConnectorsPage));
const Audit = lazyPage(() => import('./pages/Audit').then((m) => m.AuditPage));
const Account = lazyPage(() => import('./pages/Account').then((m) => m.AccountPage));
const TraceProducers = lazyPage(() => import('./pages/Traceability').then((m) => m.ProducersPage));
const TraceProducer = lazyPage(() => import('./pages/Traceability/ProducerPage').then((m) => m.ProducerPage));
const TraceProducts = lazyPage(() => import('./pages/Traceability/ProductPage').then((m) => m.ProductsPage));
const TraceProduct = lazyPage(() => import('./pages/Traceability/ProductPage').then((m) => m.ProductPage));
const TraceLot = lazyPage(() => import('./pages/Traceability/LotPage').then((m) => m.LotPage));
const TraceRecord = lazyPage(() => import('./pages/Traceability/RecordForm').then((m) => m.RecordForm));

export type MenuSection = 'top' | 'modules' | 'admin';

export interface AppRoute {
  path: string;
  element: ReactNode;
  /**
   * The capability the page needs (see GET /api/auth/me): without it the menu leaves the page out and its address
   * shows "no permission". A page anyone signed in may open needs none.
   */
  needs?: Capability;
  /** Its menu item, in the order of this table: the translation key of its label and the section it sits in. */
  menu?: { label: string; section: MenuSection };
  /**
   * A page a producer's account may open. Producers (role `producer`) are outsiders to the back office: they are
   * offered these pages only, whatever else needs no capability.
   */
  producer?: true;
}

/** Whether the page is offered to the user: the capability it needs, and, for a producer's account, its flag. */
export const offered = (route: AppRoute, can: (c: Capability) => boolean, role: string | undefined) =>
  (!route.needs || can(route.needs)) && (role !== 'producer' || route.producer === true);

/** The back office's pages: the route table and the menu are both drawn from it. Add a page here, once. */
export const ROUTES: AppRoute[] = [
  { path: '/', element: <Home />, menu: { label: 'nav.home', section: 'top' } },
  { path: '/units', element: <Units />, menu: { label: 'nav.units', section: 'top' } },
  { path: '/ioc', element: <Ioc />, menu: { label: 'nav.ioc', section: 'modules' } },
  { path: '/ioc/alerts', element: <IocAlerts /> },
  { path: '/ioc/alerts/:id', element: <IocAlert /> },
  { path: '/ioc/map', element: <IocMap /> },
  { path: '/ioc/briefings', element: <IocBriefings />, menu: { label: 'nav.iocBriefings', section: 'modules' } },
  { path: '/ioc/briefings/:id', element: <IocBriefings /> },
  { path: '/ioc/fields', element: <IocFields />, needs: 'ioc.configure', menu: { label: 'nav.iocFields', section: 'modules' } },
  { path: '/ioc/rules', element: <IocRules />, needs: 'ioc.configure', menu: { label: 'nav.iocRules', section: 'modules' } },
  { path: '/ioc/alert-types', element: <IocAlertTypes />, needs: 'ioc.configure', menu: { label: 'nav.iocTypes', section: 'modules' } },
  { path: '/devices', element: <Devices />, menu: { label: 'nav.devices', section: 'modules' } },
  { path: '/devices/:id', element: <Device /> },
  { path: '/agronomy', element: <Agronomy />, menu: { label: 'nav.agronomy', section: 'modules' } },
  { path: '/agronomy/traps/:id', element: <AgroTrap /> },
  { path: '/agronomy/communes/:unitId', element: <AgroCommune /> },
  { path: '/agronomy/salinity', element: <AgroSalinity /> },
  { path: '/agronomy/bulletins', element: <AgroBulletins /> },
  { path: '/agronomy/count', element: <AgroCount /> },
  { path: '/scorecard', element: <Scorecard key="nq07" framework="NQ07" />, menu: { label: 'nav.scorecard', section: 'modules' } },
  { path: '/dti', element: <Scorecard key="dti" framework="DTI" />, menu: { label: 'nav.dti', section: 'modules' } },
  { path: '/data-entry', element: <DataEntry />, needs: 'data.enter', menu: { label: 'nav.entry', section: 'modules' } },
  { path: '/exchange', element: <Exchange />, menu: { label: 'nav.exchange', section: 'modules' } },
  { path: '/metadata', element: <Metadata />, needs: 'metadata.edit', menu: { label: 'nav.metadata', section: 'modules' } },
  { path: '/reports', element: <ReportsDue />, menu: { label: 'nav.reportsDue', section: 'modules' } },
  { path: '/reports/queue', element: <ReportQueue />, needs: 'reports.review', menu: { label: 'nav.reportsQueue', section: 'modules' } },
  { path: '/reports/completeness', element: <Completeness />, menu: { label: 'nav.reportsCompleteness', section: 'modules' } },
  { path: '/reports/regimes', element: <Regimes />, needs: 'reports.configure', menu: { label: 'nav.reportsRegimes', section: 'modules' } },
  { path: '/reports/:id', element: <Report /> },
  { path: '/feedback', element: <Feedback />, menu: { label: 'nav.feedback', section: 'modules' } },
  { path: '/feedback/settings', element: <FeedbackSettings />, needs: 'feedback.settings', menu: { label: 'nav.feedbackSettings', section: 'modules' } },
  { path: '/traceability', element: <TraceProducers />, needs: 'trace.read', producer: true, menu: { label: 'nav.traceability', section: 'modules' } },
  { path: '/traceability/products', element: <TraceProducts />, needs: 'trace.read', producer: true, menu: { label: 'nav.traceProducts', section: 'modules' } },
  { path: '/traceability/producers/:id', element: <TraceProducer />, needs: 'trace.read', producer: true },
  { path: '/traceability/products/:id', element: <TraceProduct />, needs: 'trace.read', producer: true },
  { path: '/traceability/lots/:id', element: <TraceLot />, needs: 'trace.read', producer: true },
  { path: '/traceability/record', element: <TraceRecord />, needs: 'trace.capture', producer: true, menu: { label: 'nav.traceRecord', section: 'modules' } },
  { path: '/users', element: <Users />, menu: { label: 'nav.users', section: 'admin' } },
  { path: '/tokens', element: <Tokens />, needs: 'tokens.manage', menu: { label: 'nav.tokens', section: 'admin' } },
  { path: '/connectors', element: <Connectors />, needs: 'connectors.manage', menu: { label: 'nav.connectors', section: 'admin' } },
  { path: '/audit', element: <Audit />, needs: 'audit.read', menu: { label: 'nav.audit', section: 'admin' } },
  { path: '/account', element: <Account />, producer: true, menu: { label: 'nav.account', section: 'admin' } },
];
