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
//
// Big files' buffers are reused. A first copy into a new 17 MB ArrayBuffer costs ~5x a copy into one
// the tab has used before (the fresh pages are faulted in as the bytes land: ~10 ms against ~2 ms for
// a 100k-task version), and every autosave made two such copies on the main thread, the in-memory
// file and the worker's. So the buffers of the versions and schedules this page writes come from a
// small pool: a file written whole from the heap takes one, and it goes back when the file is
// removed or replaced (never while the file is open), or when the worker has put the copy it was
// handed (the worker makes the record's exact-size copy off the main thread). The pool keeps a
// few buffers and lets them all go after half a minute without a save.
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
    // (the buffers the page handed over go back to it, whatever the outcome)
    const said = function (id, err, buffers) {
      postMessage({ id: id, error: err ? { name: err.name || 'Error', message: String(err.message || err) } : null, buffers: buffers || [] }, buffers || []);
    };
    onmessage = function (e) {
      const job = e.data;
      open(job.db, job.version).then(function (db) {
        let answered = false, tx = null;
        const answer = function (err) { if (!answered) { answered = true; said(job.id, err, job.buffers); } };
        try {
          tx = db.transaction(['FILE_DATA'], 'readwrite');
          const store = tx.objectStore('FILE_DATA');
          tx.oncomplete = function () { answer(null); };
          tx.onerror = function (ev) { ev.preventDefault(); answer(tx.error || ev.target.error); };
          tx.onabort = function () { answer(tx.error || new Error('the write was aborted')); };
          if (job.fault) throw new DOMException('injected: ' + job.fault, job.fault);
          // A handed buffer can be longer than its file: the record gets the file's bytes alone.
          job.puts.forEach(function (p) {
            if (p[1].contents && p[1].contents.byteLength !== p[1].contents.buffer.byteLength) p[1].contents = new Uint8Array(p[1].contents);
            store.put(p[1], p[0]);
          });
          job.deletes.forEach(function (key) { store.delete(key); });
        } catch (err) {
          if (tx) try { tx.abort(); } catch (e2) { /* already finished */ }
          answer(err);
        }
      }, function (err) { said(job.id, err, job.buffers); });
    };
  }

  let worker = null, nextId = 1;
  const waiting = {};
  function writer() {
    if (worker) return worker;
    const url = URL.createObjectURL(new Blob(['(' + writerMain.toString() + ')()'], { type: 'text/javascript' }));
    worker = new Worker(url);
    worker.onmessage = function (e) {
      // (the buffers handed to it, back: new objects here, the same memory)
      (e.data.buffers || []).forEach(function (b) { ours.add(b); give(b); });
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

  // ---- the pool of big files' buffers ----
  const kPoolFrom = kWorkerFrom, kPoolKeeps = 4, kPoolForgetMs = 30000;
  const pool = [], ours = new WeakSet();
  let forget = 0;
  // A pooled buffer fits n bytes when it holds them and is not far bigger.
  function fits(b, n) { return b.byteLength >= n && b.byteLength <= n + (n >> 2); }
  // A new pooled buffer, with room for a version a little longer than n bytes.
  function fresh(n) {
    const b = new ArrayBuffer(n + (n >> 4));
    ours.add(b);
    return b;
  }
  // A buffer of at least n bytes: the smallest pooled one that fits, else a new one.
  function take(n) {
    let best = -1;
    for (let i = 0; i < pool.length; ++i) {
      if (fits(pool[i], n) && (best < 0 || pool[i].byteLength < pool[best].byteLength)) best = i;
    }
    return best >= 0 ? pool.splice(best, 1)[0] : fresh(n);
  }
  function give(b) {
    if (!b || !ours.has(b) || b.byteLength === 0 || pool.indexOf(b) >= 0) return; // (0: detached)
    pool.push(b);
    if (pool.length > kPoolKeeps) pool.shift();
    clearTimeout(forget);
    forget = setTimeout(function () { pool.length = 0; }, kPoolForgetMs);
  }
  // An autosave of about n bytes has begun (main.cpp): unless the pool can take its version and the
  // worker's copy of it, buffers for them are readied while it formats, their pages touched a slice at
  // a time between frames, and pooled once ready. (The first save in a tab has nothing pooled yet.)
  const kTouchSlice = 1 << 20;
  let readying = 0;
  Module.plotlineExpectWrite = function (n) {
    if (n < kPoolFrom || readying || typeof Worker === 'undefined') return;
    const ready = pool.filter(function (b) { return fits(b, n); }).length;
    for (let k = ready; k < 2; ++k) {
      const b = fresh(n);
      ++readying;
      const touch = function (at) {
        new Uint8Array(b, at, Math.min(kTouchSlice, b.byteLength - at)).fill(0);
        if (at + kTouchSlice < b.byteLength) return setTimeout(touch, 0, at + kTouchSlice);
        --readying;
        give(b);
      };
      setTimeout(touch, 0, 0);
    }
  };
  // A file gone from its directory hands its buffer back, unless a stream still reads it.
  function release(node) {
    if (!node || !FS.isFile(node.mode) || !node.contents || !ours.has(node.contents.buffer)) return;
    if (FS.streams.some(function (s) { return s && s.node === node; })) return;
    const b = node.contents.buffer;
    node.contents = null;
    node.usedBytes = 0;
    give(b);
  }
  // MEMFS's operations (shared by every MEMFS and IDBFS mount), once the file system exists.
  Module.preRun = (Module.preRun || []).concat([function () {
    if (typeof Worker === 'undefined' || !MEMFS.ops_table) return; // (IDBFS writes whatever it holds: no pool)
    const fileOps = MEMFS.ops_table.file.stream, dirOps = MEMFS.ops_table.dir.node;
    const write = fileOps.write, unlink = dirOps.unlink, rename = dirOps.rename;
    // A big file written whole from the heap (how the app writes every file): into a pooled buffer.
    fileOps.write = function (stream, buffer, offset, length, position) {
      const node = stream.node;
      if (length < kPoolFrom || position !== 0 || node.usedBytes !== 0 || buffer.buffer !== HEAP8.buffer) return write.apply(this, arguments);
      const contents = new Uint8Array(take(length));
      contents.set(new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length));
      node.contents = contents;
      node.usedBytes = length;
      node.timestamp = Date.now();
      return length;
    };
    dirOps.unlink = function (parent, name) {
      const gone = parent.contents[name];
      unlink.apply(this, arguments);
      release(gone);
    };
    dirOps.rename = function (node, dir, name) {
      const replaced = dir.contents[name];
      rename.apply(this, arguments);
      if (replaced !== node) release(replaced);
    };
  }]);

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
        const puts = [], buffers = [];
        try {
          const nodes = changed.map(function (path) { return FS.lookupPath(path).node; });
          let bytes = 0;
          nodes.forEach(function (node) { if (FS.isFile(node.mode)) bytes += node.usedBytes; });
          if (bytes < kWorkerFrom) return IDBFS.reconcile(local, remote, done);
          changed.forEach(function (path, k) {
            const stat = FS.stat(path);
            if (FS.isDir(stat.mode)) return puts.push([path, { timestamp: stat.mtime, mode: stat.mode }]);
            if (!FS.isFile(stat.mode)) throw new Error('node type not supported');
            const data = MEMFS.getFileDataAsTypedArray(nodes[k]);
            const contents = new Uint8Array(take(data.length), 0, data.length); // its own buffer, transferred
            contents.set(data);
            buffers.push(contents.buffer);
            puts.push([path, { timestamp: stat.mtime, mode: stat.mode, contents: contents }]);
          });
        } catch (e) {
          return done(e);
        }
        const id = nextId++;
        waiting[id] = done;
        // (window.plotlineWriteFault: fault injection for the browser tests, e.g. 'QuotaExceededError')
        writer().postMessage({ id: id, db: remote.db.name, version: remote.db.version, puts: puts, deletes: deletes,
                               buffers: buffers, fault: window.plotlineWriteFault || null }, buffers);
      });
    });
  };
})();
