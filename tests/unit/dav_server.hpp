// An in-memory WebDAV server that behaves as Apache's mod_dav was measured to (docs/architecture.md:
// no tag on PUT, weak tags within a second of a write, strong If-Match), for the sync engine's unit
// tests. A test can write between two requests, damage a body or ignore conditions as nginx does.
#pragma once
#include "core/json_io.hpp"
#include "core/sealed.hpp"
#include "core/sync.hpp"
#include "helpers.hpp"

#include <functional>
#include <map>

namespace plotline::test {

struct DavServer {
    struct Resource { std::string body; int version = 0; Stamp writtenAt = 0; };
    std::map<std::string, Resource> files;
    bool unsafe = false;                    // ignores If-Match and If-None-Match on PUT (nginx)
    bool damage = false;                    // flips a byte of every body it serves
    std::function<void(DavServer&)> before; // runs before the next request (a competing write), once
    int gets = 0, puts = 0;

    std::string tag(const Resource& r, Stamp now) const { return (now - r.writtenAt < 1000 ? "W/\"" : "\"") + std::to_string(r.version) + "\""; }
    static std::string header(const HttpRequest& q, const char* name) {
        for (const auto& [k, v] : q.headers)
            if (k == name) return v;
        return {};
    }
    static std::string opaque(std::string t) { return t.rfind("W/", 0) == 0 ? t.substr(2) : t; }

    HttpResponse handle(const HttpRequest& q, Stamp now) {
        if (before) {
            auto f = std::move(before);
            before = nullptr;
            f(*this);
        }
        auto it = files.find(q.url);
        if (q.method == "DELETE") {
            if (it == files.end()) return {404, "", "", ""};
            files.erase(it);
            return {204, "", "", ""};
        }
        if (q.method == "GET") {
            ++gets;
            if (it == files.end()) return {404, "", "", ""};
            const std::string t = tag(it->second, now), inm = header(q, "If-None-Match");
            if (!inm.empty() && opaque(inm) == opaque(t)) return {304, t, "", ""};
            std::string body = it->second.body;
            if (damage && body.size() > 200) body[body.size() - 20] ^= 0x20;
            return {200, t, body, ""};
        }
        ++puts;
        const std::string ifMatch = header(q, "If-Match"), ifNone = header(q, "If-None-Match");
        if (!unsafe) {
            if (ifNone == "*" && it != files.end()) return {412, "", "", ""};
            if (!ifMatch.empty() && (it == files.end() || ifMatch != tag(it->second, now) || ifMatch.rfind("W/", 0) == 0)) return {412, "", "", ""};
        }
        const bool created = it == files.end();
        Resource& r = files[q.url];
        r.body = q.body;
        r.version += 1;
        r.writtenAt = now;
        return {created ? 201 : 204, "", "", ""}; // Apache sends no tag with a PUT
    }
    // Another device's write, straight to the server.
    void write(const std::string& url, const Project& p, Stamp now) {
        Resource& r = files[url];
        r.body = seal(writeProjectJson(p, false), {uint64_t(r.version + 1), now, p.name, p.tasks.size(), 0});
        r.version += 1;
        r.writtenAt = now;
    }
    Project read(const std::string& url) const {
        const Result<Sealed> v = unseal(files.at(url).body);
        REQUIRE(v.ok());
        Result<Project> p = readProjectJson(v->body);
        REQUIRE(p.ok());
        return *p;
    }
};

} // namespace plotline::test
