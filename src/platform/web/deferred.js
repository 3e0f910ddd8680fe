// The app's code in two parts (scripts/split-wasm.mjs): plotline.wasm, what opening a plan runs, and
// plotline.deferred.wasm, the rest. Linking the rest in puts its functions in place of their
// placeholders in the table. Where it comes from:
// - after a first visit, the service worker's copy of this build, compiled while the first part
//   downloads (index.html) and linked before main() runs;
// - on a first visit, the network, once the plan is on screen;
// - a placeholder called before either (a dialog opened in the first instants, or a plan whose
//   opening needs more, such as a fallback font) loads it at once, synchronously, so the call goes
//   on where it was. If it cannot be fetched the app stops with a message; what is saved stays saved.
//
//   plotline.deferredCode()   // { state: "waiting"|"fetching"|"ready"|"failed", onDemand: loads made by
//                             //   a placeholder before the fetch ended, error: the last failure or null }
// Work that can wait for the rest waits (Host::allCodeHere in main.cpp): on a first visit, storing the
// sample as the first project, and the warm-up (App::frame).
// (Included into plotline.js with --pre-js, after api.js.)
(function () {
  const code = { state: 'waiting', onDemand: 0, error: null };
  let linked = false;
  let attempts = 0;

  function link(module) {
    const instance = new WebAssembly.Instance(module, { primary: Module.asm }); // its table entries go in
    linked = true;
    code.state = 'ready';
    code.error = null;
    return instance;
  }

  function compile(url) {
    const response = fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r;
    });
    // Streaming compiles while the bytes arrive; a server that does not say application/wasm gets
    // the plain way.
    return WebAssembly.compileStreaming(response).catch(function (e) {
      if (!(e instanceof TypeError) || /HTTP|fetch/i.test(String(e))) throw e;
      return response.then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.compile(b); });
    });
  }

  function prefetch() {
    if (linked) return;
    code.state = 'fetching';
    compile(locateFile('plotline.deferred.wasm')).then(function (module) {
      if (!linked) link(module);
    }).catch(function (e) { // not fetched, not compiled or not linked: tried again later
      if (linked) return;
      code.state = 'failed';
      code.error = String(e.message || e);
      attempts++;
      setTimeout(prefetch, Math.min(30000, 1000 * Math.pow(2, attempts)));
    });
  }

  // The bytes of a file, synchronously (as text in a charset that keeps each byte).
  function fetchSync(url) {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url, false);
    xhr.overrideMimeType('text/plain; charset=x-user-defined');
    xhr.send(null);
    if (xhr.status !== 200) throw new Error(xhr.status ? 'HTTP ' + xhr.status : 'no connection');
    const text = xhr.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
    return bytes;
  }

  // Called by a placeholder: the rest is needed now.
  Module.loadSplitModule = function (file) {
    let module;
    try {
      module = new WebAssembly.Module(fetchSync(file));
    } catch (e) {
      code.state = 'failed';
      code.error = String(e.message || e);
      abort('part of Plotline could not be downloaded (' + code.error + ')');
    }
    code.onDemand++;
    return [link(module), module];
  };

  // The copy kept offline, compiled meanwhile (index.html): the program starts once it is linked.
  if (window.plotlineDeferred)
    Module.plotlineHoldStart('plotline-deferred', window.plotlineDeferred, function (module) {
      if (!module || linked) return;
      try { link(module); } catch (e) { code.error = String(e.message || e); }
    });
  window.plotline.ready.then(prefetch);
  window.plotline.deferredCode = function () { return Object.assign({}, code); };
  // Whether the rest is linked (Host::allCodeHere: what can wait for it, does). The build's profiling
  // run (scripts/split-wasm.mjs) sets plotlineSplitProfile, so that what waits is left out of the first
  // part even though that run's program is whole.
  Module.plotlineAllCodeHere = function () { return linked && !window.plotlineSplitProfile; };
})();
