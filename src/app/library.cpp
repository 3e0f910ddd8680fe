#include "library.hpp"
#include "core/i18n.hpp"

#include "core/id.hpp"
#include "core/json_dom.hpp"
#include "core/json_io.hpp"

#include <algorithm>
#include <cstdio>

namespace plotline {

namespace {

constexpr const char* kListArea = "library";
constexpr const char* kListFile = "library/library.json";
constexpr const char* kLegacyArea = "data"; // the single-file layout kept the plan in data/project.json

std::string versionFile(uint64_t n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "v%012llu.json", (unsigned long long)n);
    return buf;
}
constexpr const char* kScheduleFile = "schedule.bin"; // beside the versions (schedule_store.hpp)
std::string snapshotFile(uint64_t n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "s%012llu.json", (unsigned long long)n);
    return buf;
}
// "v000000000042.json" → 42; 0 for anything else.
uint64_t fileNumber(const std::string& name, char prefix) {
    if (name.size() != 18 || name[0] != prefix || !name.ends_with(".json")) return 0;
    uint64_t n = 0;
    for (size_t i = 1; i < 13; ++i) {
        if (name[i] < '0' || name[i] > '9') return 0;
        n = n * 10 + uint64_t(name[i] - '0');
    }
    return n;
}

// Calls step(i, next) for i = 0 … n-1, each once the previous one called next(); then done().
using Step = std::function<void(size_t i, std::function<void()> next)>;
void eachInTurn(size_t n, std::shared_ptr<const Step> step, std::function<void()> done, size_t i = 0) {
    if (i == n) return done();
    (*step)(i, [n, step, done, i] { eachInTurn(n, step, done, i + 1); });
}
void eachInTurn(size_t n, Step step, std::function<void()> done) { eachInTurn(n, std::make_shared<const Step>(std::move(step)), std::move(done)); }

// A persist error in words a producer can act on.
std::string storageProblem(const std::string& error) {
    if (error.find(tr("Quota")) != std::string::npos || error.find("quota") != std::string::npos)
        return fmt(tr("the browser's storage for this site is full ({0})"), error);
    return error;
}

} // namespace

std::string projectArea(const std::string& id) { return "p-" + id; }
std::string historyArea(const std::string& id) { return "h-" + id; }

ProjectLibrary::ProjectLibrary(Storage& storage, std::function<Stamp()> clock) : storage_(storage), clock_(std::move(clock)) {}

ProjectEntry* ProjectLibrary::entry(const std::string& id) {
    for (ProjectEntry& e : entries_)
        if (e.id == id) return &e;
    return nullptr;
}
std::string ProjectLibrary::mostRecent() const {
    const ProjectEntry* best = nullptr;
    for (const ProjectEntry& e : entries_)
        if (!e.trashed && (!best || e.modified >= best->modified)) best = &e;
    return best ? best->id : std::string();
}

const ProjectEntry* ProjectLibrary::find(const std::string& id) const { return const_cast<ProjectLibrary*>(this)->entry(id); }

ProjectLibrary::Session& ProjectLibrary::session(const std::string& id) {
    for (Session& s : sessions_)
        if (s.id == id) return s;
    sessions_.push_back(Session{id});
    return sessions_.back();
}

// ---- the list ----------------------------------------------------------------------------------

std::string ProjectLibrary::listText() const {
    std::string out = "{\"plotlineLibrary\":1,\"lastOpened\":";
    appendJsonString(out, lastOpened_);
    out += ",\"projects\":[";
    for (size_t i = 0; i < entries_.size(); ++i) {
        const ProjectEntry& e = entries_[i];
        out += i ? ",\n{\"id\":" : "\n{\"id\":";
        appendJsonString(out, e.id);
        out += ",\"name\":";
        appendJsonString(out, e.name);
        for (auto [key, value] : {std::pair{"created", e.created}, {"modified", e.modified}, {"opened", e.opened}, {"trashed", e.trashed},
                                  {"bytes", Stamp(e.bytes)}, {"tasks", Stamp(e.tasks)}, {"version", Stamp(e.version)},
                                  {"syncedVersion", Stamp(e.syncedVersion)}})
            out += std::string(",\"") + key + "\":" + std::to_string(value);
        out += "}";
    }
    return out + "]}\n";
}

