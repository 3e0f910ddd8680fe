// The message catalogue: every text a person reads goes through tr() or trn(), with the English text
// as its key (the way gettext works, so the code reads as it did):
//
//   ImGui::Button(tr("Add task"));
//   fmt(tr("Moved \u201c{0}\u201d to {1}"), task.name, date)          // placeholders {0}, {1}…
//   trn("{n} task moved", "{n} tasks moved", count)                  // plural, {n} is the count
//
// German, French and Spanish are complete: a unit test reads the sources for every tr()/trn() key
// and checks each language has it with the same placeholders. "pseudo" is English stretched by 40 %
// with accents and brackets ("[Áđđ ţášķ]~~~") to find text that is cut off or not translated.
//
// The language is one setting for the whole program (the UI, the reports, the CLI's --lang); a text
// a catalogue lacks falls back to English. tr() returns a pointer that stays valid for the program's
// life, so it can be handed to ImGui as a label.
#pragma once
#include <cstdint>
#include <type_traits>
#include <string>
#include <string_view>
#include <vector>

namespace plotline {

namespace i18n {

// The languages with a catalogue: "en", "de", "fr", "es", and "pseudo".
const std::vector<std::string>& languages();
// The language's own name ("Deutsch"), for the language menu.
const char* languageName(std::string_view code);
// The catalogue's language for a BCP 47 tag from the browser ("de-AT" → "de", "pt-BR" → "en").
std::string languageFor(std::string_view tag);

void setLanguage(std::string_view code); // unknown codes mean English
const std::string& language();
// The lang attribute for documents written now ("de"; "en" for English and the pseudo-locale).
std::string htmlLanguage();

// CLDR plural categories for whole numbers.
enum class Plural { One, Many, Other };
Plural pluralOf(std::string_view language, int64_t n);

// One entry of a language's catalogue: the English key and its translation; a plural entry has the
// English "one" form as its key and the translated forms for one, other and (French, Spanish:
// millions) many.
struct Message {
    const char* id;
    const char* one;
    const char* other = nullptr; // plural entries only
    const char* many = nullptr;  // when the language has the category; otherwise "other" is used
};
struct Catalogue {
    const char* code;
    const char* name;
    std::vector<Message> messages;
};

// The catalogue's source (i18n_catalogue.cpp): one row per text, its three translations side by side.
struct TextRow {
    const char* id;
    const char *de, *fr, *es;
};
struct PluralRow {
    const char* id;    // the English "one" form, as trn() gets it
    const char* de[2]; // one, other
    const char* fr[3]; // one, other, many
    const char* es[3]; // one, other, many
};
extern const TextRow kTexts[];
extern const size_t kTextCount;
extern const PluralRow kPlurals[];
extern const size_t kPluralCount;

// The catalogues compiled in (i18n_catalogue.cpp: de, fr, es). The web app leaves them out of its
// download (src/platform/web/catalogue_on_demand.cpp: none) and loads its language's from a file.
const std::vector<Catalogue>& catalogues();

// Whether a language's texts are at hand: English and pseudo always; the others when compiled in or
// loaded. A language chosen without them shows English until loadCatalogue brings them.
bool hasCatalogue(std::string_view code);
// A catalogue as a file (the web build's i18n/<code>.cat, src/tools/export_catalogues.cpp): a head line,
// the language's code, then each message's id, one, other and many, each ending in a NUL.
std::string catalogueFile(const Catalogue& c);
// Reads a catalogue file; its texts point into bytes. False if bytes are not one.
bool parseCatalogueFile(std::string_view bytes, Catalogue& out);
// Keeps a catalogue file's texts for its language (and shows them at once if it is the language
// chosen). False, and nothing changes, if bytes are not a catalogue or the language has one already.
bool loadCatalogue(std::string bytes);

} // namespace i18n

// english must be a literal or a table's entry (it is remembered by its address); for a text held in a
// std::string, the overload below looks it up by content.
const char* tr(const char* english);
std::string tr(const std::string& english);
// Marks a literal for the catalogue where a table defines it; tr() translates it where it is shown.
constexpr const char* N_(const char* english) { return english; }
// The form of the count's plural category, with {n} replaced by the count written for the locale.
std::string trn(const char* one, const char* other, int64_t n);

namespace i18n_detail {
inline std::string toArg(const std::string& s) { return s; }
inline std::string toArg(std::string_view s) { return std::string(s); }
inline std::string toArg(const char* s) { return s ? s : ""; }
std::string integer(int64_t n);
template <class N, class = std::enable_if_t<std::is_integral_v<N>>> std::string toArg(N n) { return integer(int64_t(n)); }
std::string format(std::string_view pattern, const std::string* args, size_t count);
} // namespace i18n_detail

// Replaces {0}, {1}… in pattern by the arguments (strings or whole numbers, written for the locale:
// "12.000" in German). Numbers that are names rather than amounts (years, ids, CR-1234, file names)
// go in as std::to_string: grouped digits in a file name broke the history once.
template <class... A> std::string fmt(std::string_view pattern, const A&... args) {
    const std::string list[] = {std::string(), i18n_detail::toArg(args)...};
    return i18n_detail::format(pattern, list + 1, sizeof...(A));
}

} // namespace plotline
