// The project library over a storage that behaves like IDBFS: writes go to a loaded copy, persist()
// makes an area's changes durable, load() reads the durable state back. A "crash" throws the loaded
// copy away. Faults are injected at persist: it fails, or (the worst an IndexedDB transaction that
// is not aborted can do) it applies the removals but not the writes.
#include <doctest/doctest.h>

#include "app/library.hpp"
#include "core/json_io.hpp"
#include "core/sealed.hpp"

#include <map>

using namespace plotline;

namespace {

class MemoryStorage final : public Storage {
public:
    using Files = std::map<std::string, std::string>; // name → text
    std::map<std::string, Files> durable, loaded;
    enum class Fault { None, Fail, RemovalsOnly } fault = Fault::None;
    int persists = 0;

    void load(const std::string& area, Done done) override {
        loaded[area] = durable[area];
        done("");
    }
    void persist(const std::string& area, Done done) override {
        ++persists;
        if (fault == Fault::Fail) return done("QuotaExceededError (injected)");
        if (fault == Fault::RemovalsOnly) {
            for (auto it = durable[area].begin(); it != durable[area].end();)
                it = loaded[area].count(it->first) ? std::next(it) : durable[area].erase(it);
            return done("QuotaExceededError (injected)");
        }
        durable[area] = loaded[area];
        done("");
    }
    void drop(const std::string& area, Done done) override {
        durable.erase(area);
        loaded.erase(area);
        done("");
    }
    void areas(std::function<void(std::vector<std::string>)> done) override {
        std::vector<std::string> out;
        for (auto& [a, files] : durable) out.push_back(a);
        done(out);
    }
    std::optional<std::string> read(const std::string& path) override {
        auto [area, name] = split(path);
        auto a = loaded.find(area);
        if (a == loaded.end() || !a->second.count(name)) return std::nullopt;
        return a->second[name];
    }
    std::string write(const std::string& path, const std::string& text) override {
        auto [area, name] = split(path);
        if (!loaded.count(area)) return "area " + area + " is not loaded";
        loaded[area][name] = text;
        return "";
    }
    void remove(const std::string& path) override {
        auto [area, name] = split(path);
        loaded[area].erase(name);
    }
    std::vector<std::string> list(const std::string& area) override {
        std::vector<std::string> out;
        for (auto& [name, text] : loaded[area]) out.push_back(name);
        return out;
    }
    void crash() { loaded.clear(); } // the tab closes: only what was persisted remains

private:
    static std::pair<std::string, std::string> split(const std::string& path) {
        const size_t slash = path.find('/');
        return {path.substr(0, slash), path.substr(slash + 1)};
    }
};

struct Fixture {
    MemoryStorage storage;
    Stamp now = 1'800'000'000'000;
    std::unique_ptr<ProjectLibrary> lib = fresh();

    std::unique_ptr<ProjectLibrary> fresh() { return std::make_unique<ProjectLibrary>(storage, [this] { return now; }); }
    std::string started() {
        std::string notice, error = "not called";
        lib->start([&](const std::string& err, const std::string& n) {
            error = err;
            notice = n;
        });
        REQUIRE(error == "");
        return notice;
    }
    // A new tab (or the browser after a restart) opening the library over the same storage.
    std::string reopen() {
        lib = fresh();
        return started();
    }
    std::string create(const std::string& body, const std::string& name = "Launch") {
        std::string id, error = "not called";
        VersionInfo info;
        info.name = name;
        lib->create(body, info, [&](const std::string& i, const std::string& err) {
            error = err;
            id = i;
        });
        REQUIRE(error == "");
        REQUIRE(!id.empty());
        return id;
    }
    std::string save(const std::string& id, const std::string& body) {
        std::string error = "not called";
        VersionInfo info;
        info.name = "Launch";
        lib->save(id, body, info, [&](const std::string& err) { error = err; });
        return error;
    }
    // Opens and returns the body (or "ERROR: …"), with the notice.
    std::pair<std::string, std::string> open(const std::string& id, std::string refuse = "") {
        std::pair<std::string, std::string> out{"not called", ""};
        lib->open(
            id, [&](std::string_view body, const VersionInfo&) { return !refuse.empty() && body == refuse ? std::string("refused") : std::string(); },
            [&](Result<Opened> r) { out = r ? std::pair{r->json, r->notice} : std::pair{"ERROR: " + r.error(), std::string()}; });
        return out;
    }
};

} // namespace