bool ProjectLibrary::parseList(std::string_view text) {
    JsonDoc doc;
    if (!doc.parse(text) || !doc.root()["plotlineLibrary"].isInteger() || !doc.root()["projects"].isArray()) return false;
    std::vector<ProjectEntry> list;
    for (const JsonRef p : doc.root()["projects"]) {
        ProjectEntry e;
        e.id = std::string(p["id"].str());
        e.name = std::string(p["name"].str());
        if (e.id.empty()) return false;
        auto num = [&](const char* key) { return p[key].isInteger() ? p[key].integer() : 0; };
        e.created = num("created");
        e.modified = num("modified");
        e.opened = num("opened");
        e.trashed = num("trashed");
        e.bytes = uint64_t(num("bytes"));
        e.tasks = uint64_t(num("tasks"));
        e.version = uint64_t(num("version"));
        e.syncedVersion = uint64_t(num("syncedVersion"));
        list.push_back(std::move(e));
    }
    entries_ = std::move(list);
    lastOpened_ = std::string(doc.root()["lastOpened"].str());
    return true;
}

void ProjectLibrary::writeList(Done done) {
    if (std::string err = storage_.write(kListFile, listText()); !err.empty()) return done(err);
    storage_.persist(kListArea, [this, done](const std::string& err) {
        if (err.empty() && onListWritten) onListWritten();
        done(err.empty() ? "" : storageProblem(err));
    });
}

void ProjectLibrary::start(std::function<void(const std::string&, const std::string&)> done) {
    storage_.load(kListArea, [this, done](const std::string& err) {
        if (!err.empty()) return done(fmt(tr("the browser's storage cannot be opened ({0})"), err), "");
        auto text = storage_.read(kListFile);
        auto afterList = [this, done](const std::string& notice) {
            adoptLegacy([this, done, notice](const std::string& legacyNotice) {
                purgeTrash([done, notice, legacyNotice](const std::string&) {
                    done("", notice.empty() ? legacyNotice : notice + (legacyNotice.empty() ? "" : "\n" + legacyNotice));
                });
            });
        };
        if (text && parseList(*text)) {
            afterList("");
            // Projects missing from the list (written by another tab at the same moment): looked for
            // once the project is open, not before.
            return rebuild([](const std::string&) {});
        }
        entries_.clear();
        if (text) { // damaged: keep it for inspection, then rebuild the list from the projects themselves
            storage_.write(std::string(kListArea) + "/library.damaged-" + std::to_string(clock_()) + ".json", *text);
            return rebuild([afterList](const std::string&) {
                afterList(tr("The list of projects was damaged and has been rebuilt from the projects themselves."));
            });
        }
        rebuild([afterList](const std::string& notice) { afterList(notice); });
    });
}

void ProjectLibrary::prefetch(const std::string& id) {
    if (id.empty() || id.find('/') != std::string::npos) return;
    storage_.load(projectArea(id), [](const std::string&) {});
}

void ProjectLibrary::refresh(Done done) {
    storage_.load(kListArea, [this, done](const std::string& err) {
        if (!err.empty()) return done(err);
        auto text = storage_.read(kListFile);
        done(text && parseList(*text) ? "" : tr("the list of projects could not be read"));
    });
}

// Finds every project area missing from the list (a list written by another tab at the same moment,
// a damaged list) and reads the header of its newest version.
void ProjectLibrary::rebuild(std::function<void(const std::string& notice)> done) {
    storage_.areas([this, done](std::vector<std::string> areas) {
        auto ids = std::make_shared<std::vector<std::string>>();
        for (const std::string& a : areas)
            if (a.starts_with("p-") && a.size() > 2 && !entry(a.substr(2))) ids->push_back(a.substr(2));
        eachInTurn(
            ids->size(),
            [this, ids](size_t i, std::function<void()> next) {
                const std::string id = (*ids)[i];
                storage_.load(projectArea(id), [this, id, next](const std::string& err) {
                    // An area without a single version holds nothing to recover (a first save that a
                    // reload cut short): listing it would only offer a project that cannot open.
                    if (err.empty() && versions(id).empty()) return next();
                    ProjectEntry e;
                    e.id = id;
                    e.name = tr("Recovered project");
                    for (const auto& [n, file] : err.empty() ? versions(id) : std::vector<std::pair<uint64_t, std::string>>{}) {
                        auto text = storage_.read(projectArea(id) + "/" + file);
                        if (auto info = text ? peekVersion(*text) : Result<VersionInfo>(fail("unreadable"))) {
                            e.name = info->name;
                            e.modified = e.created = info->savedAt;
                            e.bytes = info->bytes;
                            e.tasks = info->tasks;
                            e.version = n;
                            break;
                        }
                    }
                    entries_.push_back(std::move(e));
                    next();
                });
            },
            [this, ids, done] {
                if (ids->empty()) return done("");
                writeList([done, n = ids->size()](const std::string&) {
                    done(trn("Found {n} project in this browser's storage.", "Found {n} projects in this browser's storage.", n));
                });
            });
    });
}

