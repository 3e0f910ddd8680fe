#include "remote.hpp"

#include "core/json_dom.hpp"
#include "core/json_io.hpp"

#include <algorithm>

namespace plotline {

namespace {

std::string header(const HttpRequest& q, std::string_view name) {
    for (const auto& [k, v] : q.headers)
        if (k.size() == name.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
            return v;
    return "";
}

std::string unquote(std::string tag) {
    if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);
    if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') tag = tag.substr(1, tag.size() - 2);
    return tag;
}

// Whether the address names this machine (http is allowed only there).
bool loopback(std::string_view host) { return host == "localhost" || host == "127.0.0.1" || host == "[::1]"; }

void withAuth(HttpRequest& q, const Credentials& c) {
    if (std::string a = authorization(c); !a.empty()) q.headers.push_back({"Authorization", a});
}

// WebDAV / plain HTTP: the contract as it is; a project is the file "<id>.plotline" in the folder.
class WebDavAdapter final : public RemoteAdapter {
public:
    explicit WebDavAdapter(Connection c) : c_(std::move(c)) {}
    std::string projectUrl(const std::string& id) const override { return c_.base + id + ".plotline"; }
    std::string libraryUrl() const override { return c_.base + "plotline-library.json"; }
    std::string viewUrl(const std::string& name) const override { return c_.base + "view-" + name + ".plotline-view"; }
    HttpRequest toServer(const HttpRequest& contract) const override {
        HttpRequest q = contract;
        withAuth(q, c_.auth);
        const std::string_view ext = ".plotline";
        q.gzip = q.method == "PUT" && q.url.size() > ext.size() && q.url.compare(q.url.size() - ext.size(), ext.size(), ext) == 0;
        return q;
    }
    HttpResponse fromServer(const HttpRequest&, HttpResponse raw) const override { return raw; }

private:
    Connection c_;
};

// CouchDB (and pouchdb-server): a resource is a document {"text": <the sealed text>} whose _rev is
// the tag. CouchDB refuses a stale or missing _rev with 409 (the contract's 412); pouchdb-server
// sends no _rev in ETag and ignores If-None-Match, so the tag and the 304 come from the document.
class CouchDbAdapter final : public RemoteAdapter {
public:
    explicit CouchDbAdapter(Connection c) : c_(std::move(c)) {}
    std::string projectUrl(const std::string& id) const override { return c_.base + id; }
    std::string libraryUrl() const override { return c_.base + "plotline-library"; }
    HttpRequest toServer(const HttpRequest& contract) const override {
        HttpRequest q{contract.method, contract.url, {}, {}};
        withAuth(q, c_.auth);
        q.headers.push_back({"Accept", "application/json"});
        const std::string match = unquote(header(contract, "If-Match"));
        if (contract.method == "GET") {
            if (std::string tag = header(contract, "If-None-Match"); !tag.empty()) q.headers.push_back({"If-None-Match", tag});
        } else if (contract.method == "PUT") {
            q.headers.push_back({"Content-Type", "application/json"});
            q.body = "{";
            if (!match.empty()) {
                // A tag that is no revision at all (the probe's) becomes one that no document has.
                const size_t dash = match.find('-');
                const bool revision = dash != std::string::npos && dash > 0 && dash + 1 < match.size() &&
                                      std::all_of(match.begin(), match.begin() + long(dash), [](char ch) { return std::isdigit(uint8_t(ch)); }) &&
                                      std::all_of(match.begin() + long(dash) + 1, match.end(), [](char ch) { return std::isxdigit(uint8_t(ch)); });
                q.body += "\"_rev\":";
                appendJsonString(q.body, revision ? match : "1-00000000000000000000000000000000");
                q.body += ",";
            }
            q.body += "\"text\":";
            appendJsonString(q.body, contract.body);
            q.body += "}";
        } else if (contract.method == "DELETE" && !match.empty()) {
            q.url += "?rev=" + match;
        }
        return q;
    }
    HttpResponse fromServer(const HttpRequest& contract, HttpResponse raw) const override {
        HttpResponse r;
        r.status = raw.status == 409 ? 412 : raw.status;
        r.networkError = std::move(raw.networkError);
        if (raw.status < 200 || raw.status >= 300) return r;
        JsonDoc doc;
        if (!doc.parse(raw.body) || !doc.root().isObject()) {
            r.body = std::move(raw.body); // not a CouchDB answer: the engine finds it damaged
            return r;
        }
        JsonRef root = doc.root();
        const std::string_view rev = contract.method == "PUT" ? root["rev"].str() : root["_rev"].str();
        if (!rev.empty()) r.etag = "\"" + std::string(rev) + "\"";
        if (contract.method == "GET") {
            if (!r.etag.empty() && header(contract, "If-None-Match") == r.etag) {
                r.status = 304;
                return r;
            }
            if (JsonRef text = root["text"]; text.isString()) r.body = std::string(text.str());
            else r.body = std::move(raw.body);
        }
        return r;
    }

private:
    Connection c_;
};

} // namespace

const char* kindName(RemoteKind k) { return k == RemoteKind::CouchDb ? "CouchDB" : "WebDAV"; }

std::string normaliseBase(std::string url) {
    while (!url.empty() && (url.back() == ' ' || url.back() == '\t')) url.pop_back();
    while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.erase(0, 1);
    if (!url.empty() && url.back() != '/') url += '/';
    return url;
}

std::string checkBaseUrl(const std::string& url) {
    const std::string u = normaliseBase(url);
    if (u.empty()) return "Enter the server's address, for example https://dav.example.com/plans/";
    const size_t scheme = u.find("://");
    if (scheme == std::string::npos) return "The address must start with https://";
    const std::string proto = u.substr(0, scheme);
    size_t hostEnd = u.find('/', scheme + 3);
    std::string host = u.substr(scheme + 3, hostEnd - scheme - 3);
    if (const size_t at = host.rfind('@'); at != std::string::npos) return "Put the user and password in their fields, not in the address";
    if (host.empty()) return "The address has no server name";
    if (host.front() == '[') host = host.substr(0, host.find(']') + 1);
    else host = host.substr(0, host.find(':'));
    if (proto == "https") return "";
    if (proto == "http") {
        if (loopback(host)) return "";
        return "Plain http:// would send the plans and the password unencrypted: use https:// (http is allowed only for this machine)";
    }
    return "The address must start with https://";
}

std::string base64(std::string_view bytes) {
    static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const uint32_t n = uint32_t(uint8_t(bytes[i])) << 16 | (i + 1 < bytes.size() ? uint32_t(uint8_t(bytes[i + 1])) << 8 : 0) |
                           (i + 2 < bytes.size() ? uint32_t(uint8_t(bytes[i + 2])) : 0);
        out += digits[n >> 18 & 63];
        out += digits[n >> 12 & 63];
        out += i + 1 < bytes.size() ? digits[n >> 6 & 63] : '=';
        out += i + 2 < bytes.size() ? digits[n & 63] : '=';
    }
    return out;
}

