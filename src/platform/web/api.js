// window.plotline: a small JS API over the running app, for automation and browser tests.
// It reads; it never changes the plan by itself.
//
//   await plotline.ready;          // resolves once the plan is loaded and the first frame is drawn
//   plotline.readyAt               // performance.now() at that moment (ms since navigation start)
//   plotline.state()               // the open project, as Plotline JSON (an object)
//   plotline.widgets()             // { "task.name.3": {x, y, w, h}, ... } named widgets of the last frame,
//                                  // in CSS pixels relative to the canvas
//   plotline.status()              // { ready, save: "Saved"|"Unsaved changes"|"Saving…"|"Not saved",
//                                  //   saveError, message, dialog, revision, canUndo, canRedo }
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

  // Save at once when the tab is hidden or closed, without waiting for the debounce.
  function hidden() { if (Module.calledRun) Module._plotline_page_hidden(); }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') hidden(); });
  window.addEventListener('pagehide', hidden);

  window.plotline = {
    ready: ready,
    state: function () { return takeJson(Module._plotline_state_json()); },
    widgets: function () { return takeJson(Module._plotline_widgets_json()); },
    status: function () { return takeJson(Module._plotline_status_json()); },
  };
})();
