// What the app needs from the platform, behind small interfaces: the browser implements them with
// IndexedDB (IDBFS), Blob downloads and the file picker (src/platform/web); tests and tools use plain
// files (src/platform/native).
#pragma once
#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "core/sync.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace plotline {

// Durable storage of text files in areas. An area is a set of files loaded and made durable
// together: one IndexedDB database in the browser (an IDBFS mount), one folder natively. Files are
// addressed "area/name". Reads and writes work on the loaded copy; persist() makes the area's
// writes and removals since the last persist durable, in one IndexedDB transaction. Calls that take
// a callback may answer later (the browser) or at once (natively); they run one at a time, in order.
class Storage {
public:
    using Done = std::function<void(const std::string& error)>; // "" or an error message
    virtual ~Storage() = default;
    virtual void load(const std::string& area, Done done) = 0;    // (re)read the area's durable state
    virtual void persist(const std::string& area, Done done) = 0; // make the area's changes durable
    virtual void drop(const std::string& area, Done done) = 0;    // delete the area and its files
    virtual void areas(std::function<void(std::vector<std::string>)> done) = 0; // every durable area
    virtual std::optional<std::string> read(const std::string& path) = 0;
    virtual std::string write(const std::string& path, const std::string& text) = 0; // "" or an error
    virtual void remove(const std::string& path) = 0;
    virtual std::vector<std::string> list(const std::string& area) = 0; // file names, sorted
    // A file of about this many bytes is to be written soon (an autosave has begun formatting a
    // version): a storage that copies files into memory of its own may ready room for it.
    virtual void expectWrite(size_t /*bytes*/) {}
    // Bytes used and available to this site (0, 0 when unknown), and whether the browser promised
    // not to evict them.
    struct Usage {
        uint64_t used = 0, quota = 0;
        bool persistent = false;
    };
    virtual Usage usage() const { return {}; }
};

// Compression and sealing for client-view links: gzip and gunzip, and AES-256-GCM under a 32-byte key
// (Seal: a fresh random 12-byte IV, then the ciphertext and its 16-byte tag, as WebCrypto writes them;
// Open: the reverse, an error when the tag does not match).
enum class Codec { Gzip, Gunzip, Seal, Open };

class Host {
public:
    virtual ~Host() = default;
    virtual Stamp now() = 0;     // milliseconds since the epoch
    virtual Date today() = 0;    // the user's local date
    virtual Storage& storage() = 0;
    virtual std::optional<std::string> readAsset(const std::string& name) = 0; // shipped files (the sample)
    virtual void download(const std::string& filename, const std::string& mime, const std::string& content) = 0;
    virtual void pickFile() = 0; // the chosen file comes back through App::importFile
    // A picture: the SVG drawn at width × height pixels and downloaded as a PNG (the browser rasterises).
    virtual void downloadPng(const std::string& filename, const std::string& svg, int /*width*/, int /*height*/) {
        download(filename + ".svg", "image/svg+xml", svg);
    }
    virtual void copyText(const std::string& /*text*/) {} // onto the system clipboard
    // Prints a page (HTML) through the browser's print dialog; natively it is kept for tests.
    virtual void print(const std::string& /*html*/) {}
    // Two tabs on one project: claimProject() asks to be the one tab that writes it and answers
    // whether it is (natively: at once, always yes); a later change (the other tab closed) comes
    // through App::setOwner. announceSaved() tells other tabs that a new version is durable (they
    // follow it through App::changedElsewhere).
    virtual void claimProject(const std::string& /*id*/, std::function<void(bool owner)> answer) { answer(true); }
    virtual void releaseProject(const std::string& /*id*/) {}
    virtual void announceSaved(const std::string& /*id*/) {}
    // One HTTP exchange (fetch in the browser): the answer comes later, through done, on the main
    // thread. A request with gzip set is sent compressed; a gzip body in the answer arrives inflated.
    // Status 0 with networkError when there is no answer. Natively there is no network: status 0.
    virtual void http(const HttpRequest& /*request*/, std::function<void(HttpResponse)> done) {
        HttpResponse r;
        r.networkError = "no network in this build";
        done(std::move(r));
    }
    // Codec work for view links; the answer may come later (the browser), on the main thread.
    virtual void codec(Codec /*op*/, std::string /*data*/, std::string /*key*/, std::function<void(Result<std::string>)> done) {
        done(fail("compression and encryption are not available in this build"));
    }
    // A font for a script the UI font lacks (fonts.hpp), by file name ("cjk.ttf"): in the browser
    // fetched from fonts/ beside the app (kept for offline use by the service worker); the answer may
    // come later, on the main thread.
    virtual void fetchFont(const std::string& file, std::function<void(Result<std::string>)> done) {
        done(fail("no fonts for " + file + " here"));
    }
    // A language's catalogue file (i18n::catalogueFile), where the program has none compiled in (the
    // web app: i18n/<code>.cat beside it, kept offline by the service worker); the answer may come later.
    virtual void fetchCatalogue(const std::string& code, std::function<void(Result<std::string>)> done) {
        done(fail("no catalogue for " + code + " here"));
    }
    // Whether all of the program's code is here. The web app comes in two parts
    // (scripts/split-wasm.mjs): on a first visit the second arrives once the plan is on screen, and a
    // call into it before then downloads it synchronously. Work that can wait for it does (storing the
    // sample as the first project, the warm-up), so the first part need not carry that work's code.
    virtual bool allCodeHere() { return true; }
    // The browser's animation frame (counting from 1), which may run several of the app's frames when
    // input waits for one; 0 where each of the app's frames is one (natively).
    virtual uint64_t animationFrame() { return 0; }
    // The page's address (links to views start with it); "" where there is no page.
    virtual std::string address() { return ""; }
    // A named moment of start-up for benchmarks (performance.mark in the browser); nothing elsewhere.
    virtual void mark(const char* /*name*/) {}
    // The accessibility mirror (a11y.hpp), as JSON, whenever what it shows changed; and a sentence
    // for the live region ("Deleted “Copy deck”; 3 tasks moved").
    virtual void publishA11y(const std::string& /*json*/) {}
    // This device's preferences (the look, the UI scale), kept across visits; "" when never set.
    virtual std::string preference(const std::string& key) {
        const auto it = preferences_.find(key);
        return it == preferences_.end() ? "" : it->second;
    }
    virtual void setPreference(const std::string& key, const std::string& value) { preferences_[key] = value; }
    // What the system asks for: "dark" (prefers-color-scheme), "more" (prefers-contrast: more or
    // forced colours), "" for light.
    virtual std::string systemLook() { return ""; }
    // The user's locale as a BCP 47 tag ("de-DE": navigator.language), or "" for none (natively:
    // English with ISO dates, what the tests read).
    virtual std::string systemLocale() { return ""; }
    // The language the UI now speaks ("de"): the page's lang attribute, for screen readers and
    // hyphenation.
    virtual void setDocumentLanguage(const std::string& /*code*/) {}
    virtual void announce(const std::string& /*text*/) {}

protected:
    std::map<std::string, std::string> preferences_; // natively: in memory
};

} // namespace plotline
