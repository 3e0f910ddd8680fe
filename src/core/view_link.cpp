#include "view_link.hpp"

#include "fields.hpp"
#include "json_io.hpp"

#include <map>

namespace plotline {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Gives every id of a record a small number, the same number wherever the same id is met.
struct Renumber {
    std::map<Id, Id>& to;
    void map(Id& x) {
        if (x.isNull()) return;
        auto [it, added] = to.try_emplace(x, Id{0, uint64_t(to.size() + 1)});
        x = it->second;
    }
    void id(const char*, Id& x, Presence) { map(x); }
    void ids(const char*, std::vector<Id>& x) { for (Id& i : x) map(i); }
    template <class S> void list(const char*, std::vector<S>& x, Presence) {
        for (S& s : x) describe(*this, s);
    }
    void text(const char*, std::string&, Presence, size_t = 0) {}
    template <class I> void integer(const char*, I&, Presence, int64_t, int64_t, int64_t) {}
    template <class I> void integer(const char*, std::optional<I>&, int64_t, int64_t) {}
    void boolean(const char*, bool&, bool, Presence = Optional) {}
    void date(const char*, Date&, Presence) {}
    void date(const char*, std::optional<Date>&) {}
    template <class E> void choice(const char*, E&, E, const Names<E>&) {}
    void dates(const char*, std::vector<Date>&) {}
    void constraint(Task&) {}
};

template <class T> void renumber(std::vector<T>& records, std::map<Id, Id>& to) {
    Renumber v{to};
    for (T& r : records) describe(v, r);
}

std::string_view fragmentOf(std::string_view address) {
    const size_t hash = address.find('#');
    return hash == std::string_view::npos ? address : address.substr(hash + 1);
}

} // namespace

std::string base64url(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const uint32_t n = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
        for (int s : {18, 12, 6, 0}) out += kAlphabet[(n >> s) & 63];
    }
    if (i + 1 == bytes.size()) {
        const uint32_t n = uint32_t(uint8_t(bytes[i])) << 16;
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
    } else if (i + 2 == bytes.size()) {
        const uint32_t n = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8;
        for (int s : {18, 12, 6}) out += kAlphabet[(n >> s) & 63];
    }
    return out;
}

std::optional<std::string> fromBase64url(std::string_view text) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    uint32_t n = 0;
    int bits = 0;
    for (char c : text) {
        int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
              : c == '-' || c == '+' ? 62 : c == '_' || c == '/' ? 63 : -1;
        if (v < 0) return std::nullopt;
        n = n << 6 | uint32_t(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((n >> bits) & 0xff);
        }
    }
    return out;
}

std::string linkViewText(const ClientView& v) {
    ClientView c = v;
    Project& p = c.project;
    std::map<Id, Id> to;
    Renumber r{to};
    r.map(p.id);
    renumber(p.tasks, to);
    renumber(p.links, to);
    renumber(p.resources, to);
    renumber(p.assignments, to);
    renumber(p.baselines, to);
    renumber(p.budgetLines, to);
    renumber(p.vendors, to);
    renumber(p.costs, to);
    renumber(p.hours, to);
    renumber(p.drawdowns, to);
    renumber(p.changeRequests, to);
    renumber(p.risks, to);
    renumber(p.statusRecords, to);
    renumber(p.billing, to);
    renumber(p.clientInvoices, to);
    renumber(p.stages, to);
    renumber(p.deliverables, to);
    for (MilestoneLine& m : c.nextMilestones) r.map(m.task);
    for (MilestoneLine& m : c.reachedMilestones) r.map(m.task);
    return clientViewJson(c);
}

std::string snapshotFragment(std::string_view gzip) { return "view=1." + base64url(gzip); }

std::string publishedFragment(const std::string& url, std::string_view key) { return "share=1." + base64url(url) + "." + base64url(key); }

bool isViewLink(std::string_view address) {
    const std::string_view f = fragmentOf(address);
    return f.rfind("view=", 0) == 0 || f.rfind("share=", 0) == 0;
}

Result<ViewLink> parseViewLink(std::string_view address) {
    std::string_view f = fragmentOf(address);
    ViewLink link;
    if (f.rfind("view=", 0) == 0) {
        f.remove_prefix(5);
        link.kind = ViewLink::Kind::Snapshot;
    } else if (f.rfind("share=", 0) == 0) {
        f.remove_prefix(6);
        link.kind = ViewLink::Kind::Published;
    } else {
        return fail(linkText::kNotAView);
    }
    const size_t dot = f.find('.');
    if (dot == std::string_view::npos || dot == 0) return fail(linkText::kIncomplete);
    const std::string_view version = f.substr(0, dot);
    if (version.find_first_not_of("0123456789") != std::string_view::npos) return fail(linkText::kIncomplete);
    if (version != "1") return fail(linkText::kNewer);
    f.remove_prefix(dot + 1);
    if (link.kind == ViewLink::Kind::Snapshot) {
        std::optional<std::string> bytes = fromBase64url(f);
        if (!bytes || bytes->size() < 18) return fail(linkText::kIncomplete); // not even a gzip header and trailer
        link.data = std::move(*bytes);
        return link;
    }
    const size_t sep = f.find('.');
    if (sep == std::string_view::npos) return fail(linkText::kIncomplete);
    std::optional<std::string> url = fromBase64url(f.substr(0, sep)), key = fromBase64url(f.substr(sep + 1));
    if (!url || !key || key->size() != 32) return fail(linkText::kIncomplete);
    if (url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0) return fail(linkText::kIncomplete);
    link.url = std::move(*url);
    link.key = std::move(*key);
    return link;
}

std::string appAddress(std::string_view pageUrl) {
    const size_t hash = pageUrl.find('#');
    return std::string(hash == std::string_view::npos ? pageUrl : pageUrl.substr(0, hash));
}

std::string checkSealed(std::string_view bytes) {
    if (bytes.size() >= 4 && bytes.substr(0, 3) == kSealedMagic.substr(0, 3) && bytes.substr(0, 4) != kSealedMagic) return linkText::kNewer;
    if (bytes.size() < kSealedMagic.size() + 12 + 16 || bytes.substr(0, 4) != kSealedMagic) return linkText::kTampered;
    return "";
}

Result<ClientView> openLinkView(std::string_view text, Date today) {
    Result<ClientView> v = readClientViewJson(text);
    if (!v) return fail(v.error().find("newer") != std::string::npos ? linkText::kNewer : linkText::kIncomplete);
    if (v->expires && *v->expires < today) return fail(expiredText(*v->expires));
    return v;
}

std::string expiredText(Date expired) { return "This view expired on " + expired.str() + ": ask its owner for a new link."; }

std::string unreachableText(std::string_view why) {
    return "The server that keeps this view does not answer (" + std::string(why) + "). The page tries again; check this device's connection.";
}

} // namespace plotline