TEST_CASE("library: create, save, reopen after a restart; old versions are cleaned up") {
    Fixture f;
    f.started();
    const std::string id = f.create("one");
    CHECK(f.save(id, "two") == "");
    CHECK(f.save(id, "three") == "");
    CHECK(f.storage.durable[projectArea(id)].size() == 1); // only the newest once the next is durable
    f.storage.crash();
    f.reopen();
    REQUIRE(f.lib->projects().size() == 1);
    CHECK(f.lib->projects()[0].version == 3);
    CHECK(f.lib->lastOpened() == id);
    CHECK(f.open(id).first == "three");
}

TEST_CASE("library: a save cut short by closing the tab leaves the previous version") {
    Fixture f;
    f.started();
    const std::string id = f.create("saved");
    // The new version is written to memory, but the tab closes before it is persisted.
    f.storage.fault = MemoryStorage::Fault::Fail;
    CHECK(f.save(id, "half-saved") != "");
    f.storage.fault = MemoryStorage::Fault::None;
    f.storage.crash();
    f.reopen();
    CHECK(f.open(id).first == "saved");
}

TEST_CASE("library: a failing store that drops removals but not writes loses nothing durable") {
    Fixture f;
    f.started();
    const std::string id = f.create("v1");
    CHECK(f.save(id, "v2") == "");
    f.storage.fault = MemoryStorage::Fault::RemovalsOnly;
    CHECK(f.save(id, "v3").find("full") != std::string::npos); // the quota message is in words
    f.storage.fault = MemoryStorage::Fault::None;
    f.storage.crash();
    f.reopen();
    CHECK(f.open(id).first == "v2");
}

TEST_CASE("library: a damaged version is set aside, the newest good one opens, the user is told") {
    Fixture f;
    f.started();
    const std::string id = f.create("good");
    // A second version written but damaged on disk; the good one is still there (tab closed before clean-up).
    VersionInfo info;
    info.number = 2;
    info.name = "Launch";
    std::string bad = seal("newer but damaged", info);
    bad[bad.size() - 3] ^= 1;
    f.storage.durable[projectArea(id)]["v000000000002.json"] = bad;
    f.reopen();
    auto [body, notice] = f.open(id);
    CHECK(body == "good");
    CHECK(notice.find("version 2") != std::string::npos);
    CHECK(notice.find("checksum") != std::string::npos);
    CHECK(f.storage.durable[projectArea(id)].count("v000000000002.json") == 0);
    bool aside = false;
    for (auto& [name, text] : f.storage.durable[historyArea(id)]) aside |= name.starts_with("damaged-") && text == bad;
    CHECK(aside);
    // New saves number past the damaged one, so it is never confused with them.
    CHECK(f.save(id, "next") == "");
    CHECK(f.lib->find(id)->version == 3);
}

TEST_CASE("library: a version the app refuses (say, unparseable) is set aside too; nothing good at all is an error that deletes nothing") {
    Fixture f;
    f.started();
    const std::string id = f.create("only");
    auto [body, notice] = f.open(id, "only");
    CHECK(body.starts_with("ERROR: "));
    CHECK(body.find("refused") != std::string::npos);
    REQUIRE(f.storage.durable[projectArea(id)].size() == 1); // left where it was
    CHECK(f.storage.durable[projectArea(id)].begin()->second.ends_with("only"));
}