// Plotline before the library kept one plan in data/project.json: it becomes a project (the old
// file is removed only once the project is durable).
void ProjectLibrary::adoptLegacy(std::function<void(const std::string& notice)> done) {
    if (!entries_.empty()) return done("");
    storage_.load(kLegacyArea, [this, done](const std::string& err) {
        const std::string legacyFile = std::string(kLegacyArea) + "/project.json";
        auto text = err.empty() ? storage_.read(legacyFile) : std::nullopt;
        if (!text) return done("");
        VersionInfo info;
        info.name = tr("Saved plan");
        JsonDoc doc;
        if (doc.parse(*text)) {
            if (auto n = doc.root()["project"]["name"].str(); !n.empty()) info.name = std::string(n);
            info.tasks = doc.root()["tasks"].size();
        }
        create(*text, info, [this, done, legacyFile](const std::string& id, const std::string& error) {
            if (!error.empty()) return done(fmt(tr("The plan saved by an earlier Plotline could not be moved into the library yet ({0}); it is kept."), error));
            lastOpened_ = id;
            storage_.remove(legacyFile);
            storage_.persist(kLegacyArea, [this, done](const std::string&) { writeList([done](const std::string&) { done(""); }); });
        });
    });
}

void ProjectLibrary::purgeTrash(Done done) {
    const Stamp now = clock_();
    for (const ProjectEntry& e : entries_)
        if (e.trashed != 0 && now - e.trashed > kTrashKeepMs)
            return destroy(e.id, [this, done](const std::string& err) {
                if (!err.empty()) return done(err);
                purgeTrash(done); // the next one, if any
            });
    done("");
}

// ---- projects ----------------------------------------------------------------------------------

// The schedule of the newest version, written with it (a stale one names another version and is
// not used; without one, an older one goes).
void ProjectLibrary::keepSchedule(const std::string& id, const std::string& schedule) {
    const std::string path = projectArea(id) + "/" + kScheduleFile;
    if (schedule.empty() || !storage_.write(path, schedule).empty()) storage_.remove(path);
}

std::vector<std::pair<uint64_t, std::string>> ProjectLibrary::versions(const std::string& id) {
    std::vector<std::pair<uint64_t, std::string>> out;
    for (const std::string& f : storage_.list(projectArea(id)))
        if (uint64_t n = fileNumber(f, 'v')) out.emplace_back(n, f);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return out;
}

std::string ProjectLibrary::newId() { return Id::random().str(); }

void ProjectLibrary::create(const std::string& json, VersionInfo info, std::function<void(const std::string&, const std::string&)> done,
                            std::string id, std::string schedule) {
    if (id.empty()) id = newId();
    storage_.load(projectArea(id), [this, id, json, info, done, schedule = std::move(schedule)](const std::string& err) mutable {
        if (!err.empty()) return done("", storageProblem(err));
        info.number = 1;
        info.savedAt = clock_();
        const std::string text = seal(json, info);
        if (std::string e = storage_.write(projectArea(id) + "/" + versionFile(1), text); !e.empty()) return done("", e);
        keepSchedule(id, schedule);
        storage_.persist(projectArea(id), [this, id, info, done, bytes = json.size()](const std::string& err) {
            if (!err.empty()) {
                storage_.drop(projectArea(id), [](const std::string&) {});
                return done("", storageProblem(err));
            }
            ProjectEntry e;
            e.id = id;
            e.name = info.name;
            e.created = e.modified = info.savedAt;
            e.bytes = bytes;
            e.tasks = info.tasks;
            e.version = 1;
            entries_.push_back(e);
            session(id).maxSeen = 1;
            lastOpened_ = id; // a new project is opened
            writeList([id, done](const std::string& err) { done(id, err); });
        });
    });
}

