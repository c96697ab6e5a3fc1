// The service worker of the four installable apps: the citizens' (scope /cong-dan), the officers' reporting app
// (scope /reports), the technicians' light-trap count form (scope /agronomy/count) and the producers' farm diary
// (scope /traceability/record). Each opens without a connection; the reference data and pages they need are kept from the last
// visit. Nothing is written here: a report or a form edited offline waits in the page's storage and is sent when the
// connection returns.
const scope = new URL(self.registration.scope).pathname.replace(/\/$/, '');
const APPS = {
  '/cong-dan': { shell: '/cong-dan', api: ['/api/public/feedback/categories', '/api/public/feedback/places', '/api/public/feedback/map'] },
  '/reports': { shell: '/reports', api: ['/api/auth/me', '/api/meta', '/api/reporting/due', '/api/reporting/regimes', '/api/notifications'], prefixes: ['/api/reporting/reports/'] },
  '/agronomy/count': { shell: '/agronomy/count', api: ['/api/auth/me', '/api/meta', '/api/notifications', '/api/agronomy/species', '/api/agronomy/traps/map'] },
  // The producers' farm diary: their lots and places come from these reads, also kept by the page itself.
  '/traceability/record': {
    shell: '/traceability/record', api: ['/api/auth/me', '/api/meta', '/api/notifications', '/api/traceability/products'],
    prefixes: ['/api/traceability/products/', '/api/traceability/producers/'],
  },
};
const app = APPS[scope] ?? APPS['/cong-dan'];
const CACHE = `tinhso${scope.replace(/\//g, '-')}-v2`;

/**
 * The app's code comes in chunks, each page's fetched when it first opens: the build lists those each app needs
 * offline (offline-assets.json, written by scripts/build-web.mjs), and they are kept at install, so a page never
 * opened while online still opens without a connection.
 */
async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll([app.shell, '/manifest.webmanifest', '/icons/icon-192.png']);
  const listed = await fetch('/offline-assets.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  // A scope the build does not list yet is in the back office's code, like the reporting app: every chunk.
  const assets = listed[scope] ?? listed['/reports'] ?? [];
  const missing = [];
  for (const url of assets) if (!(await cache.match(url))) missing.push(url);
  await cache.addAll(missing);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith(`tinhso${scope.replace(/\//g, '-')}`) && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

async function networkFirst(request, fallbackKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackKey ?? request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(fallbackKey ?? request);
    if (cached) return cached;
    throw err;
  }
}

/**
 * The app's page from the cache at once when it is there, refreshed from the network behind it for the next visit: on a
 * slow phone a warm start does not wait a round trip for a page it already has (the files it names are kept too).
 */
async function staleWhileRevalidate(event, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  const fresh = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  if (!cached) return fresh;
  event.waitUntil(fresh.catch(() => undefined));
  return cached;
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (event.request.mode === 'navigate') event.respondWith(staleWhileRevalidate(event, app.shell));
  else if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/')) event.respondWith(cacheFirst(event.request));
  else if (app.api.includes(url.pathname) || (app.prefixes ?? []).some((p) => url.pathname.startsWith(p) && !url.pathname.endsWith('/xlsx'))) event.respondWith(networkFirst(event.request));
});
