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
//                                  //   building the UI], vertices, indices (of the last frame) }
//   plotline.memory()              // { heap: bytes of wasm memory, used: bytes malloc has handed out }
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

  // The file picker hands the chosen file here; big files go through the heap, not the stack.
  Module.plotlineImport = function (file) {
    file.text().then(function (text) {
      callWithStrings(Module._plotline_import_file, [file.name, text]);
    }, function (err) {
      callWithStrings(Module._plotline_import_file, [file.name, '']);
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

  // Save at once when the tab is hidden or closed, without waiting for the debounce.
  function hidden() { if (Module.calledRun) Module._plotline_page_hidden(); }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') hidden(); });
  window.addEventListener('pagehide', hidden);

  window.plotline = {
    ready: ready,
    state: function () { return takeJson(Module._plotline_state_json()); },
    frameStats: function () { return takeJson(Module._plotline_frame_stats_json()); },
    memory: function () { return takeJson(Module._plotline_memory_json()); },
    widgets: function () { return takeJson(Module._plotline_widgets_json()); },
    status: function () { return takeJson(Module._plotline_status_json()); },
  };
})();
