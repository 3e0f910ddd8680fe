// The browser host: SDL2 + WebGL2 window, Dear ImGui backends, IndexedDB storage (IDBFS at /data),
// Blob downloads, the file picker, and the C functions behind window.plotline (shell/index.html).
#include "app/app.hpp"
#include "app/draw_hash.hpp"
#include "core/i18n.hpp"
#include "app/file_storage.hpp"
#include "app/theme.hpp"
#include "app/widget_registry.hpp"
#include "core/commands.hpp"
#include "core/json_io.hpp"
#include "core/report.hpp"
#include "core/view_link.hpp"
#include "webgl_renderer.hpp"

#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_sdl.h>

#include <malloc.h>

#include <algorithm>
#include <map>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace plotline;

// ---- JavaScript side ---------------------------------------------------------------------------

// Storage areas: each is an IDBFS mount at /<area> backed by the IndexedDB database "/<area>".
// op 0 loads (mounting on first use), 1 persists, 2 deletes the area; plotline_area_done(token, error)
// answers. Only the one area is synced (IDBFS.syncfs on its mount, not FS.syncfs, which syncs all);
// persisting writes through a worker (idb_writer.js), so IndexedDB copies the files off the main thread.
EM_JS(void, js_area, (int op, const char* areaName, int token), {
    const path = "/" + UTF8ToString(areaName);
    const finish = function(err) {
        if (op === 0 && path.startsWith("/p-")) performance.mark('plotline:project-area-read'); // start-up milestone
        const text = err ? String((err.name && err.name !== 'Error' ? err.name + ": " : "") + (err.message || err)) : "";
        Module.ccall('plotline_area_done', null, ['number', 'string'], [token, text]);
        if (op === 1 && !err && Module.plotlineStorageChanged) Module.plotlineStorageChanged();
    };
    try {
        if (op === 2) {
            if (IDBFS.dbs[path]) { IDBFS.dbs[path].close(); delete IDBFS.dbs[path]; }
            if (FS.analyzePath(path).exists) {
                const node = FS.lookupPath(path, {follow_mount: false}).node;
                if (FS.isMountpoint(node)) FS.unmount(path);
                FS.rmdir(path);
            }
            const req = indexedDB.deleteDatabase(path);
            req.onsuccess = function() { finish(""); };
            req.onerror = function() { finish(req.error); };
            req.onblocked = function() { finish(""); }; // deleted once other tabs let go of it
            return;
        }
        if (!FS.analyzePath(path).exists) FS.mkdir(path);
        // Read early under the project's lock, which this tab has held ever since: nobody else can
        // have written the area, so it is as IndexedDB has it (one load skips the compare, ~60 ms).
        const fresh = Module.plotlineFresh && Module.plotlineFresh[path];
        if (fresh) {
            delete Module.plotlineFresh[path];
            if (op === 0 && fresh.held) return finish("");
        }
        const early = Module.plotlineEarly && Module.plotlineEarly[path];
        if (!FS.isMountpoint(FS.lookupPath(path, {follow_mount: false}).node)) {
            FS.mount(IDBFS, {}, path);
            // The first load of an area the page read early (api.js) takes those entries, as IDBFS's
            // own load would store them (same contents, modes and times, so later syncs compare right).
            if (op === 0 && early) {
                delete Module.plotlineEarly[path];
                const readNow = function() { IDBFS.syncfs(FS.lookupPath(path).node.mount, true, finish); };
                early.then(function(entries) {
                    if (!entries) return readNow();
                    try {
                        Object.keys(entries).sort().forEach(function(file) {
                            IDBFS.storeLocalEntry(file, entries[file], function(err) { if (err) throw err; });
                        });
                    } catch (e) { return finish(e); }
                    if (entries.underLock) (Module.plotlineFresh || (Module.plotlineFresh = {}))[path] = entries.underLock;
                    finish("");
                }, readNow);
                return;
            }
        }
        const mount = FS.lookupPath(path).node.mount;
        if (op === 1) return Module.plotlinePersist(mount, finish); // written by a worker (idb_writer.js)
        IDBFS.syncfs(mount, true, finish);
    } catch (e) {
        finish(e);
    }
});

// An autosave of about this many bytes has begun: room for its copies (idb_writer.js).
EM_JS(void, js_expect_write, (double bytes), { if (Module.plotlineExpectWrite) Module.plotlineExpectWrite(bytes); });

// Every area in this browser (the IndexedDB databases named "/<area>"), one per line.
EM_JS(void, js_list_areas, (int token), {
    const answer = function(names) { Module.ccall('plotline_areas_listed', null, ['number', 'string'], [token, names.join('\n')]); };
    if (!indexedDB.databases) return answer([]);
    indexedDB.databases().then(function(list) {
        answer(list.map(function(d) { return d.name; }).filter(function(n) { return n && n[0] === "/"; }).map(function(n) { return n.slice(1); }));
    }, function() { answer([]); });
});