TEST_CASE("library: history keeps the version a session started from, then one per 10 minutes, newest 30") {
    Fixture f;
    f.started();
    const std::string id = f.create("start");
    f.now += 1000;
    CHECK(f.save(id, "edit 1") == "");  // first save: "start" goes into the history
    f.now += 1000;
    CHECK(f.save(id, "edit 2") == "");  // within 10 minutes: no snapshot
    f.now += ProjectLibrary::kSnapshotEveryMs;
    CHECK(f.save(id, "edit 3") == "");  // "edit 2" goes in
    std::vector<Snapshot> snaps;
    f.lib->history(id, [&](Result<std::vector<Snapshot>> r) { REQUIRE(r); snaps = *r; });
    REQUIRE(snaps.size() == 2);
    CHECK(snaps[0].info.number == 3);
    CHECK(snaps[1].info.number == 1);
    std::string text = "not called";
    f.lib->readSnapshot(id, snaps[1].file, [&](Result<std::string> r) { text = r ? *r : "ERROR: " + r.error(); });
    CHECK(text == "start");
    for (int i = 0; i < 40; ++i) {
        f.now += ProjectLibrary::kSnapshotEveryMs;
        CHECK(f.save(id, "edit " + std::to_string(4 + i)) == "");
    }
    snaps.clear();
    f.lib->history(id, [&](Result<std::vector<Snapshot>> r) { REQUIRE(r); snaps = *r; });
    CHECK(snaps.size() == ProjectLibrary::kHistoryKeep);
}

TEST_CASE("library: trash, restore, and the trash emptied after 30 days") {
    Fixture f;
    f.started();
    const std::string a = f.create("a", "Alpha"), b = f.create("b", "Beta");
    std::string error = "not called";
    f.lib->trash(a, [&](const std::string& e) { error = e; });
    CHECK(error == "");
    CHECK(f.lib->find(a)->trashed == f.now);
    error = "not called";
    f.lib->restore(a, [&](const std::string& e) { error = e; });
    CHECK(error == "");
    CHECK(f.lib->find(a)->trashed == 0);
    error = "not called";
    f.lib->trash(b, [&](const std::string& e) { error = e; });
    CHECK(error == "");
    f.now += ProjectLibrary::kTrashKeepMs - 1000;
    f.reopen();
    CHECK(f.lib->find(b)); // 29.99 days: still restorable
    f.now += 2000;
    f.reopen();
    CHECK(!f.lib->find(b));
    CHECK(f.storage.durable.count(projectArea(b)) == 0);
    CHECK(f.lib->find(a));
}

TEST_CASE("library: a damaged list is kept aside and rebuilt from the projects") {
    Fixture f;
    f.started();
    const std::string id = f.create("body", "Rebuilt me");
    f.storage.durable["library"]["library.json"] = "{\"plotlineLibrary\":1,\"projects\":[{\"id\":";
    const std::string notice = f.reopen();
    CHECK(notice.find("rebuilt") != std::string::npos);
    REQUIRE(f.lib->projects().size() == 1);
    CHECK(f.lib->projects()[0].name == "Rebuilt me");
    CHECK(f.open(id).first == "body");
    bool aside = false;
    for (auto& [name, text] : f.storage.durable["library"]) aside |= name.starts_with("library.damaged-");
    CHECK(aside);
}

TEST_CASE("library: the single plan of Plotline before the library becomes a project") {
    Fixture f;
    const std::string old = "{\"schemaVersion\":2,\"project\":{\"name\":\"Old plan\"},\"tasks\":[{},{}]}";
    f.storage.durable["data"]["project.json"] = old;
    f.started();
    REQUIRE(f.lib->projects().size() == 1);
    CHECK(f.lib->projects()[0].name == "Old plan");
    CHECK(f.lib->projects()[0].tasks == 2);
    CHECK(f.lib->lastOpened() == f.lib->projects()[0].id);
    CHECK(f.open(f.lib->projects()[0].id).first == old); // the old file's text, byte for byte
    CHECK(f.storage.durable["data"].count("project.json") == 0);
}

TEST_CASE("library: the last synced version is kept as a merge base") {
    Fixture f;
    f.started();
    const std::string id = f.create("base");
    const_cast<ProjectEntry*>(f.lib->find(id))->syncedVersion = 1;
    CHECK(f.save(id, "two") == "");
    CHECK(f.save(id, "three") == "");
    CHECK(f.storage.durable[projectArea(id)].count("v000000000001.json") == 1);
    CHECK(f.storage.durable[projectArea(id)].size() == 2);
}

