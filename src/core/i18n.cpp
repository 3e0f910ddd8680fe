#include "i18n.hpp"
#include "locale.hpp"

#include <deque>
#include <string>
#include <unordered_map>

namespace plotline {

namespace i18n {

namespace {

struct State {
    std::string code = "en";
    const Catalogue* catalogue = nullptr;
    std::unordered_map<std::string_view, const Message*> byText; // the catalogue's entries by key
    std::unordered_map<const char*, const char*> byPointer;      // tr()'s answers by the literal's address
    std::deque<std::string> owned;                               // pseudo texts: addresses stay valid
};

State& state() {
    static State s;
    return s;
}

// A character of English text, accented for the pseudo-locale (same letter, so still readable).
const char* accented(char c) {
    switch (c) {
        case 'a': return "á"; case 'c': return "ç"; case 'd': return "đ"; case 'e': return "é"; case 'g': return "ğ";
        case 'i': return "í"; case 'k': return "ķ"; case 'l': return "ł"; case 'n': return "ñ"; case 'o': return "ö";
        case 's': return "š"; case 't': return "ţ"; case 'u': return "ü"; case 'y': return "ý"; case 'z': return "ž";
        case 'A': return "Á"; case 'C': return "Ç"; case 'D': return "Đ"; case 'E': return "É"; case 'I': return "Í";
        case 'L': return "Ł"; case 'N': return "Ñ"; case 'O': return "Ö"; case 'S': return "Š"; case 'U': return "Ü";
        default: return nullptr;
    }
}

// "[Ádđ ţášķ·····]": placeholders, keys in brackets ("Ctrl+Z") and ImGui's "##id" suffix are kept.
std::string pseudo(std::string_view s) {
    std::string out = "[";
    size_t letters = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.substr(i, 2) == "##") {
            out += "]";
            out.append(size_t((letters * 4 + 9) / 10), '~');
            return out + std::string(s.substr(i));
        }
        if (s[i] == '{') { // {0}, {n}
            const size_t close = s.find('}', i);
            if (close != std::string_view::npos) {
                out += s.substr(i, close - i + 1);
                i = close;
                continue;
            }
        }
        if (s[i] == '%') { // printf directives: %d, %s, %.1f
            size_t j = i + 1;
            while (j < s.size() && std::string_view("0123456789.-+ l").find(s[j]) != std::string_view::npos) ++j;
            out += s.substr(i, j - i + 1);
            i = j;
            continue;
        }
        const char* a = accented(s[i]);
        out += a ? a : std::string(1, s[i]);
        if ((s[i] & 0xC0) != 0x80 && s[i] != ' ' && s[i] != '\n') ++letters;
    }
    out += "]";
    for (size_t k = 0; k < (letters * 4 + 9) / 10; ++k) out += "~";
    return out;
}

} // namespace

const std::vector<std::string>& languages() {
    static const std::vector<std::string> v = {"en", "de", "fr", "es", "pseudo"};
    return v;
}

const char* languageName(std::string_view code) {
    if (code == "de") return "Deutsch";
    if (code == "fr") return "Français";
    if (code == "es") return "Español";
    if (code == "pseudo") return "Pseudo (40 % longer)";
    return "English";
}

namespace {

// Catalogues read from files (loadCatalogue), with the bytes their texts point into.
struct Loaded {
    std::string bytes;
    Catalogue catalogue;
};
std::deque<Loaded>& loaded() {
    static std::deque<Loaded> d;
    return d;
}

const Catalogue* catalogueFor(std::string_view code) {
    for (const Catalogue& c : catalogues())
        if (code == c.code) return &c;
    for (const Loaded& l : loaded())
        if (code == l.catalogue.code) return &l.catalogue;
    return nullptr;
}

constexpr std::string_view kFileHead = "plotline-catalogue 1\n";
constexpr char kNone = '\x01'; // a field that is not there (a text's plural forms)

} // namespace

bool hasCatalogue(std::string_view code) {
    const std::string lang = languageFor(code);
    return lang == "en" || lang == "pseudo" || catalogueFor(lang);
}

std::string catalogueFile(const Catalogue& c) {
    std::string out(kFileHead);
    out += c.code;
    out += '\n';
    for (const Message& m : c.messages)
        for (const char* field : {m.id, m.one, m.other, m.many}) {
            if (field) out += field;
            else out += kNone;
            out += '\0';
        }
    return out;
}