// Two tabs on one project: the Web Lock "plotline-project-<id>" belongs to the tab that may write it.
// The answer (and a later change of it) comes through plotline_project_owner(id, owner).
EM_JS(void, js_claim_project, (const char* idText), {
    const id = UTF8ToString(idText);
    // The next start reads this project's area early, beside the library (index.html).
    try { localStorage.setItem('plotline:lastOpened', id); } catch (e) { /* only a hint */ }
    const tell = function(owner) {
        const claim = (Module.plotlineClaims || {})[id];
        if (claim) claim.owner = owner;
        Module.ccall('plotline_project_owner', null, ['string', 'number'], [id, owner ? 1 : 0]);
    };
    if (!navigator.locks) return tell(true);
    const claims = Module.plotlineClaims || (Module.plotlineClaims = {});
    if (claims[id]) { // asked again (the project is opened again): the answer stands, or is on its way
        if (claims[id].owner !== undefined) tell(claims[id].owner);
        return;
    }
    const claim = claims[id] = {abort: new AbortController()};
    const name = "plotline-project-" + id;
    const ask = function() {
        const held = new Promise(function(resolve) { claim.release = resolve; });
        navigator.locks.request(name, {ifAvailable: true}, function(lock) {
            if (claims[id] !== claim) return;
            if (lock) { tell(true); return held; }
            tell(false);
            navigator.locks.request(name, {signal: claim.abort.signal}, function() {
                if (claims[id] !== claim) return;
                tell(true);
                return held;
            }).catch(function() {});
        });
    };
    // The page asked for the lock of the project it expected while the program loaded (index.html):
    // held, it is this claim's; else (another tab has it, or another project is opened) let go of it.
    const early = window.plotlineEarlyLock;
    window.plotlineEarlyLock = null;
    if (!early) return ask();
    if (early.id !== id) {
        early.granted.then(function() { early.letGo(); });
        return ask();
    }
    early.granted.then(function(held) {
        if (claims[id] !== claim) { early.letGo(); return; }
        if (!held) return ask();
        claim.release = early.letGo;
        tell(true);
    });
});
EM_JS(void, js_release_project, (const char* idText), {
    const id = UTF8ToString(idText);
    const claims = Module.plotlineClaims || {};
    const claim = claims[id];
    if (!claim) return;
    delete claims[id];
    claim.abort.abort();
    if (claim.release) claim.release();
});
// Tells the other tabs that a project (or, with "", the list) was saved.
EM_JS(void, js_announce_saved, (const char* idText), {
    if (Module.plotlineChannel) Module.plotlineChannel.postMessage({saved: UTF8ToString(idText)});
});

EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
    const bytes = HEAPU8.slice(data, data + size);
    const blob = new Blob([bytes], {type: UTF8ToString(mime)});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(a.href); }, 10000);
});

// A PNG of the chart: the SVG drawn into a canvas of the asked size, then downloaded. window.plotline
// .pictures counts the PNGs made (or the reason one failed), for automation to wait on.
EM_JS(void, js_download_png, (const char* name, const char* svg, int width, int height), {
    const fileName = UTF8ToString(name);
    const url = URL.createObjectURL(new Blob([UTF8ToString(svg)], {type: 'image/svg+xml'}));
    const done = function(error) {
        const p = window.plotline || (window.plotline = {});
        p.pictures = (p.pictures || 0) + 1;
        if (error) p.pictureError = error;
    };
    const img = new Image();
    img.onload = function() {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, width, height);
        ctx.drawImage(img, 0, 0, width, height);
        URL.revokeObjectURL(url);
        canvas.toBlob(function(png) {
            if (!png) { done('the browser could not make a PNG of ' + width + ' x ' + height + ' pixels'); return; }
            const a = document.createElement('a');
            a.href = URL.createObjectURL(png);
            a.download = fileName;
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout(function() { URL.revokeObjectURL(a.href); }, 10000);
            done();
        }, 'image/png');
    };
    img.onerror = function() { URL.revokeObjectURL(url); done('the picture could not be drawn'); };
    img.src = url;
});

// Printing: the page goes into a hidden frame (replacing the last one) that prints itself once it is
// laid out; the browser's dialog picks the printer or PDF. window.plotline.printed counts the pages
// sent, and the frame stays for automation to read.
EM_JS(void, js_print, (const char* html), {
    const old = document.getElementById('plotline-print');
    if (old) old.remove();
    const frame = document.createElement('iframe');
    frame.id = 'plotline-print';
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.onload = function() {
        window.plotline.printed = (window.plotline.printed || 0) + 1;
        try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (e) { console.warn('Plotline: printing failed: ' + e); }
    };
    frame.srcdoc = UTF8ToString(html);
    document.body.appendChild(frame);
});

// The system clipboard: the async API where the page may use it, else a selected text area and the
// copy command (older browsers, pages without focus).
EM_JS(void, js_copy_text, (const char* text), {
    const value = UTF8ToString(text);
    const fallback = function() {
        const area = document.createElement('textarea');
        area.value = value;
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); } catch (e) {}
        area.remove();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(fallback);
    else fallback();
});

EM_JS(void, js_pick_file, (), {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.csv,.xml,.gan,application/json,text/csv,application/xml,text/xml';
    input.style.display = 'none';
    input.addEventListener('change', function() {
        const file = input.files && input.files[0];
        input.remove();
        if (file) Module.plotlineImport(file);
    });
    document.body.appendChild(input);
    input.click();
});

// One HTTP exchange with fetch (sync): the body goes gzip-compressed through CompressionStream when
// asked, an answer that is gzip (starts 1f 8b) is inflated with DecompressionStream, and
// plotline_http_done(token, status, etag, body, length, sent, received, error) answers. No cookies
// (credentials: 'omit'): the sign-in travels only in the Authorization header the app sets.
EM_JS(void, js_http, (int token, const char* methodText, const char* urlText, const char* headersJson, const char* bodyPtr, int length, int gzip), {
    const method = UTF8ToString(methodText), url = UTF8ToString(urlText);
    const headers = JSON.parse(UTF8ToString(headersJson));
    const raw = method === 'PUT' ? HEAPU8.slice(bodyPtr, bodyPtr + length) : null;
    const answer = function(status, etag, bytes, sent, received, error) {
        const n = bytes ? bytes.length : 0;
        const p = Module._malloc(n + 1);
        if (n) HEAPU8.set(bytes, p);
        Module.ccall('plotline_http_done', null, ['number', 'number', 'string', 'number', 'number', 'number', 'number', 'string'],
                     [token, status, etag, p, n, sent, received, error]);
    };
    const through = async function(bytes, stream) {
        return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
    };
    (async function() {
        let body = raw;
        const h = new Headers();
        headers.forEach(function(kv) { h.set(kv[0], kv[1]); });
        if (body && gzip && typeof CompressionStream === 'function') {
            body = await through(body, new CompressionStream('gzip'));
            h.set('Content-Type', 'application/gzip');
        }
        const init = {method: method, headers: h, cache: 'no-store', credentials: 'omit', redirect: 'follow'};
        if (body) init.body = body;
        if (typeof AbortSignal !== 'undefined' && AbortSignal.timeout) init.signal = AbortSignal.timeout(30000);
        let res;
        try {
            res = await fetch(url, init);
        } catch (e) {
            const why = !navigator.onLine ? 'this device is offline'
                      : e && e.name === 'TimeoutError' ? 'no answer within 30 s'
                      : 'no answer from ' + new URL(url).host + ' (it is down, the address is wrong, or it does not allow this page: CORS)';
            return answer(0, "", null, body ? body.length : 0, 0, why);
        }
        try {
            let bytes = new Uint8Array(await res.arrayBuffer());
            const received = bytes.length;
            if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b && typeof DecompressionStream === 'function')
                bytes = await through(bytes, new DecompressionStream('gzip'));
            answer(res.status, res.headers.get('ETag') || "", bytes, body ? body.length : 0, received, "");
        } catch (e) {
            answer(0, "", null, body ? body.length : 0, 0, 'the answer was cut off (' + (e && e.message || e) + ')');
        }
    })();
});