TEST_CASE("sealed versions: the checksum is zlib's CRC-32 at any length, alignment and split") {
    auto reference = [](std::string_view d) { // bit by bit
        uint32_t c = 0xFFFFFFFFu;
        for (unsigned char b : d) {
            c ^= b;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    };
    std::string data(70000, '\0');
    uint32_t x = 12345;
    for (char& ch : data) ch = char((x = x * 1103515245u + 12345u) >> 24);
    CHECK(crc32(std::string(32, 'a')) == 0xCAB11777u); // (zlib.crc32(b"a" * 32))
    CHECK(crc32(data) == reference(data));
    for (size_t at = 0; at < 20; ++at)
        for (size_t n = 0; n < 70; ++n) {
            const std::string_view d = std::string_view(data).substr(at, n);
            CHECK(crc32(d) == reference(d));
        }
    for (size_t cut : {size_t(1), size_t(15), size_t(16), size_t(17), size_t(4097)}) // in pieces, as saves sum a body
        CHECK(crc32(std::string_view(data).substr(cut), crc32(std::string_view(data).substr(0, cut))) == reference(data));
}

TEST_CASE("sealed versions: the checksum catches any changed byte, and a cut-off text") {
    VersionInfo info;
    info.number = 7;
    info.name = "Q3 \"launch\"";
    info.tasks = 12;
    const std::string text = seal("{\"a\":1}", info);
    Result<Sealed> ok = unseal(text);
    REQUIRE(ok);
    CHECK(ok->body == "{\"a\":1}");
    CHECK(ok->info.name == "Q3 \"launch\"");
    CHECK(ok->info.number == 7);
    CHECK(crc32("123456789") == 0xCBF43926u); // the standard check value
    for (size_t i = text.find('\n') + 1; i < text.size(); ++i) {
        std::string bad = text;
        bad[i] ^= 0x04;
        CHECK(!unseal(bad));
    }
    CHECK(unseal(text.substr(0, text.size() - 1)).error().find("unfinished") != std::string::npos);
    CHECK(!unseal("{\"schemaVersion\":2}"));
}

TEST_CASE("library: a project area without any version (a first save cut short by a reload) is not listed") {
    Fixture f;
    f.started();
    f.create("body", "Kept");
    f.storage.durable["p-0123456789abcdef0123456789abcdef"]; // the area exists, nothing was written in it
    f.reopen();
    REQUIRE(f.lib->projects().size() == 1);
    CHECK(f.lib->projects()[0].name == "Kept");
}

TEST_CASE("library: the schedule written with a version opens with it, and goes when a version comes without one") {
    Fixture f;
    f.started();
    std::string id, error = "not called";
    VersionInfo info;
    info.name = "Launch";
    f.lib->create("one", info, [&](const std::string& i, const std::string& err) { id = i; error = err; }, "", "schedule of one");
    REQUIRE(error == "");
    auto opened = [&] {
        std::string schedule = "not called";
        f.lib->open(id, [](std::string_view, const VersionInfo&) { return std::string(); }, [&](Result<Opened> r) {
            REQUIRE(r);
            schedule = r->schedule;
        });
        return schedule;
    };
    f.storage.crash();
    f.reopen();
    CHECK(opened() == "schedule of one");
    f.lib->save(id, "two", info, [&](const std::string& err) { error = err; }, std::nullopt, "schedule of two");
    REQUIRE(error == "");
    f.storage.crash();
    f.reopen();
    CHECK(opened() == "schedule of two");
    CHECK(f.storage.durable[projectArea(id)].size() == 2); // the version and its schedule
    CHECK(f.save(id, "three") == "");                       // (a caller with no schedule to keep)
    f.storage.crash();
    f.reopen();
    CHECK(opened() == "");
    CHECK(f.storage.durable[projectArea(id)].size() == 1);
}
