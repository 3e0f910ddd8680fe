#include "sync.hpp"

#include "json_io.hpp"
#include "sealed.hpp"

namespace plotline {

namespace {

std::optional<HttpRequest> probeRequest(const std::string& url, const char* method, std::vector<std::pair<std::string, std::string>> headers,
                                         std::string body) {
    return HttpRequest{method, url, std::move(headers), std::move(body)};
}

std::string refusal(int status) {
    if (status == 404) return "Not found on the server (404)";
    if (status >= 500) return "Server error (" + std::to_string(status) + "): will try again";
    return "Server answered " + std::to_string(status);
}

} // namespace

bool unusableTag(const std::string& tag) { return tag.empty() || tag.rfind("W/", 0) == 0; }

std::string unreachable(const HttpResponse& r) {
    if (r.status == 0) return "Offline: " + (r.networkError.empty() ? std::string("no answer from the server") : r.networkError);
    if (r.status == 401 || r.status == 403) return "Server refused the sign-in (" + std::to_string(r.status) + "): check Project > Sync";
    return "";
}

ProjectSync::ProjectSync(std::string url, std::optional<SyncBase> base) : url_(std::move(url)), base_(std::move(base)) {}

SyncStep ProjectSync::start(const Project&, Stamp) {
    attempts_ = 0;
    parsed_ = 0;
    return fetch();
}

SyncStep ProjectSync::fetch(int waitMs) {
    phase_ = Phase::Fetch;
    HttpRequest r{"GET", url_, {}, {}};
    if (base_ && !base_->etag.empty()) r.headers.push_back({"If-None-Match", base_->etag});
    SyncStep s;
    s.request = std::move(r);
    s.waitMs = waitMs;
    return s;
}

SyncStep ProjectSync::write(const Project& p, const std::string& ifMatch, Stamp now) {
    phase_ = Phase::Write;
    sent_ = writeProjectJson(p, false);
    sentNumber_ = (base_ ? base_->number : 0) + 1;
    HttpRequest r{"PUT", url_, {{"Content-Type", "application/vnd.plotline+json"}}, seal(sent_, {sentNumber_, now, p.name, p.tasks.size(), 0})};
    if (ifMatch.empty()) r.headers.push_back({"If-None-Match", "*"});
    else r.headers.push_back({"If-Match", ifMatch});
    SyncStep s;
    s.request = std::move(r);
    return s;
}

SyncStep ProjectSync::fail(std::string why) {
    phase_ = Phase::Idle;
    SyncStep s;
    s.error = std::move(why);
    return s;
}

SyncStep ProjectSync::onResponse(const HttpResponse& r, const Project& local, Stamp now) {
    if (std::string why = unreachable(r); !why.empty()) return fail(std::move(why));
    switch (phase_) {
        case Phase::Fetch:
            if (r.status == 304) { // the server still holds the base
                if (!base_) return fail("Server answered 304 to a first read");
                if (!r.etag.empty()) base_->etag = r.etag; // a weak tag turns strong
                if (writeProjectJson(local, false) == base_->json) {
                    phase_ = Phase::Idle;
                    SyncStep s;
                    s.synced = true;
                    return s;
                }
                if (unusableTag(base_->etag)) {
                    if (++attempts_ > kSyncMaxAttempts) return fail("Server's version tag stays weak: will try again");
                    return fetch(kWeakTagWaitMs);
                }
                return write(local, base_->etag, now);
            }
            if (r.status == 200) {
                ++parsed_;
                return fromRemote(unseal(r.body), r.etag, local, now);
            }
            if (r.status == 404) return write(local, "", now); // new here, or gone there: created, nothing lost
            return fail(refusal(r.status));
        case Phase::Write:
            if (r.status >= 200 && r.status < 300) {
                base_ = SyncBase{r.etag, sent_, sentNumber_};
                if (!r.etag.empty()) {
                    phase_ = Phase::Idle;
                    SyncStep s;
                    s.synced = true;
                    return s;
                }
                phase_ = Phase::ReadBack; // the server did not say the tag of what it keeps: read it back
                SyncStep s;
                s.request = HttpRequest{"GET", url_, {}, {}};
                return s;
            }
            if (r.status == 412) { // someone wrote first: fetch, merge, write again
                if (++attempts_ > kSyncMaxAttempts) return fail("The plan kept changing on the server: will try again");
                return fetch();
            }
            return fail(refusal(r.status));
        case Phase::ReadBack:
            if (r.status == 200) {
                ++parsed_;
                const Result<Sealed> v = unseal(r.body);
                if (v && v->body == sent_) {
                    base_->etag = r.etag;
                    phase_ = Phase::Idle;
                    SyncStep s;
                    s.synced = true;
                    return s;
                }
                return fromRemote(v, r.etag, local, now); // written over since: merge with it
            }
            return fail(refusal(r.status));
        case Phase::Idle: break;
    }
    return fail("No request was waiting for this answer");
}

SyncStep ProjectSync::fromRemote(const Result<Sealed>& v, const std::string& etag, const Project& local, Stamp now) {
    if (!v) return fail("The server's copy is damaged (" + v.error() + "): set aside, not merged; this device keeps its plan");
    int schema = 0;
    Result<Project> remote = readProjectJson(v->body, true, &schema);
    if (remote && schema > kSchemaVersion) {
        SyncStep s = fail("The server holds this plan from a newer Plotline (file schema " + std::to_string(schema) +
                          "): this device shows it read-only until Plotline is updated; nothing was merged");
        s.newerSchema = true;
        return s;
    }
    if (!remote) return fail("The server's copy does not read (" + remote.error().substr(0, remote.error().find('\n')) + "): set aside, not merged");
    Project before;
    if (base_) {
        Result<Project> b = readProjectJson(base_->json);
        if (b) before = std::move(*b);
    }
    if (!base_) before.id = remote->id;
    MergeResult m = mergeProjects(before, local, *remote);
    base_ = SyncBase{etag, std::string(v->body), v->info.number};
    SyncStep s;
    const std::string merged = writeProjectJson(m.project, false);
    if (!(m.project == local)) s.merged = m.project;
    s.conflicts = std::move(m.conflicts);
    s.notes = std::move(m.notes);
    if (merged == base_->json) { // the server's version holds everything
        phase_ = Phase::Idle;
        s.synced = true;
        return s;
    }
    SyncStep next;
    if (unusableTag(etag)) { // cannot guard a write yet: wait, then read again (304 → write)
        if (++attempts_ > kSyncMaxAttempts) return fail("Server's version tag stays weak: will try again");
        next = fetch(kWeakTagWaitMs);
    } else next = write(m.project, etag, now);
    next.merged = std::move(s.merged);
    next.conflicts = std::move(s.conflicts);
    next.notes = std::move(s.notes);
    return next;
}

ServerProbe::ServerProbe(std::string baseUrl, Stamp now) {
    if (!baseUrl.empty() && baseUrl.back() != '/') baseUrl += '/';
    scratch_ = baseUrl + ".plotline-probe-" + std::to_string(now) + ".txt";
}

void ServerProbe::finish(bool ok, std::string verdict) {
    ok_ = ok;
    verdict_ = std::move(verdict);
    cleanup_ = step_ >= 1; // the scratch resource exists: delete it before saying so
    done_ = !cleanup_;
    step_ = 3;
}

std::optional<HttpRequest> ServerProbe::next() {
    if (done_) return std::nullopt;
    switch (step_) {
        case 0: return probeRequest(scratch_, "PUT", {{"If-None-Match", "*"}}, "Plotline checks that this server keeps conditional writes.\n");
        case 1: return probeRequest(scratch_, "PUT", {{"If-None-Match", "*"}}, "second\n");
        case 2: return probeRequest(scratch_, "PUT", {{"If-Match", "\"plotline-probe-no-such-version\""}}, "third\n");
        default: return probeRequest(scratch_, "DELETE", {}, "");
    }
}

void ServerProbe::onResponse(const HttpResponse& r) {
    if (step_ == 3) { // cleaning up: whatever the answer, the verdict stands
        done_ = true;
        return;
    }
    if (r.status == 0) {
        finish(false, "Cannot reach the server (" + (r.networkError.empty() ? std::string("no answer") : r.networkError) +
                          "): check the address, that it is running, and that it allows this page (CORS)");
        cleanup_ = false;
        done_ = true;
        return;
    }
    if (r.status == 401 || r.status == 403) {
        finish(false, "Server refused the sign-in (" + std::to_string(r.status) + "): check the token or user and password");
        return;
    }
    switch (step_) {
        case 0:
            if (r.status == 405 || r.status == 501) { finish(false, "The server does not take PUT (" + std::to_string(r.status) + "): not WebDAV?"); return; }
            if (r.status == 404 || r.status == 409) { finish(false, "No such folder on the server (" + std::to_string(r.status) + ")"); return; }
            if (r.status < 200 || r.status >= 300) { finish(false, "The server refused a write (" + std::to_string(r.status) + ")"); return; }
            step_ = 1;
            return;
        case 1:
            if (r.status != 412) { finish(false, "Unsafe server: it replaced a file that a write asked to create only if absent (If-None-Match: *); edits from two devices would overwrite each other"); return; }
            step_ = 2;
            return;
        case 2:
            if (r.status != 412) { finish(false, "Unsafe server: it took a write for a version it does not have (If-Match); edits from two devices would overwrite each other"); return; }
            finish(true, "Connected: the server keeps conditional writes");
            return;
        default: return;
    }
}

} // namespace plotline
