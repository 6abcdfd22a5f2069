// register-sw.js — registers the site's service worker (dist/sw.js, at the
// site's root) where the browser has them. Added to every page by make dist;
// web/ in development has none.
if ('serviceWorker' in navigator) {
  const root = new URL('../', import.meta.url);
  navigator.serviceWorker.register(new URL('sw.js', root), { type: 'module', scope: root.pathname })
    .catch((err) => console.warn(`http-status-explorer: no offline copy (${err.message})`));
  // Once a worker serves this page, it keeps every code page for offline use.
  navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage('keep-pages'));
}