std::string authorization(const Credentials& c) {
    if (!c.token.empty()) return "Bearer " + c.token;
    if (!c.user.empty()) return "Basic " + base64(c.user + ":" + c.password);
    return "";
}

std::unique_ptr<RemoteAdapter> makeAdapter(const Connection& c) {
    Connection n = c;
    n.base = normaliseBase(n.base);
    if (c.kind == RemoteKind::CouchDb) return std::make_unique<CouchDbAdapter>(std::move(n));
    return std::make_unique<WebDavAdapter>(std::move(n));
}

std::string connectionJson(const Connection& c) {
    std::string out = "{\"kind\":";
    appendJsonString(out, c.kind == RemoteKind::CouchDb ? "couchdb" : "webdav");
    for (auto [key, value] : {std::pair{"base", &c.base}, {"token", &c.auth.token}, {"user", &c.auth.user}, {"password", &c.auth.password}}) {
        out += ",\"";
        out += key;
        out += "\":";
        appendJsonString(out, *value);
    }
    return out + "}";
}

std::optional<Connection> readConnection(std::string_view json) {
    JsonDoc doc;
    if (!doc.parse(json) || !doc.root().isObject()) return std::nullopt;
    JsonRef r = doc.root();
    Connection c;
    c.kind = r["kind"].str() == "couchdb" ? RemoteKind::CouchDb : RemoteKind::WebDav;
    c.base = std::string(r["base"].str());
    c.auth.token = std::string(r["token"].str());
    c.auth.user = std::string(r["user"].str());
    c.auth.password = std::string(r["password"].str());
    if (c.base.empty()) return std::nullopt;
    return c;
}

