// window.plotline: a small JS API over the running app, for automation and browser tests.
// It reads; it never changes the plan by itself.
//
//   await plotline.ready;          // resolves once the plan is loaded and the first frame is drawn
//   plotline.readyAt               // performance.now() at that moment (ms since navigation start)
//   plotline.state()               // the open project, as Plotline JSON (an object)
//   plotline.widgets()             // { "task.name.3": {x, y, w, h}, ... } named widgets of the last frame,
//                                  // in CSS pixels relative to the canvas
//   plotline.status()              // { ready, save: "Saved"|"Unsaved changes"|"Saving…"|"Not saved",
//                                  //   saveError, message, dialog, revision, canUndo, canRedo,
//                                  //   pixelsPerDay, selected (row or -1), editor (task editor open), tasks,
//                                  //   selectedTask: { name, start, finish, constraint } when a row is selected }
//   plotline.frameStats()          // { frameMs: [CPU ms of each frame drawn since the last call], uiMs: [of it,
//                                  //   building the UI], a11yMs: [of it, the accessibility mirror: built and
//                                  //   rendered into the page], vertices, indices (of the last frame),
//                                  //   drawn: frames that reached the canvas so far (one showing the same
//                                  //   picture as the last is not drawn) }
//   plotline.a11yBuilds()          // how often the accessibility mirror was rendered into the page
//   plotline.memory()              // { heap: bytes of wasm memory, used: bytes malloc has handed out }
//   (before the runtime has started, status() is { ready: false } and the other readers null)
//   plotline.saveNow()             // saves what is typed so far; resolves once it is stored (or after 10 s)
//   plotline.build                 // the build id of the page (index.html's plotline-build), for updates
// (Included into plotline.js with --pre-js.)
(function () {
  let resolveReady;
  const ready = new Promise(function (resolve) { resolveReady = resolve; });
  // Milestones of start-up, for the first-frame benchmark (performance.getEntriesByType('mark')).
  Module.preRun = (Module.preRun || []).concat([function () { performance.mark('plotline:runtime'); }]);
  Module.onPlotlineReady = function () {
    performance.mark('plotline:first-frame');
    window.plotline.readyAt = performance.now();
    resolveReady();
  };

  // Holds the program's start (main()) until a promise index.html began settles, at most 5 s: a run
  // dependency added in preRun (run() looks again after preRun). then(value) runs first; the value is
  // null after a failure or the wait.
  Module.plotlineHoldStart = function (name, promise, then) {
    Module.preRun = (Module.preRun || []).concat([function () {
      let done = false;
      const go = function (value) {
        if (done) return;
        done = true;
        try { then(value); } finally { removeRunDependency(name); }
      };
      addRunDependency(name);
      promise.then(go, function () { go(null); });
      setTimeout(function () { go(null); }, 5000);
    }]);
  };
  // The language's texts (plotlineEarlyFiles): the first frame is in the language, not English first.
  Object.keys(window.plotlineEarlyFiles || {}).forEach(function (path) {
    Module.plotlineHoldStart('plotline-early-' + path, window.plotlineEarlyFiles[path], function () {});
  });

  // The page read the areas start-up needs (the library, and the project it opened last) from
  // IndexedDB while the program downloaded (index.html): the first load of each area takes those
  // entries instead of reading again (js_area in main.cpp). Later loads of an area (opening the
  // project once its lock is held) compare with IndexedDB as usual, so a version another tab saved
  // meanwhile is still found. The project's id also goes to the app, which starts loading that area
  // beside the list (plotline_prefetch).
  Module.plotlineEarly = window.plotlineEarly || {}; // "/<area>" -> Promise of { path: IDBFS entry } or null
  if (window.plotlineEarlyProject)
    window.plotlineEarlyProject.then(function (id) {
      if (!id) return;
      try {
        if (Module.calledRun) callWithStrings(Module._plotline_prefetch, [id]);
        else Module.postRun = (Module.postRun || []).concat([function () { callWithStrings(Module._plotline_prefetch, [id]); }]);
      } catch (e) { /* only a head start: opening reads the project anyway */ }
    });

  function takeJson(ptr) {
    const text = UTF8ToString(ptr);
    Module._free(ptr);
    return JSON.parse(text);
  }

  function callWithStrings(fn, strings) {
    const ptrs = strings.map(function (s) {
      const n = lengthBytesUTF8(s) + 1;
      const p = Module._malloc(n);
      stringToUTF8(s, p, n);
      return p;
    });
    try { fn.apply(null, ptrs); } finally { ptrs.forEach(function (p) { Module._free(p); }); }
  }

  // The answer to asynchronous byte work the app asked for (codec work, a font fetch): the bytes go
  // into the heap (the app frees them) through plotline_codec_done(token, bytes, length, error).
  Module.plotlineBytesDone = function (token, bytes, error) {
    const n = bytes ? bytes.length : 0;
    const p = Module._malloc(n + 1);
    if (n) HEAPU8.set(bytes, p);
    Module.ccall('plotline_codec_done', null, ['number', 'number', 'number', 'string'], [token, p, n, error]);
  };

  // The file picker (and a drop) hands the chosen file here. Its bytes go into the heap as they are:
  // no JavaScript string of the whole file, no conversion (a 45 MB plan took ~0.2 s and 90 MB more).
  Module.plotlineImport = function (file) {
    const give = function (bytes) {
      const at = Module._malloc(bytes.length + 1);
      if (!at) return give(new Uint8Array(0)); // (the app says what it could not read)
      HEAPU8.set(bytes, at);
      try { callWithStrings(function (name) { Module._plotline_import_file(name, at, bytes.length); }, [file.name]); }
      finally { Module._free(at); }
    };
    file.arrayBuffer().then(function (buffer) { give(new Uint8Array(buffer)); }, function (err) {
      give(new Uint8Array(0));
      console.warn('Plotline: could not read ' + file.name + ': ' + err);
    });
  };

  // The system clipboard: Ctrl+C copies the selected rows as tab-separated text (spreadsheets
  // read it), Ctrl+V pastes rows from a spreadsheet or from Plotline. Browsers hand clipboard data
  // only to these events, so the app is asked for its text here rather than reading the clipboard.
  // SDL cancels every Ctrl key press, which would stop the browser from copying and pasting: take
  // Ctrl+C / Ctrl+X / Ctrl+V first (a text field being edited keeps Ctrl+C and Ctrl+X for itself).
  window.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey) || !Module.calledRun) return;
    const k = e.key.toLowerCase();
    if (k === 'v' || ((k === 'c' || k === 'x') && !Module._plotline_text_input_active())) e.stopImmediatePropagation();
  }, true);
  document.addEventListener('copy', function (e) {
    if (!Module.calledRun) return;
    const ptr = Module._plotline_copy_text();
    const text = UTF8ToString(ptr);
    Module._free(ptr);
    if (!text) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  });
  document.addEventListener('paste', function (e) {
    if (!Module.calledRun || !e.clipboardData) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    callWithStrings(Module._plotline_paste_text, [text]);
    if (Module.plotlineWake) Module.plotlineWake();
  });

  // Text that comes without key presses: an input method's (Japanese, Chinese, Korean…), dictation,
  // an emoji or character picker, a phone's keyboard. SDL reads text only from keypress events, which
  // these do not send. So while a field is being edited (the app says so, with where its caret is), a
  // small text area at the caret holds the focus, and the text it receives goes to the field. Keys
  // still reach SDL, which listens on the window: Enter, Backspace, arrows, and plain keys, whose text
  // SDL types itself. While an input method composes, its text shows at the caret and its keys (Enter
  // picks a candidate) stay out of the app; what it commits is typed into the field.
  const ime = { area: null, active: false, before: null, committed: null, focusing: null };
  function imeArea() {
    if (ime.area) return ime.area;
    const a = document.createElement('textarea');
    a.id = 'plotline-ime';
    a.setAttribute('aria-hidden', 'true');
    a.tabIndex = -1;
    a.autocomplete = 'off';
    a.spellcheck = false;
    a.setAttribute('autocapitalize', 'off');
    a.setAttribute('autocorrect', 'off');
    a.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:20px;margin:0;border:0;padding:0 3px;resize:none;' +
      'overflow:hidden;white-space:pre;opacity:0;z-index:5;font:15px/20px sans-serif;color:#111;background:#fff8d6;' +
      'outline:1px solid #8a6d00;caret-color:#111';
    const fit = function () { a.style.width = a.value ? (a.value.length + 1.5) + 'em' : '1px'; };
    const type = function (text) {
      if (!text || !Module.calledRun) return;
      callWithStrings(Module._plotline_text_typed, [text]);
      if (Module.plotlineWake) Module.plotlineWake();
    };
    const composing = function (e) { return e.isComposing || e.keyCode === 229; };
    a.addEventListener('keydown', function (e) { if (composing(e)) e.stopPropagation(); });
    a.addEventListener('keyup', function (e) { if (composing(e)) e.stopPropagation(); });
    a.addEventListener('compositionstart', function () { a.style.opacity = '1'; });
    a.addEventListener('compositionend', function (e) {
      type(e.data);
      ime.committed = e.data;
      a.value = '';
      a.style.opacity = '0';
      fit();
    });
    a.addEventListener('input', function (e) {
      if (e.isComposing || e.inputType === 'insertCompositionText') { fit(); return; }
      // A plain key's text never comes here: SDL types it and cancels its keypress, which keeps it out
      // of the area. Pasted text is the page's paste handler's; committed text was typed above.
      const already = e.inputType !== 'insertText' || (ime.committed !== null && e.data === ime.committed);
      if (!already) type(e.data);
      ime.committed = null;
      a.value = '';
      fit();
    });
    document.body.appendChild(a);
    ime.area = a;
    return a;
  }
  // Where the canvas is, kept until it moves or resizes: reading it in an edit's frame forced a layout
  // of the page the frame had just changed (the accessibility mirror).
  let canvasAt = null;
  const forgetCanvas = function () { canvasAt = null; };
  window.addEventListener('resize', forgetCanvas);
  window.addEventListener('scroll', forgetCanvas, true);
  function canvasCorner() {
    if (!Module.canvas) return { left: 0, top: 0 };
    return canvasAt || (canvasAt = Module.canvas.getBoundingClientRect());
  }
  // The area is made before the first edit: adding it to the page in an edit's frame cost a style and
  // layout pass there (~3 ms at 100k tasks in bench/render.mjs).
  Module.preRun.push(function () {
    imeArea();
    if (window.ResizeObserver && Module.canvas) new ResizeObserver(forgetCanvas).observe(Module.canvas);
  });
  // From the app each frame its state changes: whether a field takes text, and its caret (CSS pixels
  // from the canvas's corner).
  Module.plotlineTextInput = function (active, x, y, height) {
    const a = imeArea();
    if (active) {
      const r = canvasCorner();
      // Not from the accessibility mirror: a screen reader keeps its place there (and its keys reach
      // the app as before); the area is for the canvas's users. Focused in a task of its own just
      // after this frame: focusing a text field costs the browser ~3 ms (style, the input method's
      // state), which held up the frame that shows the edit (an insert at 100k tasks). Keys typed
      // meanwhile reach the app as ever (SDL listens on the window).
      const from = document.activeElement;
      const mirror = document.getElementById('a11y');
      if (!ime.active && !(from && mirror && mirror.contains(from))) {
        ime.before = from !== a ? from : null;
        a.value = '';
        clearTimeout(ime.focusing);
        ime.focusing = setTimeout(function () {
          ime.focusing = null;
          if (ime.active) a.focus({ preventScroll: true });
        }, 0);
      }
      a.style.left = Math.round(r.left + x) + 'px';
      a.style.top = Math.round(r.top + y) + 'px';
      a.style.height = a.style.lineHeight = Math.max(14, Math.round(height)) + 'px';
    } else if (ime.active) {
      clearTimeout(ime.focusing);
      ime.focusing = null;
      a.value = '';
      a.style.opacity = '0';
      if (document.activeElement === a) {
        const back = ime.before && ime.before.isConnected && ime.before !== document.body ? ime.before : null;
        if (back && back.focus) back.focus({ preventScroll: true }); else a.blur();
      }
      ime.before = null;
    }
    ime.active = !!active;
  };

  // Storage: ask the browser to keep this site's data (not to evict it when space is short), and
  // tell the app how much is used, now and after saves (at most every few seconds).
  let usageAt = 0, usageTimer = null;
  function reportUsage() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    usageAt = Date.now();
    Promise.all([navigator.storage.estimate(), navigator.storage.persisted ? navigator.storage.persisted() : false]).then(function (r) {
      if (Module.calledRun) Module._plotline_storage_usage(r[0].usage || 0, r[0].quota || 0, r[1] ? 1 : 0);
      else setTimeout(reportUsage, 500);
    }, function () {});
  }
  Module.plotlineStorageChanged = function () {
    if (usageTimer) return;
    usageTimer = setTimeout(function () { usageTimer = null; reportUsage(); }, Math.max(0, 3000 - (Date.now() - usageAt)));
  };
  Module.preRun.push(function () {
    const persisted = navigator.storage && navigator.storage.persist ? navigator.storage.persist() : Promise.resolve(false);
    persisted.then(reportUsage, reportUsage);
  });

  // Other tabs: they announce saves on this channel; a tab showing the same project read-only follows.
  if (window.BroadcastChannel) {
    Module.plotlineChannel = new BroadcastChannel('plotline');
    Module.plotlineChannel.onmessage = function (e) {
      if (Module.calledRun && e.data && typeof e.data.saved === 'string') callWithStrings(Module._plotline_changed_elsewhere, [e.data.saved]);
    };
  }

  // Save at once when the tab is hidden or closed, without waiting for the debounce.
  function hidden() { if (Module.calledRun) Module._plotline_page_hidden(); }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') hidden(); });
  window.addEventListener('pagehide', hidden);
  // Sync soon when the connection comes back (and without waiting out a backoff), and on focus.
  window.addEventListener('online', function () { if (Module.calledRun) Module._plotline_sync_nudge(1); });
  window.addEventListener('focus', function () { if (Module.calledRun) Module._plotline_sync_nudge(0); });
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'visible' && Module.calledRun) Module._plotline_sync_nudge(0); });

  // Touch: two fingers pinch the client view's phone list (one finger scrolls and pans: SDL turns it
  // into the mouse). A different view link pasted into the address bar opens it.
  let pinchFrom = 0;
  function spread(t) { return Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY); }
  window.addEventListener('touchstart', function (e) { if (e.touches.length === 2) pinchFrom = spread(e.touches); }, { passive: true });
  window.addEventListener('touchmove', function (e) {
    if (e.touches.length !== 2 || !pinchFrom || !Module.calledRun) return;
    const now = spread(e.touches);
    Module._plotline_pinch(now / pinchFrom, (e.touches[0].clientX + e.touches[1].clientX) / 2);
    pinchFrom = now;
  }, { passive: true });
  window.addEventListener('touchend', function (e) { if (e.touches.length < 2) pinchFrom = 0; }, { passive: true });
  window.addEventListener('hashchange', function () {
    if (/^#(view|share)=/.test(location.hash)) location.reload();
  });

  // A file dropped on the page opens as a new project, as one picked through Project > Import does.
  let dragDepth = 0;
  function dropZone(on) { const d = document.getElementById('drop'); if (d) d.className = on ? 'shown' : ''; }
  function carriesFiles(e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0; }
  window.addEventListener('dragenter', function (e) { if (carriesFiles(e)) { dragDepth++; dropZone(true); e.preventDefault(); } });
  window.addEventListener('dragleave', function (e) { if (carriesFiles(e) && --dragDepth <= 0) { dragDepth = 0; dropZone(false); } });
  window.addEventListener('dragover', function (e) { if (carriesFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } });
  window.addEventListener('drop', function (e) {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    dropZone(false);
    const file = e.dataTransfer.files[0];
    if (file && Module.calledRun) Module.plotlineImport(file);
  });

  // The accessibility mirror (src/app/a11y.hpp): what the canvas shows, as hidden DOM that screen
  // readers read: a heading, the commands as buttons, the task table as a treegrid of the rows in
  // view plus the selected one, the save state, an open dialog, and a live region. The app publishes
  // it only when what it shows changed; rows and buttons are kept by key, so focus stays put.
  // Focus follows both ways: the grid's active row is the app's selected task, and a row focused or
  // clicked here selects that task in the app. Keys pressed in the mirror reach the app as well.
  const a11y = { root: null, rows: new Map(), buttons: new Map() };
  function node(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function a11yRoot() {
    if (a11y.root) return a11y;
    const root = document.getElementById('a11y') || document.body.appendChild(node('div', { id: 'a11y' }));
    a11y.root = root;
    a11y.heading = root.appendChild(node('h1', { id: 'a11y-title' }, 'Plotline'));
    a11y.toolbar = root.appendChild(node('div', { role: 'toolbar', 'aria-label': 'Commands' }));
    a11y.grid = root.appendChild(node('div', { role: 'treegrid', id: 'a11y-grid', tabindex: '0', 'aria-colcount': '6', 'aria-multiselectable': 'true' }));
    const head = a11y.grid.appendChild(node('div', { role: 'row', 'aria-rowindex': '1' }));
    ['Name', 'Start', 'Finish', 'Duration', 'Done', 'Marks'].forEach(function (c) { head.appendChild(node('span', { role: 'columnheader' }, c)); });
    a11y.lines = root.appendChild(node('div', { id: 'a11y-lines' }));
    a11y.dialog = root.appendChild(node('div', { role: 'dialog', id: 'a11y-dialog', 'aria-labelledby': 'a11y-dialog-title', hidden: '' }));
    a11y.dialogTitle = a11y.dialog.appendChild(node('h2', { id: 'a11y-dialog-title' }));
    a11y.dialogText = a11y.dialog.appendChild(node('div'));
    a11y.dialog.appendChild(node('button', { type: 'button', 'data-id': 'dialog.close' }, 'Close'));
    a11y.live = root.appendChild(node('div', { role: 'status', 'aria-live': 'polite', id: 'a11y-live' }));
    root.addEventListener('click', function (e) {
      const b = e.target.closest('button[data-id]');
      if (b && Module.calledRun) callWithStrings(Module._plotline_a11y_activate, [b.getAttribute('data-id')]);
      const r = e.target.closest('[data-key]');
      if (r && Module.calledRun) callWithStrings(Module._plotline_a11y_select, [r.getAttribute('data-key')]);
    });
    a11y.grid.addEventListener('focusin', function (e) {
      const r = e.target.closest('[data-key]');
      if (r && r.getAttribute('aria-selected') !== 'true' && Module.calledRun) callWithStrings(Module._plotline_a11y_select, [r.getAttribute('data-key')]);
    });
    return a11y;
  }
  // The element for `key` (made once), placed right after `prev` (null: first among `from`'s
  // siblings). Moved only when out of place: moving a node takes the focus off it.
  function keyed(map, parent, key, make, prev, from) {
    let e = map.get(key);
    if (!e) { e = make(); map.set(key, e); }
    const at = prev ? prev.nextSibling : from;
    if (at !== e) parent.insertBefore(e, at);
    return e;
  }
  function setAttr(e, name, value) {
    if (value === null || value === undefined) e.removeAttribute(name);
    else if (e.getAttribute(name) !== String(value)) e.setAttribute(name, value);
  }
  Module.plotlineA11y = function (json) {
    const v = JSON.parse(json), m = a11yRoot();
    a11y.builds = (a11y.builds || 0) + 1;
    m.heading.textContent = v.title;
    document.title = v.title === 'Plotline' ? 'Plotline' : v.title + ' \u2014 Plotline';
    const seenButtons = new Set();
    let prev = null;
    v.buttons.forEach(function (b) {
      seenButtons.add(b.id);
      const e = prev = keyed(m.buttons, m.toolbar, b.id, function () { return node('button', { type: 'button', 'data-id': b.id }); }, prev, m.toolbar.firstChild);
      if (e.textContent !== b.name) e.textContent = b.name;
      setAttr(e, 'aria-keyshortcuts', b.keys ? b.keys.replace('Ctrl', 'Control') : null);
      setAttr(e, 'aria-pressed', b.id.indexOf('view.') === 0 ? String(!!b.pressed) : null);
      setAttr(e, 'aria-disabled', b.disabled ? 'true' : null);
    });
    m.buttons.forEach(function (e, id) { if (!seenButtons.has(id)) { e.remove(); m.buttons.delete(id); } });
    const g = v.grid;
    m.grid.hidden = !g;
    const seenRows = new Set();
    if (g) {
      setAttr(m.grid, 'aria-label', g.label);
      setAttr(m.grid, 'aria-rowcount', g.rowCount + 1);
      prev = m.grid.firstChild; // the header row
      g.rows.forEach(function (r) {
        seenRows.add(r.key);
        const e = prev = keyed(m.rows, m.grid, r.key, function () {
          const row = node('div', { role: 'row', id: 'a11y-row-' + r.key, 'data-key': r.key, tabindex: '-1' });
          row.appendChild(node('span', { role: 'rowheader' }));
          for (let c = 0; c < 5; ++c) row.appendChild(node('span', { role: 'gridcell' }));
          return row;
        }, prev, null);
        setAttr(e, 'aria-rowindex', r.index + 1);
        setAttr(e, 'aria-level', r.level);
        setAttr(e, 'aria-expanded', r.expanded === undefined ? null : String(r.expanded));
        setAttr(e, 'aria-selected', String(!!r.selected));
        setAttr(e, 'aria-description', r.warning || null);
        const texts = [r.name, r.start, r.finish, r.duration, r.percent, r.marks];
        for (let c = 0; c < 6; ++c) if (e.children[c].textContent !== texts[c]) e.children[c].textContent = texts[c];
      });
      const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-key]');
      setAttr(m.grid, 'aria-activedescendant', g.active && seenRows.has(g.active) ? 'a11y-row-' + g.active : null);
      // A screen reader that moved focus onto a row keeps it on the selected one.
      if (focused && g.active && focused.getAttribute('data-key') !== g.active && m.rows.get(g.active)) m.rows.get(g.active).focus();
    }
    m.rows.forEach(function (e, key) { if (!seenRows.has(key)) { e.remove(); m.rows.delete(key); } });
    m.lines.replaceChildren.apply(m.lines, (v.lines || []).filter(Boolean).map(function (l) { return node('p', {}, l); }));
    // Tables of figures (the Budget dashboard's) as real tables with their column headers.
    m.tables = m.tables || m.root.insertBefore(node('div', { id: 'a11y-tables' }), m.dialog);
    m.tables.replaceChildren.apply(m.tables, (v.tables || []).map(function (t) {
      const table = node('table');
      table.appendChild(node('caption', {}, t.label || 'Figures'));
      const head = table.appendChild(node('thead')).appendChild(node('tr'));
      t.header.forEach(function (h) { head.appendChild(node('th', { scope: 'col' }, h)); });
      const body = table.appendChild(node('tbody'));
      t.rows.forEach(function (r) {
        const tr = body.appendChild(node('tr'));
        r.forEach(function (c, i) { tr.appendChild(node(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, c)); });
      });
      return table;
    }));
    m.dialog.hidden = !v.dialog;
    if (v.dialog) {
      m.dialogTitle.textContent = v.dialog.title;
      m.dialogText.replaceChildren.apply(m.dialogText, v.dialog.text.split('\n').filter(Boolean).map(function (l) { return node('p', {}, l); }));
    }
  };
  Module.plotlineAnnounce = function (text) {
    const m = a11yRoot();
    // The same sentence twice in a row is still said twice.
    m.live.textContent = m.live.textContent === text ? text + '\u00a0' : text;
  };

  function saveNow() {
    if (!Module.calledRun) return Promise.resolve();
    Module._plotline_page_hidden();
    const until = Date.now() + 10000;
    return new Promise(function (done) {
      (function check() {
        const s = window.plotline.status().save;
        if (s === 'Saved' || s === 'Not saved' || Date.now() > until) done(); else setTimeout(check, 50);
      })();
    });
  }

  // Before the runtime is up (a page that is loading or reloading) the readers answer null, and
  // status() { ready: false }, instead of throwing.
  function read(name, before) {
    return function () { return Module.calledRun ? takeJson(Module[name]()) : before; };
  }
  window.plotline = {
    ready: ready,
    saveNow: saveNow,
    state: read('_plotline_state_json', null),
    frameStats: read('_plotline_frame_stats_json', null),
    memory: read('_plotline_memory_json', null),
    widgets: read('_plotline_widgets_json', null),
    status: read('_plotline_status_json', { ready: false }),
    report: read('_plotline_report_json', null),
    a11yBuilds: function () { return a11y.builds || 0; },
  };
})();
