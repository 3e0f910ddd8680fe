#include "core/i18n.hpp"
#include "core/locale.hpp"
#include "core/money.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace plotline;

namespace {

// Restores English and the neutral formats after each case.
struct Speak {
    explicit Speak(const char* language, const char* formats = "iso") {
        i18n::setLanguage(language);
        setFormats(formatsFor(formats));
    }
    ~Speak() {
        i18n::setLanguage("en");
        setFormats(Formats{});
    }
};

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
    else out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
}

// The C++ string literal starting at text[i] (just after its opening quote), unescaped; i ends after
// the closing quote. Adjacent literals ("a" "b") are joined.
std::string literal(const std::string& text, size_t& i) {
    std::string out;
    for (;;) {
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < text.size()) {
                const char e = text[++i];
                if (e == 'n') out += '\n';
                else if (e == 't') out += '\t';
                else if (e == 'u') {
                    appendUtf8(out, unsigned(std::stoul(text.substr(i + 1, 4), nullptr, 16)));
                    i += 4;
                } else out += e;
                ++i;
                continue;
            }
            out += text[i++];
        }
        ++i; // the closing quote
        size_t j = i;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\n')) ++j;
        if (j < text.size() && text[j] == '"') i = j + 1;
        else return out;
    }
}

struct Key {
    std::string text, plural, where;
};

// Every tr("…") and trn("…", "…", n) in the sources, as xgettext would find them. A call whose
// argument is not a literal is reported: the catalogue could not know its text.
std::vector<Key> sourceKeys(std::vector<std::string>& notLiteral) {
    std::vector<Key> keys;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(PLOTLINE_TEST_SOURCES)) {
        const std::string path = entry.path().string();
        if (!entry.is_regular_file() || (!path.ends_with(".cpp") && !path.ends_with(".hpp"))) continue;
        if (path.find("/i18n") != std::string::npos) continue; // the catalogue itself
        std::ifstream in(path);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        for (const std::string call : {"tr(", "trn(", "N_("}) {
            for (size_t at = text.find(call); at != std::string::npos; at = text.find(call, at + 1)) {
                const char before = at ? text[at - 1] : ' ';
                if (std::isalnum(static_cast<unsigned char>(before)) || before == '_' || before == '.' || before == ':' || before == '>') continue;
                size_t i = at + call.size();
                const std::string where = path.substr(path.find("src/")) + ":" + std::to_string(std::count(text.begin(), text.begin() + long(at), '\n') + 1);
                if (text[i] != '"') {
                    if (call == "trn(") notLiteral.push_back(where); // tr(name) of a table marked with N_()
                    continue;
                }
                ++i;
                Key k{literal(text, i), "", where};
                if (call == "trn(") {
                    while (text[i] == ',' || text[i] == ' ' || text[i] == '\n') ++i;
                    if (text[i] != '"') { notLiteral.push_back(where); continue; }
                    ++i;
                    k.plural = literal(text, i);
                }
                keys.push_back(k);
            }
        }
    }
    return keys;
}

std::multiset<std::string> placeholders(const std::string& s) {
    std::multiset<std::string> out;
    for (size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1)) {
        const size_t close = s.find('}', i);
        if (close != std::string::npos && close - i <= 3) out.insert(s.substr(i, close - i + 1));
    }
    for (size_t i = s.find('%'); i != std::string::npos; i = s.find('%', i + 1))
        if (i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '%' && s[i + 1] != '\n' && s[i + 1] != ')') out.insert(s.substr(i, 2));
    return out;
}

} // namespace

