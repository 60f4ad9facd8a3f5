// The service worker: keeps the app's own files for offline use. Network first (a rebuilt app is
// never hidden behind a stale cache), the cache only when the network fails. It never fetches
// anything but this origin, and leaves other origins' requests alone.
'use strict';

var CACHE = 'kvalitetshjul-v1';
var SHELL = ['./', 'index.html', 'boot.js', 'kvh.js', 'kvh.wasm', 'style.css', 'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request, { cache: 'no-cache' }).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreSearch: true }).then(function (hit) {
      return hit || (request.mode === 'navigate' ? caches.match('index.html') : Response.error());
    });
  }));
});
