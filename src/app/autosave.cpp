#include "autosave.hpp"
#include "core/i18n.hpp"


namespace plotline {

AutoSave::AutoSave(Document& doc, Saver saver) : doc_(doc), saver_(std::move(saver)) {
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

const char* AutoSave::stateName() const {
    switch (state_) {
        case State::Saved: return N_("Saved");
        case State::Pending: return N_("Unsaved changes");
        case State::Saving: return N_("Saving…");
        case State::Failed: return N_("Not saved");
    }
    return "";
}

const char* AutoSave::stateText() const { return tr(stateName()); }

void AutoSave::setEnabled(bool on) {
    enabled_ = on;
    if (!on && state_ != State::Saving) { // forget what was pending for the previous project
        state_ = State::Saved;
        error_.clear();
    }
}

void AutoSave::markUnsaved() {
    if (state_ == State::Saving) dirtyWhileSaving_ = forcedWhileSaving_ = true;
    else {
        state_ = State::Pending;
        dirtyAt_ = -1;
    }
}

void AutoSave::tick(Stamp now) {
    if (state_ == State::Failed && enabled_) {
        if (failedAt_ < 0) failedAt_ = now;
        if (now - failedAt_ >= kRetryMs) write();
        return;
    }
    if (state_ != State::Pending) return;
    if (dirtyAt_ < 0) dirtyAt_ = now; // the listener has no clock; the first tick after a change starts the wait
    if (now - dirtyAt_ >= kDebounceMs) write();
}

void AutoSave::saveNow() {
    if (state_ == State::Pending || state_ == State::Failed) write();
}

void AutoSave::write() {
    wrote_ = doc_.revision();
    state_ = State::Saving;
    dirtyWhileSaving_ = forcedWhileSaving_ = false;
    std::weak_ptr<bool> alive = alive_;
    saver_(doc_.project(), [this, alive](const std::string& error) {
        if (alive.expired()) return;
        if (!error.empty()) {
            state_ = State::Failed;
            error_ = error;
            failedAt_ = -1; // the callback has no clock; the next tick starts the retry wait
        } else {
            error_.clear();
            state_ = State::Saved;
            if (!forcedWhileSaving_ && wrote_ == doc_.revision()) dirtyWhileSaving_ = false; // what changed meanwhile is in it
        }
        if (dirtyWhileSaving_) { state_ = State::Pending; dirtyAt_ = -1; dirtyWhileSaving_ = false; }
    });
}

} // namespace plotline
