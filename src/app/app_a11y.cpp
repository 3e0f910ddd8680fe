// The app's accessibility mirror (a11y.hpp): what the screen shows, published for assistive
// technology when it changed, and the mirror's commands and selection coming back.
#include "app.hpp"
#include "core/i18n.hpp"
#include "core/locale.hpp"

#include "core/client_view.hpp"
#include "core/report.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <functional>

namespace plotline {

namespace {
const char* viewName(App::View v) {
    switch (v) {
        case App::View::Budget: return tr("Budget");
        case App::View::Portfolio: return tr("Portfolio");
        case App::View::Board: return tr("Board");
        default: return tr("Plan");
    }
}
} // namespace

// The commands the mirror offers, each with what runs it: one list, so a button is offered enabled
// exactly when pressing it runs.
struct App::MirrorAction {
    A11yButton button;
    std::function<void()> run;
};

void App::undo() {
    if (!doc_.canUndo()) return;
    const std::string label = doc_.undoLabel();
    if (doc_.undo()) undoneLabel_ = fmt(tr("Undone: {0}"), label);
}

void App::redo() {
    if (!doc_.canRedo()) return;
    const std::string label = doc_.redoLabel();
    if (doc_.redo()) undoneLabel_ = fmt(tr("Redone: {0}"), label);
}

// Says what the last change did: the command's name, and how many tasks it moved.
void App::announceChanges() {
    if (!ready_ || doc_.revision() == announcedRevision_) return;
    announcedRevision_ = doc_.revision();
    const int moved = doc_.schedule().ok() ? moves_.update(doc_.schedule()) : -1;
    if (doc_.lastOrigin() != ChangeOrigin::Local) {
        undoneLabel_.clear();
        return;
    }
    std::string text = undoneLabel_.empty() ? doc_.undoLabel() : undoneLabel_;
    undoneLabel_.clear();
    if (text.empty()) return;
    if (moved > 0) text += "; " + trn("{n} task moved", "{n} tasks moved", moved);
    host_.announce(text);
}

A11yView App::mirrorView() {
    A11yView v;
    const Project& p = doc_.project();
    v.title = ready_ ? p.name + " \u2014 " + viewName(view_) : "Plotline";
    for (const MirrorAction& a : mirrorActions()) v.buttons.push_back(a.button);
    if (ready_ && view_ == View::Plan) gantt_.describe(v);
    if (ready_ && view_ == View::Budget) {
        // The dashboard's figures in words and tables: the weekly status report of what it shows.
        const Date today = host_.today();
        const ReportDoc d = weeklyReport(budget_.report(today), false);
        if (!d.badge.empty()) v.lines.push_back(fmt(tr("Status: {0}"), d.badge));
        for (const ReportSection& sec : d.sections) {
            if (!sec.title.empty() && sec.facts.empty() && sec.table.rows.empty()) v.lines.push_back(sec.title);
            for (const auto& [k, val] : sec.facts) v.lines.push_back(k + ": " + val);
            for (const std::string& p : sec.paragraphs) v.lines.push_back(p);
            for (const std::string& b : sec.bullets) v.lines.push_back(b);
            if (!sec.table.rows.empty()) {
                A11yTable t{sec.title, sec.table.header, {}};
                for (size_t r = 0; r < sec.table.rows.size() && r < 200; ++r) t.rows.push_back(sec.table.rows[r]);
                v.tables.push_back(std::move(t));
            }
        }
    }
    v.lines.push_back(save_.stateText());
    if (!open_.reason().empty()) v.lines.push_back(open_.reason());
    if (dialogOpen_) {
        v.dialog = dialogTitle_;
        v.dialogText = dialogText_;
    } else if (help_.isOpen()) {
        v.dialog = tr("Keyboard shortcuts");
        for (const std::string& l : HelpWindow::shortcutLines()) v.dialogText += l + "\n";
    }
    return v;
}

void App::publishMirror() {
    const auto t0 = std::chrono::steady_clock::now();
    struct Timed {
        double& ms;
        std::chrono::steady_clock::time_point t0;
        ~Timed() { ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(); }
    } timed{mirrorMs_, t0};
    // In the Plan view the animation frame of an edit leaves it to the next (edits in every frame, as a
    // drag makes them, are published every other frame). (Not on the budget dashboard: its figures
    // follow an edit in the next frames, and the edit's own frame is the light one there.)
    const uint64_t animationFrame = host_.animationFrame() ? host_.animationFrame() : ++frameCalls_;
    if (animationFrame == mirrorHeldIn_) return;
    if (doc_.revision() != mirrorRevision_ && mirrorHeldIn_ + 1 != animationFrame && !viewer_ && view_ == View::Plan && mirrorBuilds_ > 0) {
        mirrorHeldIn_ = animationFrame;
        return;
    }
    mirrorRevision_ = doc_.revision();
    // What changed decides how soon the mirror follows: an edit, a selection, a view or a dialog at
    // once; rows scrolling into view at most every 100 ms (a fling rebuilds it a few times, not at
    // every frame; the last rows in view are always published).
    uint64_t key = 0, scrolled = 0;
    if (viewer_) {
        key = mixKey(0, {viewer_->version(), uint64_t(viewer_->state()), uint64_t(viewerScreen_->compact()),
                         uint64_t(viewerScreen_->expanded() + 1), uint64_t(std::hash<std::string>{}(viewer_->stale())),
                         uint64_t(textGeneration())});
        scrolled = viewerScreen_->compact() || !viewer_->view() ? 0 : gantt_.shownKey();
    } else {
        announceChanges();
        key = mixKey(0, {doc_.revision(), uint64_t(view_), uint64_t(ready_), uint64_t(dialogOpen_), uint64_t(help_.isOpen()),
                         uint64_t(save_.state()), uint64_t(std::hash<std::string>{}(dialogTitle_)), uint64_t(gantt_.selectedRow()),
                         uint64_t(budget_.tab()), uint64_t(textGeneration())}); // a new language or format: said anew
        scrolled = view_ == View::Plan && ready_ ? gantt_.shownKey() : 0;
    }
    if (key == mirrorKey_ && scrolled == mirrorScrollKey_ && mirrorBuilds_ > 0) return;
    const Stamp now = host_.now();
    if (key == mirrorKey_ && mirrorBuilds_ > 0 && now - mirrorAt_ < 100) return;
    mirrorKey_ = key;
    mirrorScrollKey_ = scrolled;
    mirrorAt_ = now;
    ++mirrorBuilds_;
    host_.publishA11y(a11yJson(viewer_ ? viewerMirrorView() : mirrorView()));
}

// A client's view from a link: what it holds in words, and the task table when it is drawn (on a
// phone the list of bars: each task in a line).
A11yView App::viewerMirrorView() {
    A11yView v;
    if (!viewer_->view()) {
        v.title = tr("Plotline \u2014 shared plan");
        v.lines.push_back(viewer_->state() == Viewer::State::Failed ? viewer_->error() : std::string(tr("Opening the shared plan\u2026")));
        return v;
    }
    const ClientView& c = *viewer_->view();
    v.title = fmt(tr("{0} \u2014 shared plan"), c.project.name);
    v.lines.push_back(fmt(tr("As of {0}: {1} complete"), formatDate(c.asOf), formatPercent(c.percentComplete)));
    if (c.rag) {
        v.lines.push_back(fmt(tr("Status: {0}"), tr(ragName(*c.rag))));
        for (const std::string& r : c.reasons) v.lines.push_back(r);
    }
    for (const MilestoneLine& m : c.nextMilestones)
        v.lines.push_back(fmt(m.late ? tr("Next milestone: {0}, {1}, late") : tr("Next milestone: {0}, {1}"), m.name, formatDate(m.date)));
    for (const std::string& l : {budgetLine(c), feesLine(c), viewer_->stale()})
        if (!l.empty()) v.lines.push_back(l);
    if (!viewerScreen_->compact()) gantt_.describe(v);
    else
        for (size_t i = 0; i < doc_.project().tasks.size() && i < doc_.schedule().tasks.size(); ++i) {
            const TaskSchedule& ts = doc_.schedule().tasks[i];
            v.lines.push_back(fmt(tr("{0}: {1} to {2}, {3} done"), doc_.project().tasks[i].name, formatDate(ts.startDate), formatDate(ts.finishDate),
                                  formatPercent(ts.percentComplete)));
        }
    return v;
}


std::vector<App::MirrorAction> App::mirrorActions() {
    std::vector<MirrorAction> out;
    const bool edit = doc_.capabilities().edit, row = gantt_.selectedRow() >= 0, plan = ready_ && view_ == View::Plan;
    auto add = [&](const char* id, std::string name, const char* keys, bool enabled, std::function<void()> run, bool pressed = false) {
        out.push_back({{id, std::move(name), keys, pressed, !enabled}, std::move(run)});
    };
    auto show = [this](View v) { return [this, v] { view_ = v; }; };
    add("view.plan", tr("Plan"), "Ctrl+1", ready_, show(View::Plan), view_ == View::Plan);
    add("view.budget", tr("Budget"), "Ctrl+2", ready_, show(View::Budget), view_ == View::Budget);
    add("view.portfolio", tr("Portfolio"), "Ctrl+3", ready_, show(View::Portfolio), view_ == View::Portfolio);
    add("view.board", tr("Board"), "Ctrl+4", ready_, show(View::Board), view_ == View::Board);
    add("edit.undo", doc_.canUndo() ? fmt(tr("Undo {0}"), doc_.undoLabel()) : std::string(tr("Undo")), "Ctrl+Z", ready_ && doc_.canUndo(), [this] { undo(); });
    add("edit.redo", doc_.canRedo() ? fmt(tr("Redo {0}"), doc_.redoLabel()) : std::string(tr("Redo")), "Ctrl+Y", ready_ && doc_.canRedo(), [this] { redo(); });
    add("task.add", tr("Add task"), "Insert", plan && edit, [this] { gantt_.insertTaskBelowSelection(); });
    add("task.delete", tr("Delete task"), "Delete", plan && edit && row, [this] { gantt_.deleteSelection(); });
    add("task.edit", edit ? tr("Edit task") : tr("Task details"), "", plan && row, [this] { gantt_.openEditor(gantt_.selectedRow()); });
    add("task.indent", tr("Indent"), "Tab", plan && edit && row, [this] { gantt_.indentSelection(false); });
    add("task.outdent", tr("Outdent"), "Shift+Tab", plan && edit && row, [this] { gantt_.indentSelection(true); });
    add("task.up", tr("Move up"), "Alt+Up", plan && edit && row, [this] { gantt_.moveSelection(-1); });
    add("task.down", tr("Move down"), "Alt+Down", plan && edit && row, [this] { gantt_.moveSelection(+1); });
    add("project.projects", tr("Projects"), "Ctrl+O", ready_, [this] { libraryWindow_.openProjects(); });
    add("project.new", tr("New project"), "", ready_, [this] { newProject(); });
    add("project.import", tr("Import a file"), "", ready_, [this] { host_.pickFile(); });
    add("help.keys", tr("Keyboard shortcuts"), "F1", true, [this] { help_.open(); });
    add("view.preferences", tr("Preferences: look and size"), "", true, [this] { preferencesOpen_ = true; });
    if (ready_ && view_ == View::Budget)
        add("budget.dashboard", tr("Budget dashboard"), "", true, [this] { budget_.showTab(BudgetView::Dashboard); },
            budget_.tab() == BudgetView::Dashboard);
    return out;
}

bool App::a11yActivate(const std::string& id) {
    if (viewer_) return false; // a client's view: nothing to run
    if (id == "dialog.close") { // the mirror's dialog: the message, else the shortcut list
        if (dialogOpen_) dialogOpen_ = false;
        else help_.close();
        return true;
    }
    for (MirrorAction& a : mirrorActions())
        if (a.button.id == id) {
            if (a.button.disabled) return false;
            a.run();
            return true;
        }
    return false;
}

bool App::a11ySelect(const std::string& taskId) {
    if (!ready_ || viewer_) return false;
    view_ = View::Plan;
    return gantt_.selectTask(taskId);
}

// ---- Preferences: the look and the UI scale --------------------------------------------------------

void App::setLook(const std::string& choice) {
    lookChoice_ = choice == "light" || choice == "dark" || choice == "contrast" ? choice : "system";
    host_.setPreference("look", lookChoice_);
    applyLook();
}

void App::setUiScale(int percent) {
    uiScale_ = std::clamp(percent, 100, 200);
    host_.setPreference("scale", std::to_string(uiScale_));
    applyLook();
}

// Applies the chosen look at the chosen scale when either changed, or when the system's preference
// changed while the choice follows it (checked once a second: the browser's answer costs a call).
void App::applyLook() {
    if (lookChoice_.empty()) { // first frame: this device's choices
        lookChoice_ = host_.preference("look");
        if (lookChoice_ != "light" && lookChoice_ != "dark" && lookChoice_ != "contrast") lookChoice_ = "system";
        const std::string scale = host_.preference("scale");
        uiScale_ = std::clamp(scale.empty() ? 100 : std::atoi(scale.c_str()), 100, 200);
        languageChoice_ = host_.preference("language");
        formatsChoice_ = host_.preference("formats");
        applyLocale();
    }
    std::string choice = lookChoice_;
    if (choice == "system") {
        const std::string sys = host_.systemLook();
        choice = sys == "more" ? "contrast" : sys == "dark" ? "dark" : "light";
    }
    const theme::Look look = choice == "dark" ? theme::Look::Dark : choice == "contrast" ? theme::Look::HighContrast : theme::Look::Light;
    if (int(look) == appliedLook_ && uiScale_ == appliedScale_) return;
    appliedLook_ = int(look);
    appliedScale_ = uiScale_;
    theme::apply(15.0f * float(uiScale_) / 100.0f, look);
}

void App::setLanguageChoice(const std::string& choice) {
    const auto& l = i18n::languages();
    languageChoice_ = std::find(l.begin(), l.end(), choice) != l.end() ? choice : "system";
    host_.setPreference("language", languageChoice_);
    applyLocale();
}

void App::setFormatsChoice(const std::string& choice) {
    const auto& t = formatTags();
    formatsChoice_ = std::find(t.begin(), t.end(), choice) != t.end() ? choice : "system";
    host_.setPreference("formats", formatsChoice_);
    applyLocale();
}

// The language and formats chosen, or the browser's when the choice is "system" (or never made).
void App::applyLocale() {
    const std::string system = host_.systemLocale();
    const std::string lang = i18n::languageFor(languageChoice_.empty() || languageChoice_ == "system" ? system : languageChoice_);
    if (!i18n::hasCatalogue(lang) && catalogueAsked_.insert(lang).second) // English shows until it comes
        host_.fetchCatalogue(lang, [this, lang](Result<std::string> r) {
            if (r && i18n::loadCatalogue(std::move(*r))) return;
            catalogueAsked_.erase(lang); // asked again when the language is chosen again
            flash(fmt(tr("The {0} texts could not be fetched ({1}): Plotline shows English until they arrive."),
                           i18n::languageName(lang), r ? tr("not a catalogue") : r.error()));
        });
    i18n::setLanguage(lang);
    setFormats(formatsChoice_.empty() || formatsChoice_ == "system" ? formatsFor(system) : formatsFor(formatsChoice_));
    host_.setDocumentLanguage(i18n::htmlLanguage());
}

void App::preferencesWindow() { // (called while open: frame())
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // Sized by its content, so it grows with the UI scale chosen in it.
    if (!ImGui::Begin(tr("Preferences###preferences"), &preferencesOpen_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    ImGui::TextUnformatted(tr("Look"));
    static const char* const kChoices[][2] = {{"system", N_("As the system says (light, dark or more contrast)")},
                                              {"light", N_("Light")}, {"dark", N_("Dark")}, {"contrast", N_("High contrast")}};
    for (const auto& c : kChoices) {
        if (ImGui::RadioButton(tr(c[1]), lookChoice_ == c[0])) setLook(c[0]);
        tagItem(std::string("prefs.look.") + c[0]);
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Size of text and controls"));
    for (int pct : {100, 125, 150, 175, 200}) {
        if (pct > 100) ImGui::SameLine();
        const std::string label = formatPercent(pct);
        if (ImGui::RadioButton(label.c_str(), uiScale_ == pct)) setUiScale(pct);
        tagItem("prefs.scale." + std::to_string(pct));
    }
    ImGui::TextDisabled("%s", tr("The browser's zoom (Ctrl+plus) scales Plotline as well."));
    ImGui::Spacing();

    // Language and formats: a combo each, "system" first with what it means on this device.
    const std::string system = host_.systemLocale();
    // Each combo as wide as its widest choice (in any language), at least 24 em.
    auto widest = [&](const std::vector<std::string>& labels) {
        float w = fs * 24;
        for (const std::string& l : labels) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x + ImGui::GetFrameHeight() + fs);
        return w;
    };
    ImGui::TextUnformatted(tr("Language"));
    auto languageLabel = [&](const std::string& code) -> std::string {
        if (code == "system") return fmt(tr("As the browser says ({0})"), i18n::languageName(i18n::languageFor(system)));
        return i18n::languageName(code);
    };
    const std::string langNow = languageChoice_.empty() ? "system" : languageChoice_;
    std::vector<std::string> languageLabels{languageLabel("system")};
    for (const std::string& l : i18n::languages()) languageLabels.push_back(languageLabel(l));
    ImGui::SetNextItemWidth(widest(languageLabels));
    if (ImGui::BeginCombo("##language", languageLabel(langNow).c_str())) {
        std::vector<std::string> options{"system"};
        for (const std::string& l : i18n::languages()) options.push_back(l);
        for (const std::string& o : options) {
            if (ImGui::Selectable(languageLabel(o).c_str(), o == langNow)) setLanguageChoice(o);
            tagItem("prefs.language." + o);
        }
        ImGui::EndCombo();
    }
    tagText("prefs.language", languageLabel(langNow));
    ImGui::TextUnformatted(tr("Dates, numbers and money"));
    const Date sample = *Date::parse("2026-12-03");
    auto formatsLabel = [&](const std::string& tag) -> std::string {
        const Formats f = formatsFor(tag == "system" ? system : tag);
        const std::string example = formatDate(sample, f) + ", " + formatDecimal(1234.5, 2, f) + ", " +
                                    fmt(tr("weeks from {0}"), weekdayShortIn(f.firstWeekday));
        if (tag == "system") return fmt(tr("As the browser says ({0})"), (system.empty() ? std::string("ISO") : system) + ": " + example);
        return (tag == "iso" ? std::string("ISO 8601") : tag) + ": " + example;
    };
    const std::string fmtNow = formatsChoice_.empty() ? "system" : formatsChoice_;
    std::vector<std::string> formatsLabels{formatsLabel("system")};
    for (const std::string& t : formatTags()) formatsLabels.push_back(formatsLabel(t));
    ImGui::SetNextItemWidth(widest(formatsLabels));
    if (ImGui::BeginCombo("##formats", formatsLabel(fmtNow).c_str())) {
        std::vector<std::string> options{"system"};
        for (const std::string& t : formatTags()) options.push_back(t);
        for (const std::string& o : options) {
            if (ImGui::Selectable(formatsLabel(o).c_str(), o == fmtNow)) setFormatsChoice(o);
            tagItem("prefs.formats." + o);
        }
        ImGui::EndCombo();
    }
    tagText("prefs.formats", formatsLabel(fmtNow));
    ImGui::TextDisabled("%s", tr("Files and exports keep ISO dates, whatever is shown here."));
    ImGui::Spacing();
    if (ImGui::Button(tr("Close"), ImVec2(std::max(fs * 6, ImGui::CalcTextSize(tr("Close")).x + fs), 0))) preferencesOpen_ = false;
    tagItem("prefs.close");
    ImGui::End();
}

} // namespace plotline
