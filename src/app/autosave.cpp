#include "autosave.hpp"

#include "core/json_io.hpp"

namespace plotline {

AutoSave::AutoSave(Document& doc, Storage& storage, std::string key) : doc_(doc), storage_(storage), key_(std::move(key)) {
    token_ = doc_.subscribe([this](const Document&) {
        if (!enabled_) return;
        if (state_ == State::Saving) dirtyWhileSaving_ = true;
        else { state_ = State::Pending; dirtyAt_ = -1; }
    });
}

AutoSave::~AutoSave() {
    *alive_ = false;
    doc_.unsubscribe(token_);
}

const char* AutoSave::stateText() const {
    switch (state_) {
        case State::Saved: return "Saved";
        case State::Pending: return "Unsaved changes";
        case State::Saving: return "Saving…";
        case State::Failed: return "Not saved";
    }
    return "";
}

void AutoSave::tick(Stamp now) {
    if (state_ == State::Failed && enabled_) {
        if (failedAt_ < 0) failedAt_ = now;
        if (now - failedAt_ >= kRetryMs) write(now);
        return;
    }
    if (state_ != State::Pending) return;
    if (dirtyAt_ < 0) dirtyAt_ = now; // the listener has no clock; the first tick after a change starts the wait
    if (now - dirtyAt_ >= kDebounceMs) write(now);
}

void AutoSave::saveNow(Stamp now) {
    if (state_ == State::Pending || state_ == State::Failed) write(now);
}

void AutoSave::write(Stamp now) {
    const uint64_t revision = doc_.revision();
    std::string err = storage_.write(key_, writeProjectJson(doc_.project(), false));
    if (!err.empty()) {
        state_ = State::Failed;
        error_ = err;
        failedAt_ = now;
        return;
    }
    state_ = State::Saving;
    dirtyWhileSaving_ = false;
    std::weak_ptr<bool> alive = alive_;
    storage_.flush([this, alive, revision](const std::string& flushError) {
        if (alive.expired()) return;
        if (!flushError.empty()) {
            state_ = State::Failed;
            error_ = flushError;
            failedAt_ = -1; // the callback has no clock; the next tick starts the retry wait
        } else {
            savedRevision_ = revision;
            error_.clear();
            state_ = State::Saved;
        }
        if (dirtyWhileSaving_) { state_ = State::Pending; dirtyAt_ = -1; dirtyWhileSaving_ = false; }
    });
}

} // namespace plotline
