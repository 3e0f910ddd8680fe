// Autosave: every change to the document is saved shortly after the last edit (debounced) by a
// saver (the project library); the status bar reads state(). A failed save keeps the document as
// it is and is retried every few seconds until it succeeds.
//
//   AutoSave save(doc, [&](const Project& p, AutoSave::Done done) { library.save(…, done); });
//   each frame: save.tick(nowMs);
#pragma once
#include "core/commands.hpp"
#include "host.hpp"

#include <string>

namespace plotline {

class AutoSave {
public:
    enum class State { Saved, Pending, Saving, Failed };
    static constexpr Stamp kDebounceMs = 300;
    static constexpr Stamp kRetryMs = 5000; // a failed save is tried again this often

    using Done = std::function<void(const std::string& error)>;
    using Saver = std::function<void(const Project&, Done)>; // calls done("") once durable, or with an error

    AutoSave(Document& doc, Saver saver);
    ~AutoSave();
    AutoSave(const AutoSave&) = delete;
    AutoSave& operator=(const AutoSave&) = delete;

    void tick(Stamp now);
    void saveNow(); // skip the debounce (page hide)
    // The document needs saving although it did not change (a project just added, not stored yet).
    void markUnsaved();
    State state() const { return state_; }
    const std::string& error() const { return error_; }
    const char* stateText() const; // in the UI's language
    const char* stateName() const; // the same in English, for automation (window.plotline.status())
    // While suspended (nothing loaded yet, a read-only project), changes are not written.
    void setEnabled(bool on);
    bool enabled() const { return enabled_; }
    bool idle() const { return state_ == State::Saved; } // nothing waits to be written
    // The saver under way wrote the document as of `revision` (a save spread over frames starts again
    // when the plan changes, so it may cover edits made after it began: no second save for them).
    void wrote(uint64_t revision) { wrote_ = revision; }

private:
    void write();
    Document& doc_;
    Saver saver_;
    int token_ = 0;
    bool enabled_ = false, dirtyWhileSaving_ = false, forcedWhileSaving_ = false;
    State state_ = State::Saved;
    Stamp dirtyAt_ = 0, failedAt_ = 0;
    uint64_t wrote_ = 0; // the revision the save under way wrote
    std::string error_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

} // namespace plotline
