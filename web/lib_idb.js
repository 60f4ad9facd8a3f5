// IndexedDB and tab coordination for app/store/idb_backend_web.cpp (an Emscripten --js-library).
// One database "kvalitetshjul", version 2: object store "documents" (key = document id, value = the
// head record's JSON text; version 1 kept whole documents here, which still read), "items" (key =
// "<document id>/<item id>", value = an item record's JSON text) and "meta" (settings). A batch of
// writes is one transaction with strict durability, committed at once, reporting success on
// `complete` only. One writing tab per origin (Web Locks); every tab hears of the others' writes
// through a BroadcastChannel.
//
// The leaving journal. When a page is closed, navigated away from or discarded, Chromium aborts the
// transactions of its connection that have not completed, explicit commit() notwithstanding; a write
// started in pagehide that waits behind one still in flight (or behind another tab's read) is lost.
// So when the page is hidden or left (KvhIdb.journal, after kvh_flush), every batch not yet complete
// is also put in localStorage (synchronous, and kept when the page is gone), and kept there, batches
// started later included, until all of them are complete. The next tab that holds the writer lock
// writes the journal to IndexedDB before it reads (kvh_idb_load_all): the batches are whole records
// put or deleted in the order they were started, the unfinished tail of this tab's writes, so writing
// them again gives the state after the last one.
mergeInto(LibraryManager.library, {
  $KvhIdb: {
    opening: null,
    db: null, // the open connection, once there is one (writes then start without waiting a task)
    channel: null,
    open: function () {
      if (KvhIdb.opening) return KvhIdb.opening;
      KvhIdb.opening = new Promise(function (resolve, reject) {
        if (typeof indexedDB === 'undefined' || !indexedDB) {
          reject({ name: 'NoIndexedDB', message: 'indexedDB is not available' });
          return;
        }
        var req, settled = false;
        try { req = indexedDB.open('kvalitetshjul', 2); } catch (e) { reject(e); return; }
        // Version 1 had no "items"; its whole-document records move to the new layout when the
        // app first writes them (SaveQueue::loaded), so the upgrade only adds the store.
        req.onupgradeneeded = function () {
          var db = req.result;
          if (!db.objectStoreNames.contains('documents')) db.createObjectStore('documents');
          if (!db.objectStoreNames.contains('items')) db.createObjectStore('items');
          if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
        };
        // Another tab keeps a connection of another version open. The request that waits for
        // it fails now (the save queue retries later and shows why); should the open still
        // succeed once that tab lets go, the connection is closed again (onsuccess) and the next
        // request opens a fresh one.
        req.onblocked = function () {
          settled = true;
          reject({ name: 'Blocked', message: 'blocked by another tab' });
        };
        req.onerror = function () {
          settled = true;
          reject(req.error || { name: 'UnknownError', message: '' });
        };
        req.onsuccess = function () {
          var db = req.result;
          if (settled) { db.close(); return; }
          settled = true;
          // Another tab opens a newer version: close at once so its upgrade is not blocked. The
          // next request of this tab opens again (KvhIdb.open); if the database is then newer
          // than this build, that open fails with VersionError and the user is told why.
          db.onversionchange = function () { db.close(); KvhIdb.opening = null; KvhIdb.db = null; };
          KvhIdb.db = db;
          resolve(db);
        };
      });
      KvhIdb.opening.catch(function () { KvhIdb.opening = null; });
      return KvhIdb.opening;
    },
    // Calls f(ptr, …) with temporary UTF-8 copies of `strings` in wasm memory, freed afterwards.
    // When the memory cannot be had, every pointer is 0: the C side treats that as "out of memory".
    withStrings: function (strings, f) {
      var ptrs = [];
      for (var i = 0; i < strings.length; i++) {
        var n = lengthBytesUTF8(strings[i]) + 1;
        var p = _malloc(n);
        if (!p) break;
        stringToUTF8(strings[i], p, n);
        ptrs.push(p);
      }
      if (ptrs.length < strings.length) {
        ptrs.forEach(function (q) { _free(q); });
        ptrs = strings.map(function () { return 0; });
      }
      try {
        return f.apply(null, ptrs);
      } finally {
        ptrs.forEach(function (q) { if (q) _free(q); });
      }
    },
    done: function (ctx, ok, reason) {
      KvhIdb.withStrings([reason], function (r) { _kvh_idb_done(ctx, ok, r); });
    },
    reason: function (e) {
      if (!e) return 'UnknownError';
      return (e.name || 'Error') + (e.message ? ': ' + e.message : '');
    },
    // Batches being assembled by kvh_idb_batch_*: ctx -> list of operations.
    batches: {},
    // Batches handed to IndexedDB and not complete yet, oldest first: {ops}.
    unfinished: [],
    journaling: false, // the journal in localStorage holds `unfinished`
    writer: false,     // this tab holds the writer lock
    JOURNAL: 'kvalitetshjul-journal',
    apply: function (tx, ops) {
      var stores = { documents: tx.objectStore('documents'), items: tx.objectStore('items') };
      ops.forEach(function (o) {
        if (o.op === 'put') stores[o.store].put(o.value, o.key);
        else if (o.op === 'delete') stores[o.store].delete(o.key);
        else stores[o.store].delete(IDBKeyRange.bound(o.from, o.to, false, true)); // 'deleteRange'
      });
    },
    // Called when the page is hidden or left, after kvh_flush started every pending write.
    journal: function () {
      if (!KvhIdb.unfinished.length) return;
      KvhIdb.journaling = true;
      KvhIdb.saveJournal();
    },
    saveJournal: function () {
      try {
        if (KvhIdb.unfinished.length)
          localStorage.setItem(KvhIdb.JOURNAL, JSON.stringify(KvhIdb.unfinished.map(function (b) { return b.ops; })));
        else
          localStorage.removeItem(KvhIdb.JOURNAL);
      } catch (e) {
        // No localStorage, or too little room (an import in flight): a partial journal could set
        // stored records back, so there is none. The writes themselves go on.
        try { localStorage.removeItem(KvhIdb.JOURNAL); } catch (e2) { /* nothing to remove */ }
        console.warn('Kvalitetshjul: the leaving journal could not be written: ' + KvhIdb.reason(e));
      }
      if (!KvhIdb.unfinished.length) KvhIdb.journaling = false;
    },
    // Before the writer's read: what a tab that is gone may not have written. Resolves either way;
    // a journal that could not be written stays for the next read.
    replay: function (db) {
      var text = null, batches = null;
      try { text = KvhIdb.writer ? localStorage.getItem(KvhIdb.JOURNAL) : null; } catch (e) { /* none */ }
      if (!text) return Promise.resolve();
      try { batches = JSON.parse(text); } catch (e) { batches = null; }
      if (!Array.isArray(batches)) {
        console.warn('Kvalitetshjul: an unreadable leaving journal was set aside');
        try { localStorage.removeItem(KvhIdb.JOURNAL); } catch (e) { /* gone */ }
        return Promise.resolve();
      }
      return new Promise(function (resolve) {
        var tx = db.transaction(['documents', 'items'], 'readwrite', { durability: 'strict' });
        tx.oncomplete = function () {
          try { if (localStorage.getItem(KvhIdb.JOURNAL) === text) localStorage.removeItem(KvhIdb.JOURNAL); } catch (e) { /* gone */ }
          resolve();
        };
        tx.onabort = function () {
          console.warn('Kvalitetshjul: writing the leaving journal failed: ' + KvhIdb.reason(tx.error));
          resolve();
        };
        batches.forEach(function (ops) { KvhIdb.apply(tx, ops); });
        if (tx.commit) tx.commit();
      });
    },
    // With the connection open, the transaction is created, filled and committed before this call
    // returns, not in a later microtask: a write started in pagehide is then with the database even
    // if the page is cut off while its handler still runs (a closing page gets about 500 ms), and
    // transactions keep the order in which the save queue started them.
    // `settled`, if given, is called first when the write completed or failed.
    write: function (storeNames, ctx, action, settled) {
      var answered = false;
      var done = function (ok, reason) {
        if (answered) return;
        answered = true;
        if (settled) settled();
        KvhIdb.done(ctx, ok, reason);
      };
      var run = function (db) {
        var tx = db.transaction(storeNames, 'readwrite', { durability: 'strict' });
        tx.oncomplete = function () { done(1, ''); };
        tx.onabort = function () { done(0, KvhIdb.reason(tx.error)); };
        action(tx);
        // No more requests will follow: commit now rather than when this task ends, so a write
        // started on pagehide is committed even if the page is gone right after.
        if (tx.commit) tx.commit();
      };
      if (KvhIdb.db) {
        try { run(KvhIdb.db); return; } catch (e) {
          // Closed under us (versionchange, or the browser closed it): open anew below.
          if (!e || e.name !== 'InvalidStateError') { done(0, KvhIdb.reason(e)); return; }
          KvhIdb.db = null;
          KvhIdb.opening = null;
        }
      }
      KvhIdb.open().then(run).catch(function (e) { done(0, KvhIdb.reason(e)); });
    },
  },

  // Every head record, and with `withItems` every item record, each with its key, from one snapshot
  // (heads first); then done.
  kvh_idb_load_all__deps: ['$KvhIdb'],
  kvh_idb_load_all: function (ctx, withItems) {
    var stores = withItems ? ['documents', 'items'] : ['documents'];
    KvhIdb.open().then(function (db) {
      return KvhIdb.replay(db).then(function () { return db; });
    }).then(function (db) {
      var tx = db.transaction(stores, 'readonly');
      var reads = stores.map(function (name) {
        var store = tx.objectStore(name);
        return { keys: store.getAllKeys(), values: store.getAll() };
      });
      tx.oncomplete = function () {
        reads.forEach(function (r) {
          for (var i = 0; i < r.values.result.length; i++) {
            var key = r.keys.result[i], text = r.values.result[i];
            KvhIdb.withStrings([typeof key === 'string' ? key : String(key), typeof text === 'string' ? text : ''],
                               function (k, t) { _kvh_idb_record(ctx, k, t); });
          }
        });
        KvhIdb.done(ctx, 1, '');
      };
      tx.onabort = function () { KvhIdb.done(ctx, 0, KvhIdb.reason(tx.error)); };
    }).catch(function (e) { KvhIdb.done(ctx, 0, KvhIdb.reason(e)); });
  },

  // A batch: operations gathered under `ctx`, then written in one transaction by _commit.
  // `items` selects the store: 0 = "documents" (heads), 1 = "items".
  kvh_idb_batch_put__deps: ['$KvhIdb'],
  kvh_idb_batch_put: function (ctx, items, key, value, size) {
    (KvhIdb.batches[ctx] = KvhIdb.batches[ctx] || []).push(
      { op: 'put', store: items ? 'items' : 'documents', key: UTF8ToString(key), value: UTF8ToString(value, size) });
  },
  kvh_idb_batch_delete__deps: ['$KvhIdb'],
  kvh_idb_batch_delete: function (ctx, items, key) {
    (KvhIdb.batches[ctx] = KvhIdb.batches[ctx] || []).push(
      { op: 'delete', store: items ? 'items' : 'documents', key: UTF8ToString(key) });
  },
  // Every item of a document: the keys "<id>/…" sort between "<id>/" and "<id>0" ('0' follows '/').
  kvh_idb_batch_delete_items_of__deps: ['$KvhIdb'],
  kvh_idb_batch_delete_items_of: function (ctx, id) {
    var doc = UTF8ToString(id);
    (KvhIdb.batches[ctx] = KvhIdb.batches[ctx] || []).push({ op: 'deleteRange', store: 'items', from: doc + '/', to: doc + '0' });
  },
  kvh_idb_batch_commit__deps: ['$KvhIdb'],
  kvh_idb_batch_commit: function (ctx) {
    var ops = KvhIdb.batches[ctx] || [];
    delete KvhIdb.batches[ctx];
    var batch = { ops: ops };
    KvhIdb.unfinished.push(batch);
    if (KvhIdb.journaling) KvhIdb.saveJournal();
    KvhIdb.write(['documents', 'items'], ctx, function (tx) { KvhIdb.apply(tx, ops); }, function () {
      // Complete or failed (a failed batch is written again whole by the save queue, later).
      var i = KvhIdb.unfinished.indexOf(batch);
      if (i >= 0) KvhIdb.unfinished.splice(i, 1);
      if (KvhIdb.journaling) KvhIdb.saveJournal();
    });
  },

  kvh_idb_load_settings__deps: ['$KvhIdb'],
  kvh_idb_load_settings: function (ctx) {
    KvhIdb.open().then(function (db) {
      var req = db.transaction('meta', 'readonly').objectStore('meta').get('settings');
      req.onsuccess = function () {
        if (typeof req.result === 'string')
          KvhIdb.withStrings(['settings', req.result], function (k, t) { _kvh_idb_record(ctx, k, t); });
        KvhIdb.done(ctx, 1, '');
      };
      req.onerror = function () { KvhIdb.done(ctx, 0, KvhIdb.reason(req.error)); };
    }).catch(function (e) { KvhIdb.done(ctx, 0, KvhIdb.reason(e)); });
  },

  kvh_idb_save_settings__deps: ['$KvhIdb'],
  kvh_idb_save_settings: function (ctx, json) {
    var value = UTF8ToString(json);
    KvhIdb.write(['meta'], ctx, function (tx) { tx.objectStore('meta').put(value, 'settings'); });
  },

  // Starts hearing of other tabs' writes. Called before the first read of the documents, so that
  // nothing written after that read began can go unheard.
  kvh_idb_listen__deps: ['$KvhIdb'],
  kvh_idb_listen: function () {
    if (KvhIdb.channel || typeof BroadcastChannel === 'undefined') return;
    KvhIdb.channel = new BroadcastChannel('kvalitetshjul');
    KvhIdb.channel.onmessage = function (ev) {
      if (ev.data && ev.data.type === 'written' && typeof ev.data.id === 'string')
        KvhIdb.withStrings([ev.data.id], function (id) { _kvh_idb_remote_write(id); });
    };
  },

  // Answers through kvh_idb_role: 1 when this tab may write, 0 when another tab holds the lock
  // (then 1 again once that tab has closed).
  kvh_idb_claim_writer__deps: ['$KvhIdb'],
  kvh_idb_claim_writer: function () {
    var answered = false;
    var role = function (writer) { answered = true; KvhIdb.writer = !!writer; _kvh_idb_role(writer); };
    var writer = function () { role(1); return new Promise(function () {}); }; // held until the tab closes
    // Without Web Locks (or where they are refused) there is nothing to coordinate with.
    if (!navigator.locks) { role(1); return; }
    navigator.locks.request('kvalitetshjul-writer', { ifAvailable: true }, function (lock) {
      if (lock) return writer();
      role(0);
      // Wait in line: when the writing tab closes, this one takes over.
      navigator.locks.request('kvalitetshjul-writer', writer);
    }).catch(function () { if (!answered) role(1); });
  },

  kvh_idb_announce__deps: ['$KvhIdb'],
  kvh_idb_announce: function (id) {
    if (KvhIdb.channel) KvhIdb.channel.postMessage({ type: 'written', id: UTF8ToString(id) });
  },

  kvh_idb_persist: function () {
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
  },
});