void ProjectLibrary::open(const std::string& id, Accept accept, std::function<void(Result<Opened>)> done, bool follower) {
    storage_.load(projectArea(id), [this, id, accept, done, follower](const std::string& err) {
        if (!err.empty()) return done(fail(fmt(tr("the project could not be read from the browser's storage ({0})"), err)));
        Session& s = session(id);
        std::vector<std::string> problems; // "the version saved at … was set aside: why"
        std::vector<std::pair<std::string, std::string>> aside; // file, text
        auto describe = [](const VersionInfo* info, uint64_t n) {
            return info && info->savedAt ? fmt(tr("version {0} (saved {1})"), n, formatLocalTime(info->savedAt))
                                         : fmt(tr("version {0}"), n);
        };
        for (const auto& [n, file] : versions(id)) {
            s.maxSeen = std::max(s.maxSeen, n);
            auto text = storage_.read(projectArea(id) + "/" + file);
            Result<Sealed> v = text ? unseal(*text) : Result<Sealed>(fail(tr("it cannot be read")));
            std::string why = v ? accept(v->body, v->info) : v.error();
            if (why.empty()) {
                // The body is handed on in the text it was read into (a big plan's body is never copied).
                auto o = std::make_shared<Opened>();
                o->info = v->info;
                const size_t at = size_t(v->body.data() - text->data()), size = v->body.size();
                o->json = std::move(*text);
                o->json.erase(0, at);
                o->json.resize(size);
                o->schedule = storage_.read(projectArea(id) + "/" + kScheduleFile).value_or("");
                if (follower) return done(std::move(*o));
                if (ProjectEntry* e = entry(id)) {
                    e->opened = clock_();
                    e->version = n;
                }
                lastOpened_ = id;
                auto finish = [this, done, o, problems] {
                    if (!problems.empty()) {
                        o->notice = tr("Some saved versions could not be opened and were set aside in the project's history:\n");
                        for (const std::string& p : problems) o->notice += "- " + p + "\n";
                        o->notice += fmt(tr("The newest good version, {0} (saved {1}), is open."), o->info.number, formatLocalTime(o->info.savedAt));
                    }
                    done(std::move(*o));
                    writeList([](const std::string&) {}); // when it was opened: a cache, not waited for
                };
                return setAllAside(id, aside, finish);
            }
            problems.push_back(describe(v ? &v->info : nullptr, n) + ": " + why);
            if (text) aside.emplace_back(file, *text);
        }
        if (follower) return done(fail(tr("no readable version yet")));
        // Nothing good in the project's area: look in its history.
        history(id, [this, id, accept, done, problems, aside](Result<std::vector<Snapshot>> list) {
            std::string lines;
            for (const std::string& p : problems) lines += "- " + p + "\n";
            if (list)
                for (const Snapshot& snap : *list) {
                    if (snap.damaged) continue;
                    auto text = storage_.read(historyArea(id) + "/" + snap.file);
                    Result<Sealed> v = text ? unseal(*text) : Result<Sealed>(fail("unreadable"));
                    if (!v || !accept(v->body, v->info).empty()) continue;
                    Opened o{std::string(v->body), v->info,
                             fmt(tr("No saved version of this project could be opened:\n{0}They were set aside. The newest good copy in its history, {1}, is open."), lines, formatLocalTime(v->info.savedAt))};
                    lastOpened_ = id;
                    if (ProjectEntry* e = entry(id)) {
                        e->opened = clock_();
                        e->version = v->info.number;
                    }
                    // Put the recovered version back as the project's newest, so the next start opens it directly.
                    return setAllAside(id, aside, [this, id, done, o] {
                        save(id, o.json, o.info, [done, o](const std::string&) { done(o); });
                    });
                }
            done(fail(lines.empty() ? tr("the project has no saved version") : fmt(tr("no saved version of the project could be opened:\n{0}Nothing was deleted."), lines)));
        });
    });
}

