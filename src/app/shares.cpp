#include "shares.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "core/json_dom.hpp"
#include "core/json_io.hpp"
#include "core/view_link.hpp"
#include "library.hpp"

namespace plotline {

namespace {

std::string itemNames(const ShareOptions& o) {
    std::string out;
    for (const ShareItemInfo& i : shareItems())
        if (o.has(i.item)) out += (out.empty() ? "" : ",") + std::string(i.name);
    return out;
}

} // namespace

std::string PublishedShares::file() const { return projectArea(project_) + "/shares.json"; }

size_t PublishedShares::find(const std::string& name) const {
    for (size_t i = 0; i < shares_.size(); ++i)
        if (shares_[i].name == name) return i;
    return shares_.size();
}

void PublishedShares::setProject(const std::string& id) {
    if (id == project_) return;
    project_ = id;
    shares_.clear();
    const std::optional<std::string> text = host_.storage().read(file());
    JsonDoc doc;
    if (!text || !doc.parse(*text) || !doc.root()["shares"].isArray()) return;
    for (JsonRef r : doc.root()["shares"]) {
        PublishedShare s;
        s.name = std::string(r["name"].str());
        s.key = fromBase64url(r["key"].str()).value_or("");
        s.url = std::string(r["url"].str());
        if (s.name.empty() || s.key.size() != 32 || s.url.empty()) continue;
        Result<ShareOptions> o = withShareItems(ShareOptions{0}, r["items"].str());
        if (o) s.options = *o;
        s.live = r["live"].boolean();
        s.expires = Date::parse(r["expires"].str());
        s.created = r["created"].integer();
        s.published = r["published"].integer();
        s.hash = uint64_t(r["hash"].integer());
        shares_.push_back(std::move(s));
    }
}

void PublishedShares::save() {
    if (project_.empty()) return;
    std::string out = "{\"shares\":[";
    for (size_t i = 0; i < shares_.size(); ++i) {
        const PublishedShare& s = shares_[i];
        out += i ? ",{" : "{";
        out += "\"name\":";
        appendJsonString(out, s.name);
        out += ",\"key\":\"" + base64url(s.key) + "\",\"url\":";
        appendJsonString(out, s.url);
        out += ",\"items\":\"" + itemNames(s.options) + "\",\"live\":" + (s.live ? "true" : "false");
        if (s.expires) out += ",\"expires\":\"" + s.expires->str() + "\"";
        out += ",\"created\":" + std::to_string(s.created) + ",\"published\":" + std::to_string(s.published) + ",\"hash\":" + std::to_string(int64_t(s.hash)) + "}";
    }
    out += "]}\n";
    if (host_.storage().write(file(), out).empty()) host_.storage().persist(projectArea(project_), [](const std::string&) {});
}

std::string PublishedShares::cannotPublish(const std::optional<Connection>& c) {
    if (!c) return tr("Published links live on your sync server: connect one in Project > Sync\u2026 first.");
    if (makeAdapter(*c)->viewUrl("x").empty())
        return fmt(tr("Published links need a WebDAV or plain HTTP server (a client opens them without signing in); this plan syncs with {0}."),
                   kindName(c->kind));
    return "";
}

void PublishedShares::publish(const ShareOptions& o, bool live, std::optional<Date> expires, Date today, const Connection& c) {
    if (!cannotPublish(c).empty() || project_.empty()) return;
    PublishedShare s;
    s.name = base64url(secureRandomBytes(16)); // 128 bits: nobody finds it without the link
    s.key = secureRandomBytes(32);
    s.options = o;
    s.live = live;
    s.expires = expires;
    s.created = host_.now();
    s.url = makeAdapter(c)->viewUrl(s.name);
    shares_.insert(shares_.begin(), std::move(s));
    save();
    put(0, today, c);
}

// Seals the share's view as the plan is now and puts it on the server.
void PublishedShares::put(size_t i, Date today, const Connection& c) {
    PublishedShare& s = shares_[i];
    ClientView v = clientView(doc_.project(), doc_.schedule(), s.options, today);
    v.expires = s.expires;
    const std::string text = linkViewText(v);
    const uint64_t hash = fnv1a(text);
    if (s.published && hash == s.hash) return; // the client has this already
    s.busy = true;
    const std::string name = s.name, key = s.key;
    host_.codec(Codec::Gzip, text, "", [this, name, key, hash, c](Result<std::string> gz) {
        if (!gz) return;
        host_.codec(Codec::Seal, *gz, key, [this, name, hash, c](Result<std::string> sealed) {
            const size_t at = find(name);
            if (at == shares_.size()) return; // revoked meanwhile
            if (!sealed) {
                shares_[at].busy = false;
                shares_[at].error = fmt(tr("Not published: {0}"), sealed.error());
                return;
            }
            HttpRequest q;
            q.method = "PUT";
            q.url = shares_[at].url;
            q.headers.push_back({"Content-Type", "application/octet-stream"});
            q.body = std::string(kSealedMagic) + *sealed;
            host_.http(makeAdapter(c)->toServer(q), [this, name, hash](HttpResponse r) {
                const size_t k = find(name);
                if (k == shares_.size()) return;
                PublishedShare& s = shares_[k];
                s.busy = false;
                if (r.status >= 200 && r.status < 300) {
                    s.published = host_.now();
                    s.hash = hash;
                    s.error.clear();
                    save();
                } else {
                    s.error = fmt(tr("Not published: {0}"), (r.status == 0 ? r.networkError : fmt(tr("the server answered {0}"), std::to_string(r.status))));
                }
            });
        });
    });
}

void PublishedShares::remove(size_t i, const Connection& c, bool expired) {
    PublishedShare& s = shares_[i];
    s.busy = true;
    HttpRequest q;
    q.method = "DELETE";
    q.url = s.url;
    const std::string name = s.name;
    host_.http(makeAdapter(c)->toServer(q), [this, name, expired](HttpResponse r) {
        const size_t k = find(name);
        if (k == shares_.size()) return;
        if ((r.status >= 200 && r.status < 300) || r.status == 404 || r.status == 410) {
            shares_.erase(shares_.begin() + long(k));
            save();
            return;
        }
        shares_[k].busy = false;
        shares_[k].error = fmt(expired ? tr("Expired, but not yet deleted: {0}. Plotline tries again after the next sync.")
                                         : tr("Not revoked: {0}. Plotline tries again after the next sync."),
                                 r.status == 0 ? r.networkError : fmt(tr("the server answered {0}"), std::to_string(r.status)));
    });
}

void PublishedShares::revoke(size_t i, const Connection& c) {
    if (i < shares_.size() && !shares_[i].busy) remove(i, c, false);
}

void PublishedShares::afterSync(Date today, const Connection& c) {
    if (!cannotPublish(c).empty()) return;
    for (size_t i = 0; i < shares_.size(); ++i) {
        PublishedShare& s = shares_[i];
        if (s.busy) continue;
        if (s.expires && *s.expires < today) remove(i, c, true);
        else if (s.live || !s.published) put(i, today, c);
    }
}

std::string PublishedShares::link(size_t i) const {
    if (i >= shares_.size()) return "";
    return appAddress(host_.address()) + "#" + publishedFragment(shares_[i].url, shares_[i].key);
}

std::string PublishedShares::describe(const PublishedShare& s) {
    std::string out = itemNames(s.options);
    for (char& ch : out)
        if (ch == ',') ch = ' ';
    out += std::string("  \u00b7  ") + (s.live ? tr("live") : tr("as published"));
    if (s.expires) out += "  \u00b7  " + fmt(tr("until {0}"), formatDate(*s.expires));
    return out;
}

std::string PublishedShares::statusJson() const {
    std::string out = "[";
    for (size_t i = 0; i < shares_.size(); ++i) {
        const PublishedShare& s = shares_[i];
        out += i ? ",{\"link\":" : "{\"link\":";
        appendJsonString(out, link(i));
        out += ",\"url\":";
        appendJsonString(out, s.url);
        out += ",\"live\":" + std::string(s.live ? "true" : "false") + ",\"published\":" + std::to_string(s.published) + ",\"busy\":" +
               (s.busy ? "true" : "false") + ",\"error\":";
        appendJsonString(out, s.error);
        out += "}";
    }
    return out + "]";
}

} // namespace plotline