std::string remoteLibraryText(const std::vector<RemotePlan>& plans) {
    std::string out = "{\"plotlineLibrary\":1,\"plans\":[";
    for (size_t i = 0; i < plans.size(); ++i) {
        out += i ? ",\n{\"id\":" : "\n{\"id\":";
        appendJsonString(out, plans[i].id);
        out += ",\"name\":";
        appendJsonString(out, plans[i].name);
        out += ",\"modified\":" + std::to_string(plans[i].modified) + ",\"tasks\":" + std::to_string(plans[i].tasks) + "}";
    }
    return out + "]}\n";
}

Result<std::vector<RemotePlan>> readRemoteLibrary(std::string_view text) {
    JsonDoc doc;
    if (!doc.parse(text)) return fail("the server's list of plans does not read: " + doc.error());
    JsonRef plans = doc.root()["plans"];
    if (!plans.isArray()) return fail("the server's list of plans does not read: no \"plans\"");
    std::vector<RemotePlan> out;
    for (JsonRef p : plans) {
        RemotePlan r{std::string(p["id"].str()), std::string(p["name"].str()), p["modified"].integer(), uint64_t(std::max<int64_t>(0, p["tasks"].integer()))};
        if (r.id.empty() || r.id.size() > 64 || r.id.find_first_of("/\\?#%") != std::string::npos) continue; // not a plan this app wrote
        out.push_back(std::move(r));
    }
    return out;
}

LibraryUpdate::LibraryUpdate(std::string url, std::vector<RemotePlan> changes) : url_(std::move(url)), changes_(std::move(changes)) {}

SyncStep LibraryUpdate::start() {
    attempts_ = 0;
    return fetch(0);
}

SyncStep LibraryUpdate::fetch(int waitMs) {
    writing_ = false;
    SyncStep s;
    s.request = HttpRequest{"GET", url_, {}, {}};
    s.waitMs = waitMs;
    return s;
}

SyncStep LibraryUpdate::onResponse(const HttpResponse& r) {
    SyncStep s;
    if (s.error = unreachable(r); !s.error.empty()) return s;
    if (writing_) {
        if (r.status >= 200 && r.status < 300) {
            s.synced = true;
            return s;
        }
        if (r.status == 412 && ++attempts_ <= kSyncMaxAttempts) return fetch(0);
        s.error = "The server's list of plans could not be written (" + std::to_string(r.status) + ")";
        return s;
    }
    std::string ifMatch;
    if (r.status == 200) {
        Result<std::vector<RemotePlan>> list = readRemoteLibrary(r.body);
        plans_ = list ? std::move(*list) : std::vector<RemotePlan>{}; // a damaged list is rebuilt from what this device knows
        if (unusableTag(r.etag)) {
            if (++attempts_ > kSyncMaxAttempts) {
                s.error = "Server's version tag stays weak: will try again";
                return s;
            }
            return fetch(kWeakTagWaitMs);
        }
        ifMatch = r.etag;
    } else if (r.status == 404) {
        plans_.clear();
    } else {
        s.error = "The server's list of plans could not be read (" + std::to_string(r.status) + ")";
        return s;
    }
    bool changed = false;
    for (const RemotePlan& c : changes_) {
        auto it = std::find_if(plans_.begin(), plans_.end(), [&](const RemotePlan& p) { return p.id == c.id; });
        if (it == plans_.end()) plans_.push_back(c), changed = true;
        else if (c.modified >= it->modified && (c.name != it->name || c.tasks != it->tasks)) *it = c, changed = true;
    }
    if (!changed) {
        s.synced = true;
        return s;
    }
    writing_ = true;
    HttpRequest q{"PUT", url_, {{"Content-Type", "application/json"}}, remoteLibraryText(plans_)};
    if (ifMatch.empty()) q.headers.push_back({"If-None-Match", "*"});
    else q.headers.push_back({"If-Match", ifMatch});
    s.request = std::move(q);
    return s;
}

} // namespace plotline