void ProjectLibrary::save(const std::string& id, std::string json, VersionInfo info, Done done, std::optional<uint32_t> crc,
                          std::string schedule) {
    ProjectEntry* e = entry(id);
    if (!e) return done(tr("the project is no longer in the library"));
    Session& s = session(id);
    const uint64_t previous = e->version;
    info.number = std::max(s.maxSeen, previous) + 1;
    info.savedAt = clock_();
    const std::string area = projectArea(id);
    const size_t bytes = json.size();
    const std::string text = seal(std::move(json), info, crc);
    if (std::string err = storage_.write(area + "/" + versionFile(info.number), text); !err.empty()) return done(err);
    keepSchedule(id, schedule);
    s.maxSeen = info.number;
    // Versions older than the newest durable one are no longer needed (the merge base stays).
    for (const auto& [n, file] : versions(id))
        if (n < previous && n != e->syncedVersion) storage_.remove(area + "/" + file);
    storage_.persist(area, [this, id, info, previous, done, bytes](const std::string& err) {
        if (!err.empty()) return done(storageProblem(err));
        ProjectEntry* e = entry(id);
        if (!e) return done("");
        e->version = info.number;
        e->modified = info.savedAt;
        e->name = info.name;
        e->bytes = bytes;
        e->tasks = info.tasks;
        Session& s = session(id);
        // History: the version this session started from, then one snapshot per 10 minutes of work.
        const std::string before = projectArea(id) + "/" + versionFile(previous);
        const bool due = !s.snapshotTaken || info.savedAt - s.lastSnapshot >= kSnapshotEveryMs;
        std::shared_ptr<const std::string> previousText;
        if (due && previous)
            if (std::optional<std::string> text = storage_.read(before)) previousText = std::make_shared<const std::string>(std::move(*text));
        // The previous version can go now that this one is durable (in its own transaction).
        if (previous && previous != e->syncedVersion) storage_.remove(before);
        // The version is durable: say so now. The rest is housekeeping, each step in its own
        // transaction: the list (a cache), the snapshot, removing the previous version.
        done("");
        writeList([](const std::string&) {});
        if (previousText)
            if (auto prev = peekVersion(*previousText)) snapshot(id, previousText, *prev, [](const std::string&) {});
        storage_.persist(projectArea(id), [](const std::string&) {});
    });
}

void ProjectLibrary::trash(const std::string& id, Done done) {
    ProjectEntry* e = entry(id);
    if (!e) return done(tr("the project is no longer in the library"));
    e->trashed = clock_();
    if (lastOpened_ == id) lastOpened_.clear();
    writeList(done);
}

void ProjectLibrary::restore(const std::string& id, Done done) {
    ProjectEntry* e = entry(id);
    if (!e) return done(tr("the project is no longer in the library"));
    e->trashed = 0;
    writeList(done);
}

void ProjectLibrary::destroy(const std::string& id, Done done) {
    storage_.drop(projectArea(id), [this, id, done](const std::string& err) {
        if (!err.empty()) return done(err);
        storage_.drop(historyArea(id), [this, id, done](const std::string& err) {
            if (!err.empty()) return done(err);
            entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [&](const ProjectEntry& e) { return e.id == id; }), entries_.end());
            historyLoaded_.erase(std::remove(historyLoaded_.begin(), historyLoaded_.end(), id), historyLoaded_.end());
            if (lastOpened_ == id) lastOpened_.clear();
            writeList(done);
        });
    });
}

void ProjectLibrary::readNewest(const std::string& id, std::function<void(Result<std::string>)> done) {
    storage_.load(projectArea(id), [this, id, done](const std::string& err) {
        if (!err.empty()) return done(fail(err));
        for (const auto& [n, file] : versions(id))
            if (auto text = storage_.read(projectArea(id) + "/" + file))
                if (Result<Sealed> v = unseal(*text)) return done(std::string(v->body));
        done(fail(tr("no readable version of the project was found")));
    });
}

// ---- history -----------------------------------------------------------------------------------

void ProjectLibrary::ensureHistory(const std::string& id, Done done) {
    if (std::find(historyLoaded_.begin(), historyLoaded_.end(), id) != historyLoaded_.end()) return done("");
    storage_.load(historyArea(id), [this, id, done](const std::string& err) {
        if (err.empty()) historyLoaded_.push_back(id);
        done(err);
    });
}

