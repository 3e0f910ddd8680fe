// Plotline's service worker: the app shell (page, program, data, icons) of one build, kept in a
// cache named after that build, so the app opens with no network after the first visit.
//
// Versions never mix. A build lists its files with their SHA-256; installing asks the server for
// every one (revalidating what the HTTP cache holds) and refuses the whole build if any is missing
// or differs (a deploy caught half-way), so the version in use stays. A new build waits until the
// page asks for it ("Reload to update"), then takes over all at once and the caches of older builds
// are deleted.
//
// Some files are not part of the first load: the fonts for scripts beyond Latin, fetched the first
// time a name needs one. Each is kept, once fetched and checked, in a cache shared by all builds
// under its SHA-256, so it stays offline across updates while unchanged.
// (scripts/stamp-offline.py writes BUILD, FILES and LAZY into the copy served.)
const BUILD = '__PLOTLINE_BUILD__';
const FILES = __PLOTLINE_FILES__;
const LAZY = __PLOTLINE_LAZY__;
const CACHE = 'plotline-' + BUILD;
const LAZY_CACHE = 'plotline-lazy';

async function sha256(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const fetched = await Promise.all(FILES.map(async ({ path, sha256: expected }) => {
      // Revalidated, not fetched again: a file the page has just fetched and the server still has
      // as it is answers 304 and comes from the HTTP cache (a first visit downloads the app once);
      // one that changed comes whole. The checksum below decides either way.
      const response = await fetch(new Request(path, { cache: 'no-cache' }));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      const body = await response.clone().arrayBuffer();
      if ((await sha256(body)) !== expected) throw new Error(`${path} is not the file of build ${BUILD}`);
      return [path, response];
    }));
    const cache = await caches.open(CACHE);
    await Promise.all(fetched.map(([path, response]) => cache.put(path, response)));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('plotline-') && key !== CACHE && key !== LAZY_CACHE) await caches.delete(key);
    }
    if (await caches.has(LAZY_CACHE)) { // files this build no longer has, or has changed
      const lazy = await caches.open(LAZY_CACHE);
      const keep = new Set(LAZY.map(({ path, sha256: hash }) => new URL(`${path}?${hash}`, self.registration.scope).href));
      for (const request of await lazy.keys()) if (!keep.has(request.url)) await lazy.delete(request);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'plotline-update') self.skipWaiting();
  if (event.data === 'plotline-build' && event.source) event.source.postMessage({ build: BUILD });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  const path = request.mode === 'navigate' ? 'index.html' : url.pathname.slice(scope.pathname.length);
  const lazy = LAZY.find((f) => f.path === path);
  if (lazy) return event.respondWith(lazyFile(lazy, request));
  if (!FILES.some((f) => f.path === path)) return; // not part of the app shell: the network as usual
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(path)) || fetch(request);
  })());
});

// A file fetched when needed: from the shared cache, else from the network (kept when it is the
// build's file). Offline and not yet kept, the fetch fails and the app says so.
async function lazyFile({ path, sha256: expected }, request) {
  const cache = await caches.open(LAZY_CACHE);
  const key = new URL(`${path}?${expected}`, self.registration.scope).href;
  const kept = await cache.match(key);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const body = await response.clone().arrayBuffer();
    if ((await sha256(body)) === expected) await cache.put(key, response.clone());
  }
  return response;
}
