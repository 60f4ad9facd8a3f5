// The service worker: keeps the app's own files for offline use. It never fetches anything but
// this origin, and leaves other origins' requests alone.
//
// The shell (index.html, boot.js, kvh.js, kvh.wasm, …) must come from one build: kvh.js and
// kvh.wasm of different builds do not work together. So it is kept as one set, a cache
// "generation", and served from the newest complete one, never mixed with the network. Every
// start of the app (a navigation) fetches the shell again in the background; when anything in it
// changed, the files go into a new generation, which the next start uses. A rebuilt app is
// therefore seen on the second start after it was put on the server, and a bad connection never
// delays a start. Any other file of this origin: the network first, the cache when the network
// fails or has not answered within 3 seconds.
'use strict';

var GENERATION = 'kvalitetshjul-shell-'; // + the time it was filled
var FILES = 'kvalitetshjul-files';
var SHELL = ['index.html', 'boot.js', 'kvh.js', 'kvh.wasm', 'style.css', 'manifest.webmanifest', 'icon.svg'];
var NETWORK_TIMEOUT_MS = 3000;

var scope = new URL(self.registration.scope);
var shellUrls = SHELL.map(function (path) { return new URL(path, scope).href; });
var indexUrl = shellUrls[0];
var completeUrl = new URL('kvh-generation-complete', scope).href; // written last: the set is whole

// The newest generation that was filled completely, or null.
function liveGeneration() {
  return caches.keys().then(function (keys) {
    var names = keys.filter(function (k) { return k.indexOf(GENERATION) === 0; }).sort(function (a, b) {
      return Number(b.slice(GENERATION.length)) - Number(a.slice(GENERATION.length));
    });
    var next = function (i) {
      if (i >= names.length) return null;
      return caches.open(names[i]).then(function (cache) {
        return cache.match(completeUrl).then(function (hit) { return hit ? { name: names[i], cache: cache } : next(i + 1); });
      });
    };
    return next(0);
  });
}

// Deletes every shell generation but `keep`, and caches of earlier versions of this worker.
function prune(keep) {
  return caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k !== keep && k !== FILES && k.indexOf('kvalitetshjul-') === 0;
    }).map(function (k) { return caches.delete(k); }));
  });
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  var x = new Uint8Array(a), y = new Uint8Array(b);
  for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

// Fetches the whole shell; if it differs from the live generation, stores it as a new one.
// Offline, or with any file missing, the live generation stays as it is.
var updating = null;
function update() {
  if (updating) return updating;
  updating = Promise.all(shellUrls.map(function (url) {
    return fetch(url, { cache: 'no-cache' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      return response.arrayBuffer().then(function (body) {
        return { url: url, body: body, type: response.headers.get('Content-Type') || '' };
      });
    });
  })).then(function (fresh) {
    return liveGeneration().then(function (live) {
      var unchanged = !live ? Promise.resolve(false) : Promise.all(fresh.map(function (f) {
        return live.cache.match(f.url).then(function (hit) {
          return hit ? hit.arrayBuffer().then(function (body) { return sameBytes(body, f.body); }) : false;
        });
      })).then(function (same) { return same.every(Boolean); });
      return unchanged.then(function (isSame) {
        if (isSame) return;
        var name = GENERATION + Date.now();
        return caches.open(name).then(function (cache) {
          return Promise.all(fresh.map(function (f) {
            return cache.put(f.url, new Response(f.body, { headers: { 'Content-Type': f.type } }));
          })).then(function () { return cache.put(completeUrl, new Response('')); });
        }).then(function () { return prune(name); });
      });
    });
  }).catch(function () { /* keep what we have */ }).then(function () { updating = null; });
  return updating;
}

// Settles like `promise`, or rejects after `ms`.
function within(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error('timeout')); }, ms);
    promise.then(function (v) { clearTimeout(timer); resolve(v); }, function (e) { clearTimeout(timer); reject(e); });
  });
}

function fromShell(url, request) {
  return liveGeneration().then(function (live) {
    return live ? live.cache.match(url) : null;
  }).then(function (hit) {
    return hit || fetch(request); // not stored yet (the first start): nothing to fall back to
  });
}

function networkFirst(event) {
  var request = event.request;
  var network = fetch(request, { cache: 'no-cache' });
  event.waitUntil(network.then(function (response) {
    if (!response.ok) return;
    var copy = response.clone();
    return caches.open(FILES).then(function (cache) { return cache.put(request, copy); });
  }).catch(function () { /* nothing to store */ }));
  return within(network, NETWORK_TIMEOUT_MS).catch(function () {
    return caches.match(request, { ignoreSearch: true }).then(function (hit) {
      return hit || network; // nothing stored: keep waiting for the network after all
    }).catch(function () { return Response.error(); });
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(update().then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(liveGeneration().then(function (live) {
    return prune(live ? live.name : '');
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  var plain = url.origin + url.pathname; // the shell is the same whatever the query
  if (request.mode === 'navigate' && (plain === scope.href || plain === indexUrl)) {
    event.respondWith(fromShell(indexUrl, request));
    event.waitUntil(update());
  } else if (shellUrls.indexOf(plain) >= 0) {
    event.respondWith(fromShell(plain, request));
  } else {
    event.respondWith(networkFirst(event));
  }
});
