import fs from 'node:fs';
import type { Page } from 'playwright-core';

// The pages the 360 px sweep (e2e-phone-width.test.ts) visits, and what it measures on each.
export const WIDTH = 360;

const ROUTER = fs.readFileSync(new URL('../web/src/main.tsx', import.meta.url), 'utf8');
const ROUTE_TABLE = fs.readFileSync(new URL('../web/src/routes.tsx', import.meta.url), 'utf8');
/**
 * The app's paths: the top-level routes of web/src/main.tsx (the citizen app, the wall) and the back office's route
 * table in web/src/routes.tsx, read from their sources so that a new route cannot escape the test.
 */
export const routerPaths = () => [
  ...[...ROUTER.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]!).filter((p) => p !== '*'),
  ...[...ROUTE_TABLE.matchAll(/\{ path: '([^']+)'/g)].map((m) => m[1]!),
];
/** The capabilities only an administrator holds; the pages that need one are shown to the administrator alone. */
const ADMIN_CAPABILITIES = ['tokens.manage', 'connectors.manage', 'ioc.configure', 'audit.read', 'metadata.edit', 'reports.configure'];
export const adminOnly = new Set([...ROUTE_TABLE.matchAll(/\{ path: '([^']+)'[^\n]*needs: '([^']+)'/g)].filter((m) => ADMIN_CAPABILITIES.includes(m[2]!)).map((m) => m[1]!));

/** Each route and the address visited for it; a route's parameters are filled with a record that exists. */
export const routeUrls = (reportId: number, caseCode: string, alertId = 1, briefingId = 1, deviceId = 1): Record<string, string[]> => ({
  '/cong-dan': ['/cong-dan'],
  '/ioc/wall': ['/ioc/wall'],
  '/cong-dan/nong-nghiep': ['/cong-dan/nong-nghiep'],
  '/cong-dan/nong-nghiep/ban-tin/:id': ['/cong-dan/nong-nghiep/ban-tin/1'],
  '/cong-dan/nong-nghiep/huy-nhan': ['/cong-dan/nong-nghiep/huy-nhan?token=aaaaaaaaaaaaaaaaaaaa'],
  '/cong-dan/dac-san': ['/cong-dan/dac-san'],
  '/cong-dan/dac-san/:gtin': ['/cong-dan/dac-san/08936094000010'],
  '/': ['/'],
  '/ioc': ['/ioc'],
  '/ioc/alerts': ['/ioc/alerts'],
  '/ioc/alerts/:id': [`/ioc/alerts/${alertId}`],
  '/ioc/map': ['/ioc/map'],
  '/ioc/briefings': ['/ioc/briefings'],
  '/ioc/briefings/:id': [`/ioc/briefings/${briefingId}`],
  '/ioc/fields': ['/ioc/fields'], '/ioc/rules': ['/ioc/rules'], '/ioc/alert-types': ['/ioc/alert-types'],
  '/devices': ['/devices'],
  '/devices/:id': [`/devices/${deviceId}`],
  '/agronomy': ['/agronomy'],
  '/agronomy/traps/:id': [`/agronomy/traps/${deviceId}`],
  '/agronomy/communes/:unitId': ['/agronomy/communes/1'],
  '/agronomy/salinity': ['/agronomy/salinity'],
  '/agronomy/bulletins': ['/agronomy/bulletins'],
  '/agronomy/count': ['/agronomy/count'],
  '/traceability': ['/traceability'],
  '/traceability/products': ['/traceability/products'],
  '/traceability/producers/:id': ['/traceability/producers/1'],
  '/traceability/products/:id': ['/traceability/products/1'],
  '/traceability/lots/:id': ['/traceability/lots/1'],
  '/traceability/record': ['/traceability/record'],
  '/units': ['/units'],
  '/scorecard': ['/scorecard'],
  '/dti': ['/dti'],
  '/data-entry': ['/data-entry'],
  '/exchange': ['/exchange'],
  '/reports': ['/reports'],
  '/reports/queue': ['/reports/queue'],
  '/reports/completeness': ['/reports/completeness'],
  '/reports/regimes': ['/reports/regimes'],
  '/reports/:id': [`/reports/${reportId}`],
  // The inbox, and the inbox with a case open beside it.
  '/feedback': ['/feedback', `/feedback?ma=${caseCode}`],
  '/feedback/settings': ['/feedback/settings'],
  '/users': ['/users'],
  '/account': ['/account'],
  '/audit': ['/audit'],
  '/tokens': ['/tokens'],
  '/connectors': ['/connectors'],
  // The catalogue's three tabs, and an indicator open in the editor with its targets.
  '/metadata': ['/metadata', '/metadata?tab=indicators&indicator=NQ07_REPORT_REGIMES', '/metadata?tab=elements', '/metadata?tab=combos'],
});

/** How wide the page is and what sticks out of the viewport (to say what to fix), its <h1>s, the menu items lit. */
export async function measure(page: Page): Promise<{ width: number; culprits: string[]; headings: number; lit: number; shown: number }> {
  return page.evaluate((limit) => {
    const width = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (width > limit) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right <= limit + 0.5 || r.width === 0) continue;
        // Only the outermost element that sticks out, unless it is the inside of a scrolling container.
        const parent = el.parentElement;
        if (parent && parent.getBoundingClientRect().right > limit + 0.5) continue;
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        culprits.push(`${el.tagName.toLowerCase()}${cls}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} → ${Math.round(r.right)}px`);
        if (culprits.length >= 6) break;
      }
    }
    // The page's own item is lit where the reader's menu lists it (an officer's menu has no review queue, say).
    const shown = Array.from(document.querySelectorAll<HTMLAnchorElement>('.sidebar a')).some((a) => a.pathname === window.location.pathname) ? 1 : 0;
    return { width, culprits, headings: document.querySelectorAll('h1').length, lit: document.querySelectorAll('.sidebar a.active, .sidebar [aria-current="page"]').length, shown };
  }, WIDTH);
}

