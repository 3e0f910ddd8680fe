#include "sync_controller.hpp"
#include "core/i18n.hpp"

#include "core/json_dom.hpp"
#include "core/json_io.hpp"

#include <algorithm>

namespace plotline {

namespace {

constexpr const char* kArea = "sync";
constexpr const char* kConnectionFile = "sync/connection.json";
constexpr Stamp kQuietMs = 2000;      // after the last edit
constexpr Stamp kPollMs = 60000;      // a poll when nothing happens
constexpr Stamp kMaxBackoffMs = 300000;


} // namespace

SyncController::SyncController(Host& host, ProjectLibrary& library, Document& doc) : host_(host), library_(library), doc_(doc) {
    listener_ = doc_.subscribe([this](const Document& d) {
        if (d.lastOrigin() != ChangeOrigin::Local) return;
        ++localEdits_;
        lastEditAt_ = host_.now();
    });
}

SyncController::~SyncController() { doc_.unsubscribe(listener_); }

void SyncController::start(std::function<void()> done) {
    host_.storage().load(kArea, [this, done](const std::string&) {
        if (auto text = host_.storage().read(kConnectionFile))
            if (auto c = readConnection(*text)) {
                connection_ = *c;
                adapter_ = makeAdapter(*c);
                if (!projectId_.empty()) loadBase(projectId_);
            }
        if (done) done();
    });
}

void SyncController::connect(Connection c, std::function<void(bool, const std::string&)> done) {
    c.base = normaliseBase(c.base);
    if (std::string why = checkBaseUrl(c.base); !why.empty()) return done(false, why);
    if (!c.auth.token.empty() && !c.auth.user.empty()) return done(false, tr("Give a token or a user and password, not both"));
    auto adapter = std::shared_ptr<RemoteAdapter>(makeAdapter(c));
    auto probe = std::make_shared<ServerProbe>(c.base, host_.now());
    probing_ = true;
    // Each answer runs the next step; the pending request holds the steps alive (no cycle).
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [this, c, adapter, probe, weak, done] {
        std::optional<HttpRequest> q = probe->next();
        if (!q) {
            probing_ = false;
            if (!probe->ok()) return done(false, probe->verdict());
            const bool changed = !connection_ || connection_->base != c.base || connection_->kind != c.kind;
            connection_ = c;
            adapter_ = makeAdapter(c);
            if (std::string err = host_.storage().write(kConnectionFile, connectionJson(c)); !err.empty())
                return done(false, fmt(tr("Connected, but this browser could not keep the connection: {0}"), err));
            host_.storage().persist(kArea, [](const std::string&) {});
            if (changed) {
                error_.clear();
                failures_ = 0;
                nextAllowed_ = 0;
                if (!projectId_.empty()) loadBase(projectId_);
            }
            libraryDue_ = true;
            nudged_ = true;
            return done(true, probe->verdict());
        }
        const HttpRequest contract = *q;
        host_.http(adapter->toServer(contract), [adapter, probe, self = weak.lock(), contract](HttpResponse raw) {
            probe->onResponse(adapter->fromServer(contract, std::move(raw)));
            (*self)();
        });
    };
    (*step)();
}

void SyncController::disconnect() {
    connection_.reset();
    adapter_.reset();
    round_.reset();
    library_update_.reset();
    waiting_.reset();
    ++generation_;
    error_.clear();
    conflicts_.clear();
    host_.storage().remove(kConnectionFile);
    host_.storage().persist(kArea, [](const std::string&) {});
}

void SyncController::listRemote(std::function<void(Result<std::vector<RemotePlan>>)> done) {
    if (!adapter_) return done(fail(tr("Not connected to a server")));
    const HttpRequest contract{"GET", adapter_->libraryUrl(), {}, {}};
    host_.http(adapter_->toServer(contract), [this, contract, done](HttpResponse raw) {
        if (!adapter_) return done(fail(tr("Not connected to a server")));
        const HttpResponse r = adapter_->fromServer(contract, std::move(raw));
        if (r.status == 404) return done(std::vector<RemotePlan>{});
        if (r.status == 0) return done(fail(fmt(tr("Offline: {0}"), r.networkError)));
        if (r.status != 200) return done(fail(fmt(tr("The server answered {0}"), r.status)));
        done(readRemoteLibrary(r.body));
    });
}

void SyncController::fetchRemote(const std::string& id, std::function<void(Result<RemoteCopy>)> done) {
    if (!adapter_) return done(fail(tr("Not connected to a server")));
    const HttpRequest contract{"GET", adapter_->projectUrl(id), {}, {}};
    host_.http(adapter_->toServer(contract), [this, contract, done](HttpResponse raw) {
        if (!adapter_) return done(fail(tr("Not connected to a server")));
        const HttpResponse r = adapter_->fromServer(contract, std::move(raw));
        if (r.status == 0) return done(fail(fmt(tr("Offline: {0}"), r.networkError)));
        if (r.status != 200) return done(fail(fmt(tr("The server answered {0}"), r.status)));
        const Result<Sealed> v = unseal(r.body);
        if (!v) return done(fail(fmt(tr("The server's copy is damaged ({0}): not opened"), v.error())));
        Result<Project> p = readProjectJson(v->body);
        if (!p) return done(fail(fmt(tr("The server's copy does not read: {0}"), p.error().substr(0, p.error().find('\n')))));
        done(RemoteCopy{std::move(*p), SyncBase{r.etag, std::string(v->body), v->info.number}});
    });
}

std::string SyncController::baseFile() const { return projectArea(projectId_) + "/sync-base"; }

void SyncController::loadBase(const std::string& id) {
    base_.reset();
    baseDirty_ = false;
    if (id.empty() || !connection_) return;
    const std::optional<std::string> text = host_.storage().read(projectArea(id) + "/sync-base");
    if (!text) return;
    const size_t eol = text->find('\n');
    if (eol == std::string::npos) return;
    JsonDoc head;
    if (!head.parse(std::string_view(*text).substr(0, eol))) return;
    const std::string url(head.root()["url"].str());
    if (url != adapter_->projectUrl(id)) return; // agreed with another server: start afresh there
    base_ = SyncBase{std::string(head.root()["etag"].str()), text->substr(eol + 1), uint64_t(head.root()["number"].integer())};
}

void SyncController::saveBase() {
    if (!baseDirty_ || !base_ || projectId_.empty() || !library_.find(projectId_) || !adapter_) return;
    std::string head = "{\"url\":";
    appendJsonString(head, adapter_->projectUrl(projectId_));
    head += ",\"etag\":";
    appendJsonString(head, base_->etag);
    head += ",\"number\":" + std::to_string(base_->number) + "}\n";
    if (!host_.storage().write(baseFile(), head + base_->json).empty()) return; // kept in memory; tried again after the next round
    baseDirty_ = false;
    host_.storage().persist(projectArea(projectId_), [](const std::string&) {});
}

void SyncController::projectOpened(const std::string& id, std::optional<SyncBase> base) {
    if (id == projectId_ && !base) return;
    round_.reset();
    library_update_.reset();
    waiting_.reset();
    ++generation_;
    projectId_ = id;
    conflicts_.clear();
    notes_.clear();
    error_.clear();
    newerSchema_ = false;
    failures_ = 0;
    nextAllowed_ = 0;
    localEdits_ = 0;
    lastSynced_ = 0;
    libraryName_.clear();
    loadBase(id);
    if (base) {
        base_ = std::move(base);
        baseDirty_ = true;
        lastSynced_ = host_.now();
    }
    nudged_ = true;
}

void SyncController::nudge(bool online) {
    if (online) {
        failures_ = 0;
        nextAllowed_ = 0;
    }
    nudged_ = true;
}

void SyncController::syncNow() {
    failures_ = 0;
    nextAllowed_ = 0;
    nudged_ = true;
}

void SyncController::tick(Stamp now) {
    if (!connection_ || projectId_.empty() || newerSchema_) return;
    saveBase(); // a base that could not be stored yet (a project still being created)
    if (waiting_ && now >= dueAt_) {
        HttpRequest q = std::move(*waiting_);
        waiting_.reset();
        send(q);
        return;
    }
    if (busy() || !canWrite_ || probing_ || now < nextAllowed_) return; // a nudge waits out a backoff too
    const bool quiet = localEdits_ > 0 && now - lastEditAt_ >= kQuietMs;
    const bool poll = now - lastRoundAt_ >= kPollMs;
    if (!nudged_ && !quiet && !poll) return;
    nudged_ = false;
    if (libraryDue_ && base_) {
        updateLibrary();
        return;
    }
    runRound(now);
}

void SyncController::runRound(Stamp now) {
    round_ = std::make_unique<ProjectSync>(adapter_->projectUrl(projectId_), base_);
    ++stats_.rounds;
    lastRoundAt_ = now;
    editsAtStart_ = localEdits_;
    wrote_ = false;
    handle(round_->start(doc_.project(), now), now);
}

void SyncController::handle(SyncStep s, Stamp now) {
    if (s.merged) {
        // The version before the merge stays in History, and the merge is one undoable step.
        library_.keepInHistory(projectId_, [](const std::string&) {});
        doc_.applyExternal(std::move(*s.merged), tr("Merge from the server"));
        ++stats_.merges;
    }
    for (MergeConflict& k : s.conflicts) {
        auto same = [&](const MergeConflict& o) { return o.entity == k.entity && o.id == k.id && o.field == k.field; };
        conflicts_.erase(std::remove_if(conflicts_.begin(), conflicts_.end(), same), conflicts_.end());
        conflicts_.push_back(std::move(k));
    }
    if (!s.notes.empty()) notes_ = std::move(s.notes);
    if (s.request) {
        if (s.request->method == "PUT") wrote_ = true;
        return sendAfter(std::move(*s.request), s.waitMs, now);
    }
    finishRound(s, now);
}

void SyncController::sendAfter(HttpRequest q, int waitMs, Stamp now) {
    if (waitMs <= 0) return send(q);
    waiting_ = std::move(q); // sent by tick() when due
    dueAt_ = now + waitMs;
}

void SyncController::send(const HttpRequest& contract) {
    if (!adapter_) return;
    ++stats_.requests;
    const uint64_t gen = generation_;
    host_.http(adapter_->toServer(contract), [this, gen, contract](HttpResponse raw) {
        if (gen != generation_ || !adapter_) return; // the round was abandoned (another project, disconnected)
        stats_.bytesSent += raw.sentBytes;
        stats_.bytesReceived += raw.receivedBytes;
        const HttpResponse r = adapter_->fromServer(contract, std::move(raw));
        const Stamp now = host_.now();
        if (library_update_) {
            SyncStep s = library_update_->onResponse(r);
            if (s.request) return sendAfter(std::move(*s.request), s.waitMs, now);
            library_update_.reset();
            if (s.synced) {
                libraryDue_ = false;
                ++libraryWrites_;
            }
            return;
        }
        if (!round_) return;
        handle(round_->onResponse(r, doc_.project(), now), now);
    });
}

void SyncController::finishRound(const SyncStep& s, Stamp now) {
    stats_.parsed += uint64_t(round_ ? round_->parsed() : 0);
    if (round_ && round_->base() != base_) {
        base_ = round_->base();
        baseDirty_ = true;
    }
    round_.reset();
    if (s.synced) {
        error_.clear();
        failures_ = 0;
        nextAllowed_ = 0;
        lastSynced_ = now;
        localEdits_ = std::max(0, localEdits_ - editsAtStart_);
        saveBase();
        if (wrote_ || libraryName_ != doc_.project().name) libraryDue_ = true;
        if (libraryDue_) updateLibrary(); // the list of plans next, in the same busy spell
        return;
    }
    error_ = s.error;
    stats_.lastError = s.error;
    if (s.newerSchema) {
        newerSchema_ = true;
        return;
    }
    // Exponential backoff with jitter: 2 s, 4 s, 8 s… up to 5 minutes, each ×0.5–1.5.
    ++failures_;
    jitter_ = jitter_ * 1664525u + 1013904223u;
    const double spread = 0.5 + double(jitter_ >> 8) / double(1u << 24);
    const Stamp delay = std::min<Stamp>(kMaxBackoffMs, Stamp(2000) << std::min(failures_ - 1, 10));
    nextAllowed_ = now + Stamp(double(delay) * spread);
}

void SyncController::updateLibrary() {
    const Project& p = doc_.project();
    library_update_ = std::make_unique<LibraryUpdate>(adapter_->libraryUrl(), std::vector<RemotePlan>{{projectId_, p.name, host_.now(), p.tasks.size()}});
    libraryName_ = p.name;
    SyncStep s = library_update_->start();
    if (s.request) send(*s.request);
}

void SyncController::flip(size_t i) {
    if (i >= conflicts_.size()) return;
    std::string why;
    CommandPtr c = flipConflict(doc_.project(), conflicts_[i], why);
    if (c && !doc_.execute(std::move(c))) why = tr("this plan cannot be changed here");
    if (!why.empty()) notes_.insert(notes_.begin(), why);
    conflicts_.erase(conflicts_.begin() + long(i));
}

void SyncController::dismiss(size_t i) {
    if (i < conflicts_.size()) conflicts_.erase(conflicts_.begin() + long(i));
}

bool SyncController::signInRefused() const { return error_.rfind(tr("Server refused the sign-in"), 0) == 0; }

SyncController::Tone SyncController::tone() const {
    if (!connection_) return Tone::None;
    if (newerSchema_ || signInRefused()) return Tone::Error;
    if (!conflicts_.empty() || !error_.empty()) return Tone::Warn;
    if (round_ || probing_) return Tone::Busy;
    return Tone::Ok;
}

std::string SyncController::sentence(Stamp now) const {
    if (!connection_ || projectId_.empty()) return "";
    if (newerSchema_) return tr("Read-only: the server has this plan from a newer Plotline");
    if (signInRefused()) return error_;
    if (!conflicts_.empty()) return trn("{n} conflict to review", "{n} conflicts to review", int64_t(conflicts_.size()));
    if (round_) return tr("Syncing\u2026");
    if (!error_.empty()) {
        const std::string waiting = localEdits_ ? trn("{n} change waiting", "{n} changes waiting", localEdits_) : std::string(tr("nothing waiting"));
        if (error_.rfind("Offline", 0) == 0 || error_.rfind(tr("Offline"), 0) == 0) return fmt(tr("Offline: {0}"), waiting);
        return fmt(tr("Not synced ({0}): {1}"), error_, waiting);
    }
    if (!lastSynced_) return localEdits_ ? trn("{n} change waiting to sync", "{n} changes waiting to sync", localEdits_) : std::string(tr("Not synced yet"));
    if (localEdits_) return trn("{n} change waiting to sync", "{n} changes waiting to sync", localEdits_);
    return fmt(tr("Synced {0}"), agoText(now - lastSynced_));
}

SyncController::Stats SyncController::stats() const {
    Stats s = stats_;
    s.lastSynced = lastSynced_;
    s.pendingEdits = localEdits_;
    return s;
}

std::string SyncController::statusJson() const {
    const Stats s = stats();
    std::string out = "{\"connected\":";
    out += connection_ ? "true" : "false";
    out += ",\"sentence\":";
    appendJsonString(out, sentence(host_.now()));
    out += ",\"error\":";
    appendJsonString(out, error_);
    out += ",\"busy\":" + std::string(busy() ? "true" : "false") + ",\"conflicts\":" + std::to_string(conflicts_.size()) +
           ",\"rounds\":" + std::to_string(s.rounds) + ",\"requests\":" + std::to_string(s.requests) + ",\"bytesSent\":" + std::to_string(s.bytesSent) +
           ",\"bytesReceived\":" + std::to_string(s.bytesReceived) + ",\"merges\":" + std::to_string(s.merges) + ",\"parsed\":" + std::to_string(s.parsed) +
           ",\"pendingEdits\":" + std::to_string(s.pendingEdits) + ",\"lastSynced\":" + std::to_string(s.lastSynced) +
           ",\"hasBase\":" + (base_ ? "true" : "false") + "}";
    return out;
}

} // namespace plotline