TEST_CASE("i18n: every text in the sources is in every catalogue, with the same placeholders, and nothing stale") {
    std::vector<std::string> notLiteral;
    const std::vector<Key> keys = sourceKeys(notLiteral);
    CHECK_MESSAGE(notLiteral.empty(), "trn() needs literals at: " << (notLiteral.empty() ? "" : notLiteral.front()));
    REQUIRE(keys.size() > 300); // the UI's texts, not a handful
    std::map<std::string, Key> unique;
    for (const Key& k : keys) unique.emplace(k.text, k);
    for (const i18n::Catalogue& c : i18n::catalogues()) {
        std::map<std::string_view, const i18n::Message*> have;
        for (const i18n::Message& m : c.messages) CHECK_MESSAGE(have.emplace(m.id, &m).second, std::string(c.code) << " has twice: " << m.id);
        int missing = 0;
        for (const auto& entry : unique) {
            const std::string& text = entry.first;
            const Key& k = entry.second;
            const auto m = have.find(text);
            if (m == have.end()) {
                if (++missing <= 5) FAIL_CHECK(std::string(c.code) << " lacks \"" << text << "\" (" << k.where << ")");
                continue;
            }
            const i18n::Message& msg = *m->second;
            CHECK_MESSAGE(std::string(msg.one).size() > 0, std::string(c.code) << ": empty translation of " << text);
            // ImGui's "##id" / "###id" suffix is the widget's identity: kept as it is.
            const size_t hash = text.find("##");
            if (hash != std::string::npos) CHECK_MESSAGE(std::string(msg.one).ends_with(text.substr(hash)), std::string(c.code) << ": the id changed in " << msg.one);
            CHECK_MESSAGE(placeholders(msg.one) == placeholders(text), std::string(c.code) << ": placeholders differ in " << text << " → " << msg.one);
            if (!k.plural.empty()) {
                CHECK_MESSAGE(msg.other != nullptr, std::string(c.code) << ": no plural forms for " << text);
                if (msg.other) CHECK_MESSAGE(placeholders(msg.other) == placeholders(k.plural), std::string(c.code) << ": placeholders differ in " << k.plural);
            } else CHECK_MESSAGE(msg.other == nullptr, std::string(c.code) << ": plural forms for a text used without a count: " << text);
        }
        CHECK_MESSAGE(missing == 0, std::string(c.code) << " lacks " << missing << " of " << unique.size() << " texts");
        for (const auto& entry : have) CHECK_MESSAGE(unique.count(std::string(entry.first)), std::string(c.code) << " has a text no source uses: " << entry.first);
    }
}

TEST_CASE("i18n: tr() answers the language's text, falls back to English, and keeps its address") {
    CHECK(std::string(tr("Add task")) == "Add task");
    {
        Speak de("de");
        CHECK(std::string(tr("Add task")) == "Vorgang hinzufügen");
        const char* a = tr("Add task");
        CHECK(tr("Add task") == a);
        CHECK(std::string(tr("no such text in any catalogue")) == "no such text in any catalogue");
    }
    {
        Speak fr("fr");
        CHECK(std::string(tr("Add task")) == "Ajouter une tâche");
    }
    {
        Speak es("es-MX");
        CHECK(i18n::language() == "es");
        CHECK(std::string(tr("Add task")) == "Añadir tarea");
    }
    CHECK(i18n::languageFor("pt-BR") == "en");
    CHECK(i18n::languageFor("de-AT") == "de");
}

TEST_CASE("i18n: a catalogue written as a file reads back the same, and anything else is refused") {
    REQUIRE(i18n::catalogues().size() == 3);
    for (const i18n::Catalogue& c : i18n::catalogues()) {
        const std::string file = i18n::catalogueFile(c);
        i18n::Catalogue back;
        REQUIRE(i18n::parseCatalogueFile(file, back));
        CHECK(std::string(back.code) == c.code);
        CHECK(std::string(back.name) == c.name);
        REQUIRE(back.messages.size() == c.messages.size());
        size_t plurals = 0;
        for (size_t i = 0; i < c.messages.size(); ++i) {
            const i18n::Message &a = c.messages[i], &b = back.messages[i];
            const auto same = [](const char* x, const char* y) { return x == y || (x && y && std::string_view(x) == y); };
            CHECK_MESSAGE((same(a.id, b.id) && same(a.one, b.one) && same(a.other, b.other) && same(a.many, b.many)), a.id);
            plurals += b.other != nullptr;
        }
        CHECK(plurals == i18n::kPluralCount);
        // Cut inside a message, or with another head or language: not a catalogue.
        for (const size_t cut : {size_t(5), size_t(30), file.size() - 1}) CHECK_FALSE(i18n::parseCatalogueFile(std::string_view(file).substr(0, cut), back));
        CHECK_FALSE(i18n::parseCatalogueFile("plotline-catalogue 2\nde\n" + file.substr(file.find("\n", 21) + 1), back));
        CHECK_FALSE(i18n::parseCatalogueFile("plotline-catalogue 1\npt\n" + file.substr(file.find("\n", 21) + 1), back));
        CHECK_FALSE(i18n::parseCatalogueFile("", back));
        // A language compiled in is not loaded twice.
        CHECK_FALSE(i18n::loadCatalogue(file));
    }
    CHECK(i18n::hasCatalogue("de-CH"));
    CHECK(i18n::hasCatalogue("en"));
}

