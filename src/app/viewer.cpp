#include "viewer.hpp"
#include "core/i18n.hpp"

#include <cstdio>

namespace plotline {

namespace {
constexpr const char* kArea = "views";
}

std::string Viewer::cacheFile() const {
    const uint64_t h = fnv1a(link_.url); // a stable file name for the view's address
    char name[40];
    std::snprintf(name, sizeof name, "%s/%016llx.sealed", kArea, static_cast<unsigned long long>(h));
    return name;
}

void Viewer::open(const std::string& address, std::function<void()> changed) {
    changed_ = std::move(changed);
    Result<ViewLink> link = parseViewLink(address);
    if (!link) return failed(link.error());
    link_ = std::move(*link);
    if (link_.kind == ViewLink::Kind::Snapshot) return decode(link_.data);
    // A published view: the copy kept from the last visit shows at once (and offline); the server's
    // answer replaces it.
    host_.storage().load(kArea, [this](const std::string& error) {
        cacheLoaded_ = error.empty();
        if (cacheLoaded_)
            if (std::optional<std::string> kept = host_.storage().read(cacheFile()); kept && checkSealed(*kept).empty() && state_ == State::Opening)
                unseal(*kept, false);
        fetch();
    });
}

void Viewer::fetch() {
    if (fetching_) return;
    fetching_ = true;
    lastFetch_ = host_.now();
    HttpRequest q;
    q.method = "GET";
    q.url = link_.url;
    if (!etag_.empty() && state_ == State::Shown) q.headers.push_back({"If-None-Match", etag_});
    host_.http(q, [this](HttpResponse r) {
        fetching_ = false;
        fetched(std::move(r));
    });
}

void Viewer::fetched(HttpResponse r) {
    if (r.status == 304) {
        readAt_ = host_.now();
        stale_.clear();
        if (changed_) changed_();
        return;
    }
    if (r.status == 404 || r.status == 410) {
        // Revoked (or expired and deleted): nothing of it stays here either.
        if (cacheLoaded_) {
            host_.storage().remove(cacheFile());
            host_.storage().persist(kArea, [](const std::string&) {});
        }
        return failed(linkText::kWithdrawn);
    }
    if (r.status >= 200 && r.status < 300) {
        if (const std::string bad = checkSealed(r.body); !bad.empty()) return failed(bad);
        etag_ = r.etag;
        readAt_ = host_.now();
        stale_.clear();
        return unseal(r.body, true);
    }
    const std::string why = r.status == 0 ? r.networkError : fmt(tr("the server answered {0}"), std::to_string(r.status));
    if (view_) { // keep showing what was read last
        stale_ = fmt(tr("Not updated: {0}"), why);
        if (changed_) changed_();
        return;
    }
    failed(unreachableText(why));
}

void Viewer::unseal(const std::string& sealed, bool fromServer) {
    if (sealed == shownSealed_ && view_) return;
    if (fromServer) ++epoch_; // the server's copy supersedes a kept one still being decoded
    const uint64_t epoch = epoch_;
    host_.codec(Codec::Open, sealed.substr(kSealedMagic.size()), link_.key, [this, sealed, fromServer, epoch](Result<std::string> gz) {
        if (epoch != epoch_) return; // the server answered meanwhile (withdrawn, or a newer copy)
        if (!gz) return failed(linkText::kTampered);
        decode(*gz, [this, sealed, fromServer](bool ok) {
            if (!ok) return;
            shownSealed_ = sealed;
            if (fromServer && cacheLoaded_ && host_.storage().write(cacheFile(), sealed).empty())
                host_.storage().persist(kArea, [](const std::string&) {});
        }, epoch);
    });
}

void Viewer::decode(const std::string& gzip, std::function<void(bool)> done) { decode(gzip, std::move(done), epoch_); }

void Viewer::decode(const std::string& gzip, std::function<void(bool)> done, uint64_t epoch) {
    host_.codec(Codec::Gunzip, gzip, "", [this, done, epoch](Result<std::string> text) {
        if (epoch != epoch_) return;
        Result<ClientView> v = text ? openLinkView(*text, host_.today()) : Result<ClientView>(fail(linkText::kIncomplete));
        if (!v) {
            failed(v.error());
            if (done) done(false);
            return;
        }
        view_ = std::move(*v);
        state_ = State::Shown;
        error_.clear();
        ++version_;
        if (done) done(true);
        if (changed_) changed_();
    });
}

void Viewer::failed(const std::string& sentence) {
    ++epoch_; // nothing decoding now may show after this
    state_ = State::Failed;
    error_ = sentence;
    view_.reset();
    shownSealed_.clear();
    if (changed_) changed_();
}

void Viewer::tick(Stamp now) {
    if (view_ && view_->expires && *view_->expires < host_.today()) return failed(expiredText(*view_->expires));
    if (!published() || fetching_ || state_ == State::Opening) return;
    // A withdrawn, expired, damaged or newer view stays as it is; an unreachable server is asked again.
    if (state_ == State::Failed && error_.rfind("The server that keeps", 0) != 0) return;
    if (now - lastFetch_ >= kRefreshMs) fetch();
}

} // namespace plotline
