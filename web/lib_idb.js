// IndexedDB and tab coordination for app/store/idb_backend_web.cpp (an Emscripten --js-library).
// One database "kvalitetshjul": object store "documents" (key = document id, value = its JSON text)
// and "meta" (settings). Writes use strict durability and report success on `complete` only.
// One writing tab per origin (Web Locks); the others hear of writes through a BroadcastChannel.
mergeInto(LibraryManager.library, {
  $KvhIdb: {
    opening: null,
    channel: null,
    open: function () {
      if (KvhIdb.opening) return KvhIdb.opening;
      KvhIdb.opening = new Promise(function (resolve, reject) {
        if (typeof indexedDB === 'undefined' || !indexedDB) {
          reject({ name: 'NoIndexedDB', message: 'indexedDB is not available' });
          return;
        }
        var req;
        try { req = indexedDB.open('kvalitetshjul', 1); } catch (e) { reject(e); return; }
        req.onupgradeneeded = function () {
          var db = req.result;
          if (!db.objectStoreNames.contains('documents')) db.createObjectStore('documents');
          if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
        };
        req.onblocked = function () { reject({ name: 'Blocked', message: 'blocked by another tab' }); };
        req.onerror = function () { reject(req.error || { name: 'UnknownError', message: '' }); };
        req.onsuccess = function () {
          var db = req.result;
          // A newer version opened elsewhere: let it upgrade; this tab reopens on its next write.
          db.onversionchange = function () { db.close(); KvhIdb.opening = null; };
          resolve(db);
        };
      });
      KvhIdb.opening.catch(function () { KvhIdb.opening = null; });
      return KvhIdb.opening;
    },
    // Calls a C function (ctx, ok, const char*) with a temporary UTF-8 copy of `text`.
    callStr: function (fn, ctx, ok, text) {
      var n = lengthBytesUTF8(text) + 1;
      var p = _malloc(n);
      stringToUTF8(text, p, n);
      fn(ctx, ok, p);
      _free(p);
    },
    reason: function (e) {
      if (!e) return 'UnknownError';
      return (e.name || 'Error') + (e.message ? ': ' + e.message : '');
    },
    write: function (storeName, ctx, action) {
      KvhIdb.open().then(function (db) {
        var tx = db.transaction(storeName, 'readwrite', { durability: 'strict' });
        action(tx.objectStore(storeName));
        tx.oncomplete = function () { KvhIdb.callStr(_kvh_idb_done, ctx, 1, ''); };
        tx.onabort = function () { KvhIdb.callStr(_kvh_idb_done, ctx, 0, KvhIdb.reason(tx.error)); };
      }).catch(function (e) { KvhIdb.callStr(_kvh_idb_done, ctx, 0, KvhIdb.reason(e)); });
    },
  },

  kvh_idb_load_all__deps: ['$KvhIdb'],
  kvh_idb_load_all: function (ctx) {
    KvhIdb.open().then(function (db) {
      var req = db.transaction('documents', 'readonly').objectStore('documents').getAll();
      req.onsuccess = function () {
        req.result.forEach(function (text) {
          if (typeof text === 'string') KvhIdb.callStr(_kvh_idb_record, ctx, 1, text);
        });
        KvhIdb.callStr(_kvh_idb_done, ctx, 1, '');
      };
      req.onerror = function () { KvhIdb.callStr(_kvh_idb_done, ctx, 0, KvhIdb.reason(req.error)); };
    }).catch(function (e) { KvhIdb.callStr(_kvh_idb_done, ctx, 0, KvhIdb.reason(e)); });
  },

  kvh_idb_put__deps: ['$KvhIdb'],
  kvh_idb_put: function (ctx, id, json) {
    var key = UTF8ToString(id), value = UTF8ToString(json);
    KvhIdb.write('documents', ctx, function (store) { store.put(value, key); });
  },

  kvh_idb_remove__deps: ['$KvhIdb'],
  kvh_idb_remove: function (ctx, id) {
    var key = UTF8ToString(id);
    KvhIdb.write('documents', ctx, function (store) { store.delete(key); });
  },

  kvh_idb_load_settings__deps: ['$KvhIdb'],
  kvh_idb_load_settings: function (ctx) {
    KvhIdb.open().then(function (db) {
      var req = db.transaction('meta', 'readonly').objectStore('meta').get('settings');
      req.onsuccess = function () {
        KvhIdb.callStr(_kvh_idb_record, ctx, 1, typeof req.result === 'string' ? req.result : '');
        KvhIdb.callStr(_kvh_idb_done, ctx, 1, '');
      };
      req.onerror = function () { KvhIdb.callStr(_kvh_idb_done, ctx, 0, KvhIdb.reason(req.error)); };
    }).catch(function (e) { KvhIdb.callStr(_kvh_idb_done, ctx, 0, KvhIdb.reason(e)); });
  },

  kvh_idb_save_settings__deps: ['$KvhIdb'],
  kvh_idb_save_settings: function (ctx, json) {
    var value = UTF8ToString(json);
    KvhIdb.write('meta', ctx, function (store) { store.put(value, 'settings'); });
  },

  kvh_idb_claim_writer__deps: ['$KvhIdb'],
  kvh_idb_claim_writer: function () {
    if (typeof BroadcastChannel !== 'undefined') {
      KvhIdb.channel = new BroadcastChannel('kvalitetshjul');
      KvhIdb.channel.onmessage = function (ev) {
        if (ev.data && ev.data.type === 'written' && typeof ev.data.id === 'string')
          KvhIdb.callStr(_kvh_idb_remote_write, 0, 1, ev.data.id);
      };
    }
    if (!navigator.locks) { _kvh_idb_role(1); return; } // no Web Locks: nothing to coordinate with
    var forever = function () { return new Promise(function () {}); };
    navigator.locks.request('kvalitetshjul-writer', { ifAvailable: true }, function (lock) {
      if (lock) { _kvh_idb_role(1); return forever(); }
      _kvh_idb_role(0);
      // Wait in line: when the writing tab closes, this one takes over.
      navigator.locks.request('kvalitetshjul-writer', function () { _kvh_idb_role(1); return forever(); });
    });
  },

  kvh_idb_announce__deps: ['$KvhIdb'],
  kvh_idb_announce: function (id) {
    if (KvhIdb.channel) KvhIdb.channel.postMessage({ type: 'written', id: UTF8ToString(id) });
  },

  kvh_idb_persist: function () {
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
  },
});