void ProjectLibrary::history(const std::string& id, std::function<void(Result<std::vector<Snapshot>>)> done) {
    ensureHistory(id, [this, id, done](const std::string& err) {
        if (!err.empty()) return done(fail(fmt(tr("the project's history could not be read ({0})"), err)));
        std::vector<Snapshot> out;
        for (const std::string& f : storage_.list(historyArea(id))) {
            Snapshot s;
            s.file = f;
            s.damaged = !f.starts_with("s");
            auto text = storage_.read(historyArea(id) + "/" + f);
            if (auto info = text ? peekVersion(*text) : Result<VersionInfo>(fail(""))) s.info = *info;
            else s.damaged = true;
            if (!s.info.number && f.size() >= 18) s.info.number = fileNumber(f.substr(f.size() - 18), 'v'); // "damaged-<time>-vN.json"
            out.push_back(std::move(s));
        }
        std::sort(out.begin(), out.end(), [](const Snapshot& a, const Snapshot& b) {
            return a.info.savedAt != b.info.savedAt ? a.info.savedAt > b.info.savedAt : a.file > b.file;
        });
        done(out);
    });
}

void ProjectLibrary::readSnapshot(const std::string& id, const std::string& file, std::function<void(Result<std::string>)> done) {
    ensureHistory(id, [this, id, file, done](const std::string& err) {
        if (!err.empty()) return done(fail(err));
        auto text = storage_.read(historyArea(id) + "/" + file);
        if (!text) return done(fail(tr("that version is no longer in the history")));
        Result<Sealed> v = unseal(*text);
        if (!v) return done(fail(fmt(tr("that version is damaged: {0}"), v.error())));
        done(std::string(v->body));
    });
}

void ProjectLibrary::snapshot(const std::string& id, std::shared_ptr<const std::string> sealedText, const VersionInfo& info, Done done) {
    ensureHistory(id, [this, id, sealedText, info, done](const std::string& err) {
        if (!err.empty()) return done(err);
        if (std::string e = storage_.write(historyArea(id) + "/" + snapshotFile(info.number), *sealedText); !e.empty()) return done(e);
        trimHistory(id);
        storage_.persist(historyArea(id), [this, id, done](const std::string& err) {
            if (err.empty()) {
                Session& s = session(id);
                s.snapshotTaken = true;
                s.lastSnapshot = clock_();
            }
            done(err);
        });
    });
}

void ProjectLibrary::keepInHistory(const std::string& id, Done done) {
    const ProjectEntry* e = entry(id);
    if (!e || !e->version) return done("");
    std::optional<std::string> text = storage_.read(projectArea(id) + "/" + versionFile(e->version));
    if (!text) return done("");
    const Result<VersionInfo> info = peekVersion(*text);
    if (!info) return done("");
    snapshot(id, std::make_shared<const std::string>(std::move(*text)), *info, std::move(done));
}

void ProjectLibrary::trimHistory(const std::string& id) {
    std::vector<std::pair<uint64_t, std::string>> snaps; // newest first
    for (const std::string& f : storage_.list(historyArea(id)))
        if (uint64_t n = fileNumber(f, 's')) snaps.emplace_back(n, f);
    std::sort(snaps.begin(), snaps.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    uint64_t bytes = 0;
    for (size_t i = 0; i < snaps.size(); ++i) {
        auto text = storage_.read(historyArea(id) + "/" + snaps[i].second);
        bytes += text ? text->size() : 0;
        if (i >= 3 && (i >= kHistoryKeep || bytes > kHistoryBytes)) storage_.remove(historyArea(id) + "/" + snaps[i].second);
    }
}

void ProjectLibrary::setAllAside(const std::string& id, std::vector<std::pair<std::string, std::string>> files, std::function<void()> done) {
    auto list = std::make_shared<const std::vector<std::pair<std::string, std::string>>>(std::move(files));
    eachInTurn(
        list->size(),
        [this, id, list](size_t i, std::function<void()> next) {
            setAside(id, (*list)[i].first, (*list)[i].second, [next](const std::string&) { next(); });
        },
        std::move(done));
}

void ProjectLibrary::setAside(const std::string& id, const std::string& file, const std::string& text, Done done) {
    ensureHistory(id, [this, id, file, text, done](const std::string& err) {
        if (!err.empty()) return done(err);
        const std::string aside = historyArea(id) + "/damaged-" + std::to_string(clock_()) + "-" + file;
        if (std::string e = storage_.write(aside, text); !e.empty()) return done(e);
        storage_.persist(historyArea(id), [this, id, file, done](const std::string& err) {
            if (!err.empty()) return done(err); // not kept elsewhere yet: leave it where it is
            storage_.remove(projectArea(id) + "/" + file);
            storage_.persist(projectArea(id), done);
        });
    });
}

} // namespace plotline