// A file beside the page the app fetches when it needs it (Host::fetchFont: fonts/<file>;
// Host::fetchCatalogue: i18n/<code>.cat); the service worker keeps them for offline use. A file
// index.html began reading while the program downloaded (plotlineEarlyFiles) is taken from there.
// Answers as codec work does (api.js: Module.plotlineBytesDone).
EM_JS(void, js_fetch_file, (int token, const char* pathText), {
    const path = UTF8ToString(pathText);
    const answer = function(bytes, error) { Module.plotlineBytesDone(token, bytes, error); };
    (async function() {
        const early = window.plotlineEarlyFiles && window.plotlineEarlyFiles[path];
        if (early) {
            delete window.plotlineEarlyFiles[path];
            const bytes = await early;
            if (bytes) return answer(new Uint8Array(bytes), "");
        }
        try {
            const res = await fetch(path);
            if (!res.ok) return answer(null, 'the server answered ' + res.status);
            answer(new Uint8Array(await res.arrayBuffer()), "");
        } catch (e) {
            answer(null, navigator.onLine ? 'no answer from the server' : 'this device is offline');
        }
    })();
});

// Codec work for view links (Host::codec): op 0 gzip and 1 gunzip (CompressionStream), 2 seal and
// 3 open (WebCrypto AES-GCM, 256-bit raw key, a fresh 12-byte IV before the ciphertext and its tag).
// plotline_codec_done(token, bytes, length, error) answers.
EM_JS(void, js_codec, (int token, int op, const char* dataPtr, int length, const char* keyPtr, int keyLength), {
    const data = HEAPU8.slice(dataPtr, dataPtr + length), key = HEAPU8.slice(keyPtr, keyPtr + keyLength);
    const answer = function(bytes, error) { Module.plotlineBytesDone(token, bytes, error); };
    const through = async function(bytes, stream) {
        return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
    };
    (async function() {
        try {
            if (op === 0) return answer(await through(data, new CompressionStream('gzip')), "");
            if (op === 1) return answer(await through(data, new DecompressionStream('gzip')), "");
            if (!window.crypto || !crypto.subtle) return answer(null, 'this page cannot use encryption (it needs https)');
            const k = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
            if (op === 2) {
                const iv = crypto.getRandomValues(new Uint8Array(12));
                const sealed = new Uint8Array(await crypto.subtle.encrypt({name: 'AES-GCM', iv: iv}, k, data));
                const out = new Uint8Array(12 + sealed.length);
                out.set(iv);
                out.set(sealed, 12);
                return answer(out, "");
            }
            if (data.length < 28) return answer(null, 'too short to be sealed');
            return answer(new Uint8Array(await crypto.subtle.decrypt({name: 'AES-GCM', iv: data.slice(0, 12)}, k, data.slice(12))), "");
        } catch (e) {
            answer(null, e && e.name === 'OperationError' ? 'the tag does not match' : String(e && e.message || e));
        }
    })();
});
EM_JS(char*, js_page_address, (), {
    const s = location.href;
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(void, js_notify_ready, (), {
    if (Module.onPlotlineReady) Module.onPlotlineReady();
});

// Start-up failed: say so on the page instead of leaving the splash spinning.
EM_JS(void, js_fatal, (const char* message), {
    const text = UTF8ToString(message);
    console.error(text);
    if (typeof fail === "function") fail(text);
});

EM_JS(void, js_mark, (const char* name), { performance.mark('plotline:' + UTF8ToString(name)); });
// Preferences in localStorage (per device, like the browser's own), and what the system asks for.
EM_JS(char*, js_preference, (const char* key), {
    let v = null;
    try { v = localStorage.getItem('plotline.' + UTF8ToString(key)); } catch (e) {}
    v = v || '';
    const n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(void, js_set_preference, (const char* key, const char* value), {
    try { localStorage.setItem('plotline.' + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});
EM_JS(char*, js_system_locale, (), {
    const v = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    const n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(void, js_set_document_language, (const char* code), { document.documentElement.lang = UTF8ToString(code); });
EM_JS(int, js_all_code_here, (), { return Module.plotlineAllCodeHere() ? 1 : 0; }); // deferred.js
EM_JS(int, js_system_look, (), {
    if (!window.matchMedia) return 0;
    if (matchMedia('(prefers-contrast: more)').matches || matchMedia('(forced-colors: active)').matches) return 2;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
});
// The accessibility mirror and its live region (api.js renders them beside the canvas).
EM_JS(void, js_a11y, (const char* json), { if (Module.plotlineA11y) Module.plotlineA11y(UTF8ToString(json)); });
EM_JS(void, js_announce, (const char* text), { if (Module.plotlineAnnounce) Module.plotlineAnnounce(UTF8ToString(text)); });
EM_JS(double, js_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });

// ---- host ----------------------------------------------------------------------------------------

namespace {

// A string JavaScript handed over in the heap (_malloc'ed), taken and freed.
std::string takeString(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

// Files live in the in-memory file system under /<area>; load, persist and drop go to IndexedDB in
// the order asked, one at a time for each area (IDBFS must not run two syncs of one mount at once).
class IdbStorage final : public FileStorage {
public:
    IdbStorage() : FileStorage("") {}
    void load(const std::string& area, Done done) override { enqueue(0, area, std::move(done)); }
    void persist(const std::string& area, Done done) override { enqueue(1, area, std::move(done)); }
    void drop(const std::string& area, Done done) override { enqueue(2, area, std::move(done)); }
    void areas(std::function<void(std::vector<std::string>)> done) override {
        const int token = nextToken_++;
        listing_.emplace_back(token, std::move(done));
        js_list_areas(token);
    }
    Usage usage() const override { return usage_; }
    void expectWrite(size_t bytes) override { js_expect_write(double(bytes)); }

    void finished(int token, const std::string& error) {
        for (auto& [area, queue] : queues_) {
            if (queue.empty() || queue.front().token != token) continue;
            Done done = std::move(queue.front().done);
            queue.erase(queue.begin());
            if (!queue.empty()) start(area);
            return done(error);
        }
    }
    void listed(int token, const std::string& names) {
        for (size_t i = 0; i < listing_.size(); ++i)
            if (listing_[i].first == token) {
                auto done = std::move(listing_[i].second);
                listing_.erase(listing_.begin() + long(i));
                std::vector<std::string> out;
                for (size_t at = 0; at < names.size();) {
                    size_t end = names.find('\n', at);
                    if (end == std::string::npos) end = names.size();
                    if (end > at) out.push_back(names.substr(at, end - at));
                    at = end + 1;
                }
                return done(out);
            }
    }
    Usage usage_;

private:
    struct Op {
        int kind, token;
        Done done;
    };
    // One queue per area: an area's operations run one at a time, in order; different areas (their
    // own mounts and databases) proceed side by side.
    void enqueue(int kind, const std::string& area, Done done) {
        auto& queue = queues_[area];
        queue.push_back(Op{kind, nextToken_++, std::move(done)});
        if (queue.size() == 1) start(area);
    }
    void start(const std::string& area) { js_area(queues_[area].front().kind, area.c_str(), queues_[area].front().token); }
    std::map<std::string, std::vector<Op>> queues_;
    std::vector<std::pair<int, std::function<void(std::vector<std::string>)>>> listing_;
    int nextToken_ = 1;
};

class WebHost final : public Host {
public:
    Stamp now() override { return Stamp(emscripten_date_now()); }
    Date today() override { return localToday(); }
    Storage& storage() override { return storage_; }
    std::optional<std::string> readAsset(const std::string& name) override { return readWholeFile("/" + name); }
    void downloadPng(const std::string& filename, const std::string& svg, int width, int height) override {
        js_download_png(filename.c_str(), svg.c_str(), width, height);
    }
    void download(const std::string& filename, const std::string& mime, const std::string& content) override {
        js_download(filename.c_str(), mime.c_str(), content.data(), int(content.size()));
    }
    void pickFile() override { js_pick_file(); }
    void copyText(const std::string& text) override { js_copy_text(text.c_str()); }
    void print(const std::string& html) override { js_print(html.c_str()); }
    void mark(const char* name) override { js_mark(name); }
    void publishA11y(const std::string& json) override { js_a11y(json.c_str()); }
    uint64_t animationFrame() override;
    std::string preference(const std::string& key) override {
        return takeString(js_preference(key.c_str()));
    }
    void setPreference(const std::string& key, const std::string& value) override { js_set_preference(key.c_str(), value.c_str()); }
    std::string systemLook() override {
        const int look = js_system_look();
        return look == 2 ? "more" : look == 1 ? "dark" : "";
    }
    void announce(const std::string& text) override { js_announce(text.c_str()); }
    bool allCodeHere() override { return js_all_code_here() != 0; }
    std::string systemLocale() override { return takeString(js_system_locale()); }
    void setDocumentLanguage(const std::string& code) override { js_set_document_language(code.c_str()); }
    void claimProject(const std::string& id, std::function<void(bool)> answer) override {
        claims_.emplace_back(id, std::move(answer));
        js_claim_project(id.c_str());
    }
    // The first answer to a claim goes to whoever asked; later ones are changes (App::setOwner).
    bool answered(const std::string& id, bool owner) {
        std::vector<std::function<void(bool)>> ready;
        for (size_t i = 0; i < claims_.size();)
            if (claims_[i].first == id) {
                ready.push_back(std::move(claims_[i].second));
                claims_.erase(claims_.begin() + long(i));
            } else ++i;
        for (auto& f : ready) f(owner);
        return !ready.empty();
    }
    std::vector<std::pair<std::string, std::function<void(bool)>>> claims_;
    void releaseProject(const std::string& id) override { js_release_project(id.c_str()); }
    void http(const HttpRequest& q, std::function<void(HttpResponse)> done) override {
        const int token = nextHttp_++;
        httpWaiting_.emplace(token, std::move(done));
        std::string headers = "[";
        for (const auto& [k, v] : q.headers) {
            headers += headers.size() > 1 ? ",[" : "[";
            appendJsonString(headers, k);
            headers += ",";
            appendJsonString(headers, v);
            headers += "]";
        }
        headers += "]";
        js_http(token, q.method.c_str(), q.url.c_str(), headers.c_str(), q.body.data(), int(q.body.size()), q.gzip ? 1 : 0);
    }
    void httpDone(int token, HttpResponse r) {
        auto it = httpWaiting_.find(token);
        if (it == httpWaiting_.end()) return;
        auto done = std::move(it->second);
        httpWaiting_.erase(it);
        done(std::move(r));
    }
    std::map<int, std::function<void(HttpResponse)>> httpWaiting_;
    int nextHttp_ = 1;
    void announceSaved(const std::string& id) override { js_announce_saved(id.c_str()); }
    void codec(Codec op, std::string data, std::string key, std::function<void(Result<std::string>)> done) override {
        const int token = nextCodec_++;
        codecWaiting_.emplace(token, std::move(done));
        js_codec(token, int(op), data.data(), int(data.size()), key.data(), int(key.size()));
    }
    void codecDone(int token, Result<std::string> r) {
        auto it = codecWaiting_.find(token);
        if (it == codecWaiting_.end()) return;
        auto done = std::move(it->second);
        codecWaiting_.erase(it);
        done(std::move(r));
    }
    void fetchFont(const std::string& file, std::function<void(Result<std::string>)> done) override {
        fetchFile("fonts/" + file, std::move(done)); // names of the fonts table: letters, digits, dots
    }
    void fetchCatalogue(const std::string& code, std::function<void(Result<std::string>)> done) override {
        fetchFile("i18n/" + code + ".cat", std::move(done));
    }
    void fetchFile(const std::string& path, std::function<void(Result<std::string>)> done) {
        const int token = nextCodec_++;
        codecWaiting_.emplace(token, std::move(done));
        js_fetch_file(token, path.c_str());
    }
    std::map<int, std::function<void(Result<std::string>)>> codecWaiting_; // codec work and file fetches
    int nextCodec_ = 1;
    std::string address() override { return takeString(js_page_address()); }
    IdbStorage storage_;
};

struct Runtime {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    WebHost host;
    std::unique_ptr<App> app;
    float dpr = 1;
    bool readyNotified = false;
    double lastActivity = 0, lastFrame = 0;
    int scale = 100; // the UI scale the font was made for, in percent
    uint64_t fontGeneration = 0; // the fallback fonts' state it was made with
    // CPU time of each drawn frame (new frame to draw calls issued), for the rendering benchmark.
    std::vector<float> frameMs, uiMs, a11yMs; // whole frame; building the UI (NewFrame to ImGui::Render); of it, the accessibility mirror
    int vertices = 0, indices = 0;
    uint64_t shown = 0; // drawDataHash of the picture on the canvas (0: none, or its texture changed)
    uint64_t drawn = 0; // frames that drew, for the rendering benchmark (frames the same as the last are not drawn)
    uint64_t animationFrames = 0; // the browser's calls of frame()
};
Runtime* rt = nullptr;

char* copyOut(const std::string& s) {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}

// Dear ImGui's built-in font is linked only through ImFontAtlas::AddFontDefault, which ImFontAtlas::Build()
// calls when no font was added and fonts::Supply::build calls when the UI font cannot be read. The web
// build ships the UI font in its own data (plotline.data), so the link sends those calls here instead
// (-Wl,--wrap, CMakeLists.txt) and the built-in font (12 KB, 9.5 KB gzipped) stays out of the first
// download. Reached only if that file is unreadable: the app stops and says so (index.html's onAbort
// shows it, with "your saved plan is kept").
EM_JS(void, js_stop, (const char* why), { abort(UTF8ToString(why)); });
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
    js_stop("its font (fonts/ui.ttf) could not be read.");
    return nullptr; // (not reached: abort() throws)
}

// The UI font and, merged into it, the fallback fonts held for the characters seen (fonts.hpp); then
// the texture. How many characters seen are still without a glyph goes back to the app.
void loadFont(float dpr, float scale, bool texture = true) { // scale: the UI scale (1 to 2)
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.PixelSnapH = false;
    // Rasterise at device pixels and scale back: text stays sharp on high-DPI screens.
    rt->app->fonts().build(*io.Fonts, "/fonts/ui.ttf", 15.0f * scale * dpr, cfg);
    io.FontGlobalScale = 1.0f / dpr;
    if (texture) {
        webgl::destroyFontTexture();
        webgl::newFrame(); // the texture from the new atlas, built now: the glyphs are counted below
        rt->shown = 0; // the same vertices over another texture: draw again
    } else {
        io.Fonts->Build(); // the renderer makes the texture on its first frame
    }
    rt->app->fonts().countMissing(*io.Fonts->Fonts[0]);
    rt->fontGeneration = rt->app->fonts().generation();
}

// Tells the page whether a field is taking text and where its caret is, when that changes: the page
// then keeps its input-method area there (api.js), so input methods, dictation and phone keyboards type
// into the field.
EM_JS(void, js_text_input, (int active, float x, float y, float height), {
    if (Module.plotlineTextInput) Module.plotlineTextInput(active, x, y, height);
});
void updateTextInput() {
    static bool active = false;
    static ImVec2 at(-1, -1);
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool want = ImGui::GetIO().WantTextInput;
    // Dear ImGui puts the caret line's top-left corner in PlatformImePos while a field is edited.
    const ImVec2 caret(g.PlatformImePos.x, g.PlatformImePos.y);
    if (want == active && (!want || (caret.x == at.x && caret.y == at.y))) return;
    active = want;
    at = caret;
    js_text_input(want ? 1 : 0, caret.x, caret.y, g.FontSize * 1.35f);
}

// Hands this frame's SDL events to ImGui. Dear ImGui 1.86 sees only a key's state at the frame, so a
// key pressed and released between two frames (a quick Ctrl+Z while a big plan redraws) would be
// lost: such a release waits for the next frame, and so does a second press of a key released in this
// frame (43 quick Down presses move the selection 43 rows, not about half); the events after one that
// waits wait too, in order, and frame() runs the frames they need at once. The backend also reads modifiers from SDL's state
// after every event queued so far; each key event's own modifiers are used instead, so Ctrl still
// counts for a Z that was typed before the Ctrl release in the same batch. Mouse buttons: the backend
// latches a press and release between two frames as one frame held down, so the second click of a
// double click, arriving before any frame has seen the button up, would only extend the first: a
// press of a button that went up in this frame's events (pressed in them or in an earlier frame's),
// or went down and up in the last frame's, waits for the next frame, and this frame shows the button
// up (heldBack: SDL's own button state already counts the press, so frame() lifts it after the
// backend has read it).
unsigned heldBack = 0; // ImGui mouse buttons (0 left, 1 right, 2 middle) whose press waits for the next frame
// Which click of a series each button's press fed for this frame is (0: none fed), as SDL counted it
// when the browser handed over the event: within 500 ms of the last press, as the systems count a
// double click, and within 6 pixels of it, as Dear ImGui does. Dear ImGui counts from its frames'
// times instead, so one slow frame between the two presses (a window drawn for the first time, a big
// plan's edit) lost a double click that the user made in time; buildFrame() gives ImGui SDL's count.
int pressClicks[3] = {0, 0, 0};
int imguiButton(Uint8 sdlButton) {
    return sdlButton == SDL_BUTTON_LEFT ? 0 : sdlButton == SDL_BUTTON_RIGHT ? 1 : sdlButton == SDL_BUTTON_MIDDLE ? 2 : -1;
}
std::vector<SDL_Event> deferred; // events that wait for the next frame, in order
bool feedEvents() {
    static unsigned clickedBefore = 0; // mouse buttons that went down and up within the last frame's events
    std::vector<SDL_Event> later;
    std::vector<SDL_Scancode> pressed, released;
    unsigned down = 0, clicked = 0, up = 0; // (up: buttons released in this frame's events)
    heldBack = 0;
    for (int& c : pressClicks) c = 0;
    bool mouseLater = false;
    bool any = false;
    auto feed = [&](const SDL_Event& ev) {
        SDL_Event copy = ev;
        ImGui_ImplSDL2_ProcessEvent(&copy);
        if (ev.type == SDL_KEYDOWN || ev.type == SDL_KEYUP) {
            ImGuiIO& io = ImGui::GetIO();
            const Uint16 mod = ev.key.keysym.mod;
            io.KeyShift = (mod & KMOD_SHIFT) != 0;
            io.KeyCtrl = (mod & KMOD_CTRL) != 0;
            io.KeyAlt = (mod & KMOD_ALT) != 0;
            io.KeySuper = (mod & KMOD_GUI) != 0;
        } else if (ev.type == SDL_MOUSEBUTTONDOWN) {
            down |= 1u << (ev.button.button & 31);
            if (const int b = imguiButton(ev.button.button); b >= 0) pressClicks[b] = ev.button.clicks;
        } else if (ev.type == SDL_MOUSEBUTTONUP) {
            up |= 1u << (ev.button.button & 31);
            if (down & (1u << (ev.button.button & 31))) clicked |= 1u << (ev.button.button & 31);
        }
    };
    // What waited from the last frame comes first, under the same rules: when many keys arrive between
    // two frames (a slow frame, or frames the browser did not need), one press of a key per frame.
    std::vector<SDL_Event> batch = std::move(deferred);
    deferred.clear();
    SDL_Event polled;
    while (SDL_PollEvent(&polled)) batch.push_back(polled);
    for (const SDL_Event& e : batch) {
        any = true;
        if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) {
            if (mouseLater || (e.type == SDL_MOUSEBUTTONDOWN && ((clickedBefore | up) & (1u << (e.button.button & 31))))) {
                mouseLater = true; // and the button events after it, in order
                if (const int b = imguiButton(e.button.button); e.type == SDL_MOUSEBUTTONDOWN && b >= 0) heldBack |= 1u << b;
                later.push_back(e);
                continue;
            }
        }
        // A key released after its press in this frame, or pressed again after its release in this
        // frame, waits: Dear ImGui must see it down in one frame and up in another to count a press.
        if ((e.type == SDL_KEYUP && std::find(pressed.begin(), pressed.end(), e.key.keysym.scancode) != pressed.end()) ||
            (e.type == SDL_KEYDOWN && std::find(released.begin(), released.end(), e.key.keysym.scancode) != released.end())) {
            later.push_back(e);
            continue;
        }
        if (!later.empty() && (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT)) { // keep key and text order
            later.push_back(e);
            continue;
        }
        if (e.type == SDL_KEYDOWN) pressed.push_back(e.key.keysym.scancode);
        if (e.type == SDL_KEYUP) released.push_back(e.key.keysym.scancode);
        feed(e);
    }
    clickedBefore = clicked;
    deferred = std::move(later);
    return any;
}

// The pointer's shape for what the frame asked (Dear ImGui's mouse cursor), set only when it changes.
// Dear ImGui 1.86's SDL backend set it at every frame (its flag NoMouseCursorChange is set in
// main()), and Emscripten's SDL writes the canvas's CSS cursor each time it is set: a style change of
// the page at every frame.
void showCursor() {
    static const SDL_SystemCursor kSystem[ImGuiMouseCursor_COUNT] = {
        SDL_SYSTEM_CURSOR_ARROW,  SDL_SYSTEM_CURSOR_IBEAM,    SDL_SYSTEM_CURSOR_SIZEALL,
        SDL_SYSTEM_CURSOR_SIZENS, SDL_SYSTEM_CURSOR_SIZEWE,   SDL_SYSTEM_CURSOR_SIZENESW,
        SDL_SYSTEM_CURSOR_SIZENWSE, SDL_SYSTEM_CURSOR_HAND, SDL_SYSTEM_CURSOR_NO};
    static SDL_Cursor* made[ImGuiMouseCursor_COUNT] = {};
    static ImGuiMouseCursor shown = ImGuiMouseCursor_COUNT; // (none set yet)
    ImGuiMouseCursor c = ImGui::GetMouseCursor();
    if (c != ImGuiMouseCursor_None && (c < 0 || c >= ImGuiMouseCursor_COUNT)) c = ImGuiMouseCursor_Arrow;
    if (c == shown) return;
    shown = c;
    if (c == ImGuiMouseCursor_None) {
        SDL_ShowCursor(SDL_FALSE);
        return;
    }
    if (!made[c]) made[c] = SDL_CreateSystemCursor(kSystem[c]);
    SDL_SetCursor(made[c]);
    SDL_ShowCursor(SDL_TRUE);
}

// One Dear ImGui frame of the app, from the events fed so far.
void buildFrame() {
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0) io.DeltaTime = 1e-4f; // two frames within one animation frame
    for (int b = 0; b < 3; ++b)
        if (heldBack & (1u << b)) io.MouseDown[b] = false;
    ImGui::NewFrame();
    for (int b = 0; b < 3; ++b)
        if (io.MouseClicked[b] && pressClicks[b] > 0) {
            io.MouseClickedCount[b] = io.MouseClickedLastCount[b] = ImU16(pressClicks[b]);
            io.MouseDoubleClicked[b] = pressClicks[b] == 2;
        }
    rt->app->frame();
    ImGui::Render();
    showCursor();
}

uint64_t WebHost::animationFrame() { return rt->animationFrames; }

void frame() {
    ++rt->animationFrames;
    // Skip frames while nothing happens: no input, no pending save, nothing animating. A frame still
    // runs every half second so the clock-driven parts (today line, messages) stay current.
    const double now = emscripten_get_now();
    bool active = feedEvents();
    const float dpr = float(js_device_pixel_ratio());
    // Moved to another screen, zoomed the page, a new UI scale, or a font for new characters arrived.
    if (dpr != rt->dpr || rt->app->uiScale() != rt->scale || rt->app->fonts().generation() != rt->fontGeneration) {
        rt->dpr = dpr;
        rt->scale = rt->app->uiScale();
        loadFont(dpr, float(rt->scale) / 100.0f);
        active = true;
    }
    if (active) rt->lastActivity = now;
    // Nothing to draw until the saved plan is loaded: the page's splash shows meanwhile, and the
    // event loop stays free for IndexedDB (software-rendered frames would delay its callbacks).
    if (!rt->app->ready()) return;
    const bool busy = rt->app->autosave().state() != AutoSave::State::Saved || !rt->readyNotified;
    if (!busy && now - rt->lastActivity > 1000 && now - rt->lastFrame < 500) return;
    rt->lastFrame = now;

    const double t0 = emscripten_get_now();
    webgl::newFrame();
    buildFrame();
    double a11yMs = rt->app->a11yMs(); // (summed over the app's frames in this animation frame)
    // Input that waits for a frame (a key's next press, a double click's second click) is handled at
    // once, in further frames within this animation frame, and only the last is drawn: the browser
    // runs few animation frames while the picture does not change, and input never queues behind them.
    for (int extra = 0; extra < 32 && !deferred.empty(); ++extra) {
        feedEvents();
        buildFrame();
        a11yMs += rt->app->a11yMs();
    }
    updateTextInput();
    const double t1 = emscripten_get_now();
    int w, h;
    SDL_GL_GetDrawableSize(rt->window, &w, &h);
    // The same picture as the one on screen (nothing moved, hovered or blinked): draw nothing, so the
    // canvas keeps it and the browser has no new frame to composite (draw_hash.hpp).
    const uint64_t picture = drawDataHash(*ImGui::GetDrawData()) ^ (uint64_t(uint32_t(w)) << 32 | uint32_t(h));
    if (picture != rt->shown) {
        rt->shown = picture;
        glViewport(0, 0, w, h);
        glClearColor(float((theme::kClear >> IM_COL32_R_SHIFT) & 0xFF) / 255, float((theme::kClear >> IM_COL32_G_SHIFT) & 0xFF) / 255,
                     float((theme::kClear >> IM_COL32_B_SHIFT) & 0xFF) / 255, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        webgl::render(*ImGui::GetDrawData());
        ++rt->drawn;
    }
    if (rt->frameMs.size() < 100000) {
        rt->frameMs.push_back(float(emscripten_get_now() - t0));
        rt->uiMs.push_back(float(t1 - t0));
        rt->a11yMs.push_back(float(a11yMs));
    }
    rt->vertices = ImGui::GetDrawData()->TotalVtxCount;
    rt->indices = ImGui::GetDrawData()->TotalIdxCount;

    if (rt->app->ready() && !rt->readyNotified) {
        rt->readyNotified = true;
        js_notify_ready();
    }
}

} // namespace

// ---- exported to JavaScript --------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE void plotline_area_done(int token, const char* error) {
    rt->host.storage_.finished(token, error ? error : "");
    rt->lastActivity = emscripten_get_now();
}
EMSCRIPTEN_KEEPALIVE void plotline_areas_listed(int token, const char* names) { rt->host.storage_.listed(token, names ? names : ""); }
EMSCRIPTEN_KEEPALIVE void plotline_project_owner(const char* id, int owner) {
    const std::string project = id ? id : "";
    if (!rt->host.answered(project, owner != 0)) rt->app->setOwner(project, owner != 0);
    rt->lastActivity = emscripten_get_now();
}
EMSCRIPTEN_KEEPALIVE void plotline_changed_elsewhere(const char* id) {
    rt->app->changedElsewhere(id ? id : "");
    rt->lastActivity = emscripten_get_now();
}
EMSCRIPTEN_KEEPALIVE void plotline_prefetch(const char* id) {
    if (rt && rt->app && id) rt->app->prefetch(id);
}
EMSCRIPTEN_KEEPALIVE void plotline_storage_usage(double used, double quota, int persistent) {
    rt->host.storage_.usage_ = {uint64_t(used), uint64_t(quota), persistent != 0};
}
EMSCRIPTEN_KEEPALIVE void plotline_http_done(int token, int status, const char* etag, char* body, int length, double sent, double received,
                                             const char* error) {
    HttpResponse r;
    r.status = status;
    r.etag = etag ? etag : "";
    r.body.assign(body, size_t(length));
    std::free(body);
    r.networkError = error ? error : "";
    r.sentBytes = uint64_t(sent);
    r.receivedBytes = uint64_t(received);
    rt->host.httpDone(token, std::move(r));
    rt->lastActivity = emscripten_get_now();
}
EMSCRIPTEN_KEEPALIVE void plotline_codec_done(int token, char* bytes, int length, const char* error) {
    std::string out(bytes, size_t(length));
    std::free(bytes);
    rt->host.codecDone(token, error && *error ? Result<std::string>(fail(error)) : Result<std::string>(std::move(out)));
    rt->lastActivity = emscripten_get_now();
}
// A pinch on a touch screen (scale > 1: fingers apart) about x (CSS pixels).
EMSCRIPTEN_KEEPALIVE void plotline_pinch(double scale, double x) {
    if (rt && rt->app && rt->app->viewerScreen()) rt->app->viewerScreen()->pinch(float(scale), float(x));
    rt->lastActivity = emscripten_get_now();
}
// The page came back online (1) or got the focus (0): sync soon.
EMSCRIPTEN_KEEPALIVE void plotline_sync_nudge(int online) {
    if (rt && rt->app) rt->app->sync().nudge(online != 0);
}
// A picked or dropped file: its bytes as they are (UTF-8), read straight into the heap by api.js.
EMSCRIPTEN_KEEPALIVE void plotline_import_file(const char* name, const char* bytes, int size) {
    rt->app->importFile(name, std::string_view(bytes, size_t(size)));
}
EMSCRIPTEN_KEEPALIVE void plotline_page_hidden() { rt->app->pageHidden(); }
EMSCRIPTEN_KEEPALIVE int plotline_text_input_active() { return ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput; }
EMSCRIPTEN_KEEPALIVE char* plotline_copy_text() { return copyOut(rt->app->copyText()); }
// Text from the page's input-method area (api.js): typed into the field being edited.
EMSCRIPTEN_KEEPALIVE void plotline_text_typed(const char* text) {
    if (text && ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(text);
    rt->lastActivity = emscripten_get_now();
}
EMSCRIPTEN_KEEPALIVE void plotline_paste_text(const char* text) {
    rt->app->pasteText(text ? text : "");
    rt->lastActivity = emscripten_get_now();
}
// The accessibility mirror: a button pressed, a row focused (by a screen reader or a click on it).
EMSCRIPTEN_KEEPALIVE int plotline_a11y_activate(const char* id) {
    rt->lastActivity = emscripten_get_now();
    return rt->app->a11yActivate(id ? id : "");
}
EMSCRIPTEN_KEEPALIVE int plotline_a11y_select(const char* id) {
    rt->lastActivity = emscripten_get_now();
    return rt->app->a11ySelect(id ? id : "");
}
EMSCRIPTEN_KEEPALIVE char* plotline_state_json() { return copyOut(writeProjectJson(rt->app->document().project())); }
EMSCRIPTEN_KEEPALIVE char* plotline_widgets_json() { return copyOut(widgetsJson()); }
EMSCRIPTEN_KEEPALIVE char* plotline_status_json() { return copyOut(rt->app->statusJson()); }
// The status report's numbers for the open project at its status date (what the Budget view shows),
// with the margin when this person may see money.
EMSCRIPTEN_KEEPALIVE char* plotline_report_json() {
    const Document& d = rt->app->document();
    return copyOut(statusReportJson(statusReport(d.project(), d.schedule(), rt->app->budget().statusDate(rt->host.today()), d.capabilities().seeMoney)));
}
// Frame times since the last call (then forgotten), and the last frame's vertex and index counts.
EMSCRIPTEN_KEEPALIVE char* plotline_frame_stats_json() {
    std::string out = "{\"vertices\":" + std::to_string(rt->vertices) + ",\"indices\":" + std::to_string(rt->indices) +
                      ",\"drawn\":" + std::to_string(rt->drawn);
    char buf[32];
    for (auto [name, list] : {std::pair{"frameMs", &rt->frameMs}, std::pair{"uiMs", &rt->uiMs}, std::pair{"a11yMs", &rt->a11yMs}}) {
        out += std::string(",\"") + name + "\":[";
        for (size_t i = 0; i < list->size(); ++i) {
            std::snprintf(buf, sizeof buf, "%s%.3f", i ? "," : "", double((*list)[i]));
            out += buf;
        }
        out += "]";
        list->clear();
    }
    return copyOut(out + "}");
}
// Bytes of the wasm heap, and of it in use by malloc.
EMSCRIPTEN_KEEPALIVE char* plotline_memory_json() {
    const struct mallinfo mi = mallinfo();
    return copyOut("{\"heap\":" + std::to_string(emscripten_get_heap_size()) + ",\"used\":" + std::to_string(size_t(mi.uordblks)) + "}");
}

} // extern "C"

int main() {
    js_mark("main");
    SDL_SetHint(SDL_HINT_MOUSE_DOUBLE_CLICK_RADIUS, "6"); // as Dear ImGui's MouseDoubleClickMaxDist (SDL's own: 32, for touch)
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        js_fatal((std::string("Plotline could not start: ") + SDL_GetError()).c_str());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0); // Dear ImGui draws without depth: no depth buffer beside the canvas (SDL asks for 16 bits)
    rt = new Runtime();
    // Open the library first: IndexedDB reads while the window, GL and fonts are set up, and answers
    // once main() has returned.
    rt->app = std::make_unique<App>(rt->host);
    // A link to a client view opens the viewer (no library); any other address, the planner.
    if (const std::string at = rt->host.address(); isViewLink(at)) rt->app->startViewer(at);
    else rt->app->start();
    rt->window = SDL_CreateWindow("Plotline", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    rt->gl = rt->window ? SDL_GL_CreateContext(rt->window) : nullptr;
    if (!rt->gl) {
        js_fatal((std::string("Plotline needs WebGL2, which is not available here (") + SDL_GetError() +
                  ").\nTry a current Chrome, Edge, Firefox or Safari, with hardware acceleration on.").c_str());
        return 1;
    }
    SDL_GL_MakeCurrent(rt->window, rt->gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout is code; nothing to persist
    rt->dpr = float(js_device_pixel_ratio());
    loadFont(rt->dpr, 1.0f, false);
    theme::apply(15.0f);
    ImGui_ImplSDL2_InitForOpenGL(rt->window, rt->gl);
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange; // (showCursor sets it when it changes)
    if (!webgl::init()) std::fprintf(stderr, "WebGL2: the drawing program did not link\n");
    js_mark("window-ready");

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}

// ImGui's GLES3 backend calls the GL functions it uses directly, so they are linked by name. SDL's EGL
// layer can also ask for a function by its name (eglGetProcAddress), and Emscripten answers that
// from a table of every WebGL function: linking it put 317 GL functions into plotline.js and their
// names into plotline.wasm, 13 KB gzipped of the first load. Nothing here asks for a function by
// name (a run through start-up asks for none), so the lookup answers "none", as for a function a
// driver lacks.
extern "C" void* eglGetProcAddress(const char*) { return nullptr; }