TEST_CASE("i18n: plural rules of CLDR for whole numbers") {
    using i18n::Plural;
    CHECK(i18n::pluralOf("en", 1) == Plural::One);
    CHECK(i18n::pluralOf("en", 0) == Plural::Other);
    CHECK(i18n::pluralOf("de", 2) == Plural::Other);
    CHECK(i18n::pluralOf("fr", 0) == Plural::One); // « 0 tâche »
    CHECK(i18n::pluralOf("fr", 1) == Plural::One);
    CHECK(i18n::pluralOf("fr", 2) == Plural::Other);
    CHECK(i18n::pluralOf("fr", 1000000) == Plural::Many); // « 1 000 000 de tâches »
    CHECK(i18n::pluralOf("es", 0) == Plural::Other);
    CHECK(i18n::pluralOf("es", 1) == Plural::One);
    CHECK(i18n::pluralOf("es", 2000000) == Plural::Many);
    CHECK(i18n::pluralOf("ja", 1) == Plural::Other);

    CHECK(trn("{n} task", "{n} tasks", 1) == "1 task");
    CHECK(trn("{n} task", "{n} tasks", 0) == "0 tasks");
    {
        Speak fr("fr", "fr-FR");
        CHECK(trn("{n} task", "{n} tasks", 0) == "0 tâche");
        CHECK(trn("{n} task", "{n} tasks", 3) == "3 tâches");
        CHECK(trn("{n} task", "{n} tasks", 1000000) == "1\u202f000\u202f000 de tâches");
    }
    {
        Speak de("de", "de-DE");
        CHECK(trn("{n} task", "{n} tasks", 1) == "1 Vorgang");
        CHECK(trn("{n} task", "{n} tasks", 1234) == "1.234 Vorgänge");
    }
    {
        Speak es("es", "es-ES");
        CHECK(trn("{n} task", "{n} tasks", 0) == "0 tareas");
        CHECK(trn("{n} task", "{n} tasks", 1) == "1 tarea");
        CHECK(trn("{n} task", "{n} tasks", 1000000) == "1.000.000 de tareas");
    }
}

TEST_CASE("i18n: fmt fills placeholders in the translated order") {
    CHECK(fmt("Moved \u201c{0}\u201d to {1}", "Copy deck", "2026-12-03") == "Moved \u201cCopy deck\u201d to 2026-12-03");
    CHECK(fmt("{1} before {0}", "a", "b") == "b before a");
    CHECK(fmt("{0} of {1}", 3, 12000) == "3 of 12,000");
    Speak de("de", "de-DE");
    CHECK(fmt("{0} of {1}", 3, 12000) == "3 of 12.000");
}

TEST_CASE("i18n: the pseudo-locale is 40 % longer, accented, bracketed, and keeps placeholders and ids") {
    Speak p("pseudo");
    const std::string s = tr("Add task");
    CHECK(s.starts_with("[Áđđ ţášķ]"));
    CHECK(s.ends_with("~~~")); // 7 letters → 3 more
    CHECK(std::string(tr("Moved {0}")).find("{0}") != std::string::npos);
    CHECK(std::string(tr("Save##toolbar")).ends_with("##toolbar"));
    CHECK(trn("{n} task", "{n} tasks", 2).find("2 ţášķš") != std::string::npos);
}

