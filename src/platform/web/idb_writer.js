// Persisting a storage area to IndexedDB off the main thread.
//
// An area is an IDBFS mount (main.cpp, js_area): IDBFS reads it at load, and IDBFS.syncfs would also
// write it back, on the main thread. Writing puts each changed file into IndexedDB, and IndexedDB
// serialises the value where put() is called: for the version of a 100k-task plan (~9 MB) that held
// the page's main thread for ~55 ms after every autosave, a dropped frame or three at each save.
//
// Here the page works out what changed exactly as IDBFS.syncfs does (the same entries, the same
// comparison of timestamps, the same records: { timestamp, mode, contents } under the file's path in
// the store FILE_DATA), copies each changed file's bytes out of the in-memory file system (one
// memcpy) and hands them, transferred rather than copied again, to a dedicated worker that puts
// them and deletes what is gone in one readwrite transaction, as IDBFS's own reconcile does. The
// area's next operation waits for the transaction to complete, so versions stay crash-safe and in
// order; a failure (QuotaExceededError on a full disk) comes back as IDBFS's error would. Small
// writes (below kWorkerFrom bytes, as for plans of a few thousand tasks) stay on the page, as IDBFS
// writes them.
//
//   Module.plotlinePersist(mount, done)   // done(error or null)
// (Included into plotline.js with --pre-js; FS, IDBFS and MEMFS are the module's own.)
(function () {
  // The worker: one connection per database, closed when another tab or the page deletes it.
  function writerMain() {
    const dbs = {};
    function open(name, version) {
      if (!dbs[name]) {
        dbs[name] = new Promise(function (resolve, reject) {
          const req = indexedDB.open(name, version);
          req.onupgradeneeded = function () { // (the page made it; as IDBFS makes it, should it be gone)
            const db = req.result;
            const store = db.objectStoreNames.contains('FILE_DATA') ? req.transaction.objectStore('FILE_DATA') : db.createObjectStore('FILE_DATA');
            if (!store.indexNames.contains('timestamp')) store.createIndex('timestamp', 'timestamp', { unique: false });
          };
          req.onsuccess = function () {
            const db = req.result;
            db.onversionchange = function () { db.close(); delete dbs[name]; };
            db.onclose = function () { delete dbs[name]; };
            resolve(db);
          };
          req.onerror = function () { delete dbs[name]; reject(req.error); };
        });
      }
      return dbs[name];
    }
    const said = function (id, err) {
      postMessage({ id: id, error: err ? { name: err.name || 'Error', message: String(err.message || err) } : null });
    };
    onmessage = function (e) {
      const job = e.data;
      open(job.db, job.version).then(function (db) {
        let answered = false, tx = null;
        const answer = function (err) { if (!answered) { answered = true; said(job.id, err); } };
        try {
          tx = db.transaction(['FILE_DATA'], 'readwrite');
          const store = tx.objectStore('FILE_DATA');
          tx.oncomplete = function () { answer(null); };
          tx.onerror = function (ev) { ev.preventDefault(); answer(tx.error || ev.target.error); };
          tx.onabort = function () { answer(tx.error || new Error('the write was aborted')); };
          if (job.fault) throw new DOMException('injected: ' + job.fault, job.fault);
          job.puts.forEach(function (p) { store.put(p[1], p[0]); });
          job.deletes.forEach(function (key) { store.delete(key); });
        } catch (err) {
          if (tx) try { tx.abort(); } catch (e2) { /* already finished */ }
          answer(err);
        }
      }, function (err) { said(job.id, err); });
    };
  }

  let worker = null, nextId = 1;
  const waiting = {};
  function writer() {
    if (worker) return worker;
    const url = URL.createObjectURL(new Blob(['(' + writerMain.toString() + ')()'], { type: 'text/javascript' }));
    worker = new Worker(url);
    worker.onmessage = function (e) {
      const done = waiting[e.data.id];
      delete waiting[e.data.id];
      if (!done) return;
      const err = e.data.error;
      if (!err) return done(null);
      const error = new Error(err.message);
      error.name = err.name;
      done(error);
    };
    worker.onerror = function (e) { // the worker itself failed: every write waiting on it fails with it
      e.preventDefault();
      Object.keys(waiting).forEach(function (id) { const done = waiting[id]; delete waiting[id]; done(new Error(e.message || 'the storage writer stopped')); });
      worker = null;
    };
    return worker;
  }

  // Below this many bytes of changed files, the page writes them itself, as IDBFS does: a worker's
  // round trip would cost more than it saves. (A 10k-task plan's version is ~1 MB.)
  const kWorkerFrom = 256 * 1024;

  Module.plotlinePersist = function (mount, done) {
    if (typeof Worker === 'undefined') return IDBFS.syncfs(mount, false, done); // (no workers here: as IDBFS does it)
    IDBFS.getLocalSet(mount, function (err, local) {
      if (err) return done(err);
      IDBFS.getRemoteSet(mount, function (err2, remote) {
        if (err2) return done(err2);
        // What changed, as IDBFS.reconcile finds it: new or re-stamped entries, and entries gone.
        const changed = Object.keys(local.entries).filter(function (path) {
          const theirs = remote.entries[path];
          return !theirs || local.entries[path].timestamp.getTime() !== theirs.timestamp.getTime();
        }).sort(); // directories before their files
        const deletes = Object.keys(remote.entries).filter(function (path) { return !local.entries[path]; }).sort().reverse();
        if (!changed.length && !deletes.length) return done(null);
        const puts = [], transfer = [];
        try {
          const nodes = changed.map(function (path) { return FS.lookupPath(path).node; });
          let bytes = 0;
          nodes.forEach(function (node) { if (FS.isFile(node.mode)) bytes += node.usedBytes; });
          if (bytes < kWorkerFrom) return IDBFS.reconcile(local, remote, done);
          changed.forEach(function (path, k) {
            const stat = FS.stat(path);
            if (FS.isDir(stat.mode)) return puts.push([path, { timestamp: stat.mtime, mode: stat.mode }]);
            if (!FS.isFile(stat.mode)) throw new Error('node type not supported');
            const contents = MEMFS.getFileDataAsTypedArray(nodes[k]).slice(); // its own buffer, transferred
            transfer.push(contents.buffer);
            puts.push([path, { timestamp: stat.mtime, mode: stat.mode, contents: contents }]);
          });
        } catch (e) {
          return done(e);
        }
        const id = nextId++;
        waiting[id] = done;
        // (window.plotlineWriteFault: fault injection for the browser tests, e.g. 'QuotaExceededError')
        writer().postMessage({ id: id, db: remote.db.name, version: remote.db.version, puts: puts, deletes: deletes,
                               fault: window.plotlineWriteFault || null }, transfer);
      });
    });
  };
})();
