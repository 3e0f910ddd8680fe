// The whole app for one frame at a time: menu bar, Gantt view, status bar, dialogs. It owns the
// document and autosave, and talks to the platform only through Host.
//
//   App app(host);
//   app.storageReady("");        // once the platform's storage is readable (IndexedDB loaded)
//   every frame: ImGui::NewFrame(); app.frame(); ImGui::Render();
#pragma once
#include "autosave.hpp"
#include "core/commands.hpp"
#include "gantt_view.hpp"
#include "host.hpp"
#include "load_view.hpp"
#include "project_windows.hpp"

#include <memory>
#include <string>

namespace plotline {

class App {
public:
    static constexpr const char* kProjectKey = "project.json";

    explicit App(Host& host);

    // The platform calls these.
    void storageReady(const std::string& error);
    void importFile(const std::string& filename, const std::string& text);
    // The clipboard (the browser's copy and paste events): selected rows as tab-separated text, and
    // pasted text inserted as rows (or typed into the field being edited).
    std::string copyText() const;
    void pasteText(const std::string& text);
    void pageHidden(); // save now, without waiting for the debounce
    void frame();

    // Read access for automation and tests.
    bool ready() const { return ready_; }
    const Document& document() const { return doc_; }
    Document& document() { return doc_; }
    GanttView& gantt() { return gantt_; }
    const GanttView& gantt() const { return gantt_; }
    const AutoSave& autosave() const { return save_; }
    ProjectWindows& windows() { return windows_; }
    bool showLoad = false; // the resource load pane under the chart
    const std::string& lastMessage() const { return message_; }
    std::string statusJson() const;

    // Actions (menus and shortcuts).
    void newProject();
    void openSample();
    void exportJson();
    void exportCsv();

private:
    void menuBar();
    void toolbar();
    void statusBar(float height);
    void dialogs();
    void shortcuts();
    void notify(const std::string& title, const std::string& text); // a dialog the user must close
    void flash(const std::string& text);                           // a status-bar message
    std::optional<Project> loadSample();
    std::string fileStem() const;

    Host& host_;
    Document doc_;
    AutoSave save_;
    GanttView gantt_;
    LoadView load_;
    ProjectWindows windows_;
    bool ready_ = false;
    std::string dialogTitle_, dialogText_;
    bool dialogOpen_ = false;
    std::string message_;
    Stamp messageAt_ = 0;
};

} // namespace plotline