TEST_CASE("locale: dates in the six locales and ISO, checked against the browsers' Intl") {
    const Date d = *Date::parse("2026-12-03");
    const std::pair<const char*, std::array<const char*, 4>> cases[] = {
        {"en-US", {"12/3/2026", "Dec 3", "December 2026", "Thu, Dec 3, 2026"}},
        {"en-GB", {"03/12/2026", "3 Dec", "December 2026", "Thu, 3 Dec 2026"}},
        {"de-DE", {"3.12.2026", "3. Dez.", "Dezember 2026", "Do., 3. Dez. 2026"}},
        {"fr-FR", {"03/12/2026", "3 déc.", "décembre 2026", "jeu. 3 déc. 2026"}},
        {"es-ES", {"3/12/2026", "3 dic", "diciembre de 2026", "jue, 3 dic 2026"}},
        {"ja-JP", {"2026/12/3", "12月3日", "2026年12月", "2026年12月3日(木)"}},
        {"iso", {"2026-12-03", "3 Dec", "December 2026", "Thu 3 Dec 2026"}},
    };
    for (const auto& one : cases) {
        const char* tag = one.first;
        const auto& want = one.second;
        CAPTURE(tag);
        const Formats f = formatsFor(tag);
        CHECK(formatDate(d, f) == want[0]);
        CHECK(formatDayMonth(d, f) == want[1]);
        CHECK(formatMonthYear(2026, 12, f) == want[2]);
        CHECK(formatWeekdayDate(d, f) == want[3]);
        CHECK(parseDateIn(want[0], f) == d); // what is shown can be typed back
        CHECK(parseDateIn("2026-12-03", f) == d);
    }
    CHECK(std::string(monthShortIn(3, formatsFor("de-DE"))) == "Mär");
    CHECK(std::string(formatDayMonth(*Date::parse("2026-09-03"), formatsFor("de-DE"))) == "3. Sept.");
    CHECK(std::string(weekdayShortIn(6, formatsFor("es-ES"))) == "dom");
    // Day and month are not swapped across locales: 3/12 is 12 March in the US, 3 December in Britain.
    CHECK(parseDateIn("3/12/2026", formatsFor("en-US")) == Date::parse("2026-03-12"));
    CHECK(parseDateIn("3/12/2026", formatsFor("en-GB")) == Date::parse("2026-12-03"));
    CHECK(parseDateIn("3.12.26", formatsFor("de-DE")) == d);
    CHECK(parseDateIn("31/02/2026", formatsFor("fr-FR")) == std::nullopt);
    CHECK(parseDateIn("12/3", formatsFor("en-US")) == std::nullopt);
    // First day of the week.
    CHECK(formatsFor("en-US").firstWeekday == 6);
    CHECK(formatsFor("ja-JP").firstWeekday == 6);
    CHECK(formatsFor("en-GB").firstWeekday == 0);
    CHECK(formatsFor("de-DE").firstWeekday == 0);
    // A country without a table takes its language's.
    CHECK(formatsFor("de-AT").tag == "de-AT");
    CHECK(formatDate(d, formatsFor("de-AT")) == "3.12.2026");
    CHECK(formatDate(d, formatsFor("en-AU")) == "03/12/2026");
    CHECK(formatsFor("pt-BR").tag == "iso");
}

TEST_CASE("locale: numbers, percentages and money in the six locales, checked against the browsers' Intl") {
    const Currency eur = currency("EUR"), jpy = currency("JPY"), usd = currency("USD");
    struct Case {
        const char *tag, *big, *small, *money, *yen, *dollars, *percent;
    };
    const Case cases[] = {
        {"en-US", "1,234,567.5", "1,234.5", "-€1,234.50", "¥1,235", "$1,234.50", "45%"},
        {"en-GB", "1,234,567.5", "1,234.5", "-€1,234.50", "¥1,235", "$1,234.50", "45%"},
        {"de-DE", "1.234.567,5", "1.234,5", "-1.234,50\u00a0€", "1.235\u00a0¥", "1.234,50\u00a0$", "45\u00a0%"},
        {"fr-FR", "1\u202f234\u202f567,5", "1\u202f234,5", "-1\u202f234,50\u00a0€", "1\u202f235\u00a0¥", "1\u202f234,50\u00a0$", "45\u202f%"},
        {"es-ES", "1.234.567,5", "1234,5", "-1234,50\u00a0€", "1235\u00a0¥", "1234,50\u00a0$", "45\u00a0%"},
        {"ja-JP", "1,234,567.5", "1,234.5", "-€1,234.50", "¥1,235", "$1,234.50", "45%"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.tag);
        const Formats f = formatsFor(c.tag);
        CHECK(formatDecimal(1234567.5, 1, f) == c.big);
        CHECK(formatDecimal(1234.5, 1, f) == c.small);
        CHECK(formatMoney(-123450, eur, true, f) == c.money);
        CHECK(formatMoney(1235, jpy, true, f) == c.yen);
        CHECK(formatMoney(123450, usd, true, f) == c.dollars);
        CHECK(formatPercent(45, f) == c.percent);
    }
    CHECK(formatInteger(12345, formatsFor("es-ES")) == "12.345"); // Spanish groups from five digits
    CHECK(formatDecimal(-0.001, 2, formatsFor("de-DE")) == "0,00");
    // The current formats drive formatMoney; files pass the neutral ones.
    setFormats(formatsFor("de-DE"));
    CHECK(formatMoney(123450, eur) == "1.234,50\u00a0€");
    CHECK(formatMoney(123450, eur, true, Formats{}) == "€1,234.50");
    setFormats(Formats{});
    CHECK(formatMoney(123450, eur) == "€1,234.50");
}