bool parseCatalogueFile(std::string_view bytes, Catalogue& out) {
    if (bytes.substr(0, kFileHead.size()) != kFileHead) return false;
    size_t at = kFileHead.size();
    const size_t line = bytes.find('\n', at);
    if (line == std::string_view::npos) return false;
    const std::string_view code = bytes.substr(at, line - at);
    out.code = nullptr;
    for (const std::string& l : languages()) // the languages with a catalogue: all but en and pseudo
        if (code == l && l != "en" && l != "pseudo") out.code = l.c_str();
    if (!out.code) return false;
    out.name = languageName(code);
    out.messages.clear();
    at = line + 1;
    // Each field ends in a NUL; the caller's bytes hold them, so the texts point into them.
    auto field = [&](const char*& f) {
        const size_t end = bytes.find('\0', at);
        if (end == std::string_view::npos) return false;
        f = end == at + 1 && bytes[at] == kNone ? nullptr : bytes.data() + at;
        at = end + 1;
        return true;
    };
    while (at < bytes.size()) {
        Message m{};
        if (!field(m.id) || !field(m.one) || !field(m.other) || !field(m.many) || !m.id || !m.one) return false;
        out.messages.push_back(m);
    }
    return !out.messages.empty();
}

bool loadCatalogue(std::string bytes) {
    Loaded& l = loaded().emplace_back();
    l.bytes = std::move(bytes); // its buffer stays where it is: the deque never moves an element
    if (!parseCatalogueFile(l.bytes, l.catalogue) || catalogueFor(l.catalogue.code) != &l.catalogue) {
        loaded().pop_back(); // not a catalogue, or one already held
        return false;
    }
    // The language chosen before its texts arrived: setLanguage takes it again (as it does while a
    // language has no catalogue) and shows them.
    if (state().code == l.catalogue.code) setLanguage(l.catalogue.code);
    return true;
}

std::string languageFor(std::string_view tag) {
    const std::string_view lang = tag.substr(0, tag.find_first_of("-_"));
    for (const std::string& l : languages())
        if (lang == l) return l;
    return "en";
}

void setLanguage(std::string_view code) {
    State& s = state();
    const std::string next = languageFor(code);
    if (next == s.code && (s.catalogue || next == "en" || next == "pseudo")) return;
    s.code = next;
    bumpTextGeneration();
    s.byText.clear();
    s.byPointer.clear();
    s.catalogue = catalogueFor(next);
    if (s.catalogue)
        for (const Message& m : s.catalogue->messages) s.byText.emplace(m.id, &m);
}

const std::string& language() { return state().code; }
std::string htmlLanguage() { return state().code == "pseudo" ? "en" : state().code; }

Plural pluralOf(std::string_view language, int64_t n) {
    const uint64_t a = n < 0 ? uint64_t(0) - uint64_t(n) : uint64_t(n);
    if (language == "fr") {
        if (a == 0 || a == 1) return Plural::One;
        return a % 1000000 == 0 ? Plural::Many : Plural::Other;
    }
    if (language == "es") {
        if (a == 1) return Plural::One;
        return a != 0 && a % 1000000 == 0 ? Plural::Many : Plural::Other;
    }
    if (language == "ja") return Plural::Other;
    return a == 1 ? Plural::One : Plural::Other; // en, de
}

} // namespace i18n

const char* tr(const char* english) {
    i18n::State& s = i18n::state();
    if (s.code == "en" || !english) return english;
    const auto hit = s.byPointer.find(english);
    if (hit != s.byPointer.end()) return hit->second;
    const char* out = english;
    if (s.code == "pseudo") out = s.owned.emplace_back(i18n::pseudo(english)).c_str();
    else if (const auto m = s.byText.find(english); m != s.byText.end()) out = m->second->one;
    s.byPointer.emplace(english, out);
    return out;
}

std::string tr(const std::string& english) {
    i18n::State& s = i18n::state();
    if (s.code == "en") return english;
    if (s.code == "pseudo") return i18n::pseudo(english);
    const auto m = s.byText.find(english);
    return m == s.byText.end() ? english : std::string(m->second->one);
}

std::string trn(const char* one, const char* other, int64_t n) {
    const i18n::State& s = i18n::state();
    const i18n::Plural category = i18n::pluralOf(s.code == "pseudo" ? "en" : s.code, n);
    std::string form;
    if (s.code == "pseudo") form = i18n::pseudo(category == i18n::Plural::One ? one : other);
    else if (const auto m = s.catalogue ? s.byText.find(one) : s.byText.end(); m != s.byText.end() && m->second->other) {
        const i18n::Message& msg = *m->second;
        form = category == i18n::Plural::One ? msg.one : category == i18n::Plural::Many && msg.many ? msg.many : msg.other;
    } else form = category == i18n::Plural::One ? one : other;
    const std::string count = formatInteger(n);
    for (size_t at = form.find("{n}"); at != std::string::npos; at = form.find("{n}", at + count.size())) form.replace(at, 3, count);
    return form;
}

namespace i18n_detail {

std::string integer(int64_t n) { return formatInteger(n); }

std::string format(std::string_view pattern, const std::string* args, size_t count) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9' && pattern[i + 2] == '}') {
            const size_t k = size_t(pattern[i + 1] - '0');
            if (k < count) out += args[k];
            i += 2;
            continue;
        }
        out += pattern[i];
    }
    return out;
}

} // namespace i18n_detail

} // namespace plotline
