// The fast JSON document the project reader uses, and the writer's layout: checked against
// nlohmann::json, the reference parser, on valid and invalid text.
#include "core/json_dom.hpp"
#include "core/json_io.hpp"
#include "core/synthetic.hpp"
#include "helpers.hpp"

#include <nlohmann/json.hpp>

#include <random>

using namespace plotline;

TEST_CASE("json document: values, escapes, unicode and numbers") {
    JsonDoc doc;
    const std::string text = R"({"s":"a\"b\\c\/d\n\t\u00e9\u20ac\ud83d\ude00", "plain":"ü€", "n":null, "t":true, "f":false,
        "i":-42, "big":18446744073709551615, "huge":99999999999999999999, "min":-9223372036854775808,
        "x":1.5, "e":2e3, "arr":[1,[2,{}],[]], "o":{"k":{"k":"deep"}}, "esc\u0041key":1})";
    REQUIRE_MESSAGE(doc.parse(text), doc.error());
    const JsonRef r = doc.root();
    CHECK(r.isObject());
    CHECK(r.size() == 14);
    CHECK(r["s"].str() == "a\"b\\c/d\n\té€\xF0\x9F\x98\x80");
    CHECK(r["plain"].str() == "ü€");
    CHECK(r["n"].isNull());
    CHECK_FALSE(r["n"].missing());
    CHECK(r["absent"].missing());
    CHECK(r["absent"].isNull());
    CHECK(r["t"].boolean());
    CHECK(r["f"].isBool());
    CHECK_FALSE(r["f"].boolean());
    CHECK(r["i"].integer() == -42);
    CHECK(r["big"].isInteger());
    CHECK(r["big"].integer() == INT64_MAX); // past int64: read as the largest, for range checks to refuse
    CHECK_FALSE(r["huge"].isInteger());     // past 64 bits: not a whole number we can hold
    CHECK(r["min"].integer() == INT64_MIN);
    CHECK_FALSE(r["x"].isInteger());
    CHECK_FALSE(r["e"].isInteger());
    CHECK(r["arr"].size() == 3);
    CHECK(r["arr"][1][1].isObject());
    CHECK(r["arr"][2].size() == 0);
    CHECK(r["arr"][7].missing());
    CHECK(r["o"]["k"]["k"].str() == "deep");
    CHECK(r["escAkey"].integer() == 1);
    int64_t sum = 0;
    for (JsonRef e : r["arr"]) sum += e.isInteger() ? e.integer() : 100;
    CHECK(sum == 201);
    CHECK(r["s"]["k"].missing()); // lookups on the wrong kind find nothing
    CHECK(r["arr"].begin() != r["arr"].end());
    CHECK_FALSE(r["i"].begin() != r["i"].end());
}

TEST_CASE("json document: every malformed text is refused with where it went wrong") {
    JsonDoc doc;
    CHECK_FALSE(doc.parse("{\n  \"a\": [1, 2,\n  ]\n}"));
    CHECK(doc.error() == "line 3, column 3: unexpected character");
    CHECK_FALSE(doc.parse("{\"a\" 1}"));
    CHECK(doc.error() == "line 1, column 6: expected ':'");
    CHECK_FALSE(doc.parse("\"\\ud800\""));
    CHECK(doc.error().find("unpaired surrogate") != std::string::npos);
    CHECK_FALSE(doc.parse(std::string(300, '[') + std::string(300, ']')));
    CHECK(doc.error().find("nested too deeply") != std::string::npos);
    CHECK(doc.parse("\xEF\xBB\xBF{}")); // a byte-order mark is fine
    // Whatever the reference parser refuses, this one refuses, and the other way round.
    for (const char* text : {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "01", "-", "1.", "1e", ".5", "+1", "tru", "nul",
                             "\"a", "\"\\x\"", "\"\\u12\"", "\"a\tb\"", "\"\xC3\"", "\"\xED\xA0\x80\"", "\"\xF5\x80\x80\x80\"",
                             "[1 2]", "{\"a\":1 \"b\":2}", "{1:2}", "[] []", "null x", "-0", "1E+2", "[-1.5e-3]", "\"\\uD83D\\uDE00\"",
                             "{\"\":0}", "[true,false,null]"}) {
        CAPTURE(text);
        CHECK(doc.parse(text) == nlohmann::json::accept(text));
    }
}

TEST_CASE("json document: random damage to a real file never crashes and agrees with the reference parser") {
    const std::string good = writeProjectJson(syntheticProject(60, 3), false);
    std::mt19937 rng(11);
    JsonDoc doc;
    for (int k = 0; k < 400; ++k) {
        std::string text = good;
        const int edits = 1 + int(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const size_t at = rng() % text.size();
            static const char junk[] = "{}[],:\"\\ 0aZ-.e\x80\xC3";
            text[at] = junk[rng() % (sizeof junk - 1)];
        }
        CAPTURE(k);
        CHECK(doc.parse(text) == nlohmann::json::accept(text));
    }
}

TEST_CASE("the writer lays files out exactly as nlohmann::json would, pretty and compact") {
    Project p = syntheticProject(300, 5);
    addSyntheticTeam(p, 7, 5);
    p.tasks[3].name = "Quotes \" backslash \\ tab \t newline \n bell \x07 é 😀";
    p.tasks[4].notes = "del \x7F and a bad byte \xFF here";
    p.resources[0].daysOff = {*Date::parse("2026-03-02"), *Date::parse("2026-03-03")};
    p.statusDate = Date::parse("2026-05-01");
    p.baselines.push_back({Id::random(), "Plan", 5, {{p.tasks[0].id, *Date::parse("2026-01-05"), *Date::parse("2026-01-09")}}});
    p.baselines.push_back({Id::random(), "Empty", 6, {}});
    p.calendar.setHolidays({});
    test::addMoneySide(p);
    for (bool pretty : {true, false}) {
        CAPTURE(pretty);
        const std::string text = writeProjectJson(p, pretty);
        const nlohmann::json ref = nlohmann::json::parse(text); // sorts members by name
        CHECK(ref.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace) + (pretty ? "\n" : "") == text);
        CHECK(ref["tasks"][4]["notes"] == "del \x7F and a bad byte \xEF\xBF\xBD here");
        Result<Project> back = readProjectJson(text);
        REQUIRE_MESSAGE(back.ok(), back.error());
        p.tasks[4].notes = "del \x7F and a bad byte \xEF\xBF\xBD here";
        CHECK(*back == p);
        p.tasks[4].notes = "del \x7F and a bad byte \xFF here";
    }
}
