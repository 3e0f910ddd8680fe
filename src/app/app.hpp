// The whole app for one frame at a time: menu bar, Gantt view, status bar, dialogs. It owns the
// document, the project library and autosave, and talks to the platform only through Host.
//
//   App app(host);
//   app.start();                 // opens the library and the last project (ready() once it is open)
//   every frame: ImGui::NewFrame(); app.frame(); ImGui::Render();
#pragma once
#include "autosave.hpp"
#include "board_view.hpp"
#include "budget_view.hpp"
#include "core/commands.hpp"
#include "frame_part.hpp"
#include "gantt_view.hpp"
#include "host.hpp"
#include "library.hpp"
#include "library_window.hpp"
#include "load_view.hpp"
#include "open_project.hpp"
#include "picture_window.hpp"
#include "portfolio_view.hpp"
#include "template_shelf.hpp"
#include "a11y.hpp"
#include "fonts.hpp"
#include "help_window.hpp"
#include "project_windows.hpp"
#include "sync_controller.hpp"
#include "sync_window.hpp"
#include "share_window.hpp"
#include "viewer.hpp"
#include "viewer_screen.hpp"

#include <memory>
#include <optional>
#include <set>
#include <string>

namespace plotline {

class App {
public:
    explicit App(Host& host);
    ~App();

    // The platform calls these.
    void start();
    // Opened from a link to a client view: shows it read-only (every command refused), never opens
    // the project library and sends no credentials. Instead of start().
    void startViewer(const std::string& address);
    bool viewing() const { return viewer_ != nullptr; }
    Viewer* viewer() { return viewer_.get(); }
    ViewerScreen* viewerScreen() { return viewerScreen_.get(); }
    void importFile(const std::string& filename, std::string_view text);
    // The clipboard (the browser's copy and paste events): selected rows as tab-separated text, and
    // pasted text inserted as rows (or typed into the field being edited).
    std::string copyText() const;
    void pasteText(const std::string& text);
    void pageHidden(); // save now, without waiting for the debounce
    // The project that will probably open first (the page reads the list's last project while the
    // program loads): its storage is read at once, beside the list. Ignored once a project is open.
    void prefetch(const std::string& id);
    // Another tab saved a project or changed the list: show the newest (a read-only tab follows).
    void changedElsewhere(const std::string& projectId);
    // Whether this tab may write the open project (another tab holding it makes this one read-only
    // until it closes).
    void setOwner(const std::string& projectId, bool owner);
    void frame();

    // Read access for automation and tests.
    bool ready() const { return ready_; }
    bool warmedUp() const { return warmUpRounds_ == kWarmUpRounds; } // structural edits ran on a plan of their own (warmUpStep)
    const Document& document() const { return doc_; }
    Document& document() { return doc_; }
    GanttView& gantt() { return gantt_; }
    const GanttView& gantt() const { return gantt_; }
    const AutoSave& autosave() const { return save_; }
    ProjectLibrary& library() { return library_; }
    const std::string& openId() const { return open_.id(); }
    const OpenProject& open() const { return open_; }
    bool readOnly() const { return open_.readOnly(); }
    const std::string& readOnlyReason() const { return open_.reason(); }
    Host& host() { return host_; }
    ProjectWindows& windows() { return windows_; }
    LibraryWindow& libraryWindow() { return libraryWindow_; }
    bool showLoad = false; // the resource load pane under the chart
    enum class View { Plan, Budget, Portfolio, Board };
    View view() const { return view_; }
    void showView(View v) { view_ = v; }
    BudgetView& budget() { return budget_; }
    PortfolioView& portfolio() { return portfolio_; }
    BoardView& board() { return board_; }
    LoadView& loadView() { return load_; }
    const std::string& lastMessage() const { return message_; }
    std::string statusJson() const;
    std::string viewerJson() const;

    // The accessibility mirror (a11y.hpp): published through the host at the end of a frame in which
    // what it shows changed; the mirror's buttons and rows come back here.
    bool a11yActivate(const std::string& id); // false: no such command, or not possible now
    bool a11ySelect(const std::string& taskId);
    size_t a11yBuilds() const { return mirrorBuilds_; } // how often the mirror was rebuilt
    double a11yMs() const { return mirrorMs_; } // the last frame's time on it (the host's update included)
    // The fonts for names in scripts the UI font lacks (fonts.hpp): fetched as texts that need them
    // appear; the platform builds the atlas again whenever generation() changes.
    fonts::Supply& fonts() { return fonts_; }
    double fontsMs() const { return fontsMs_; } // the last frame's time on finding the characters shown
    void undo();
    void redo();

    // Preferences (View > Preferences…, per device): the look ("system" follows the browser's
    // colour scheme and contrast) and the UI scale, 100 to 200 %.
    void setLook(const std::string& choice); // "system", "light", "dark", "contrast"
    const std::string& lookChoice() const { return lookChoice_; }
    void setUiScale(int percent);
    int uiScale() const { return uiScale_; }
    // The language of the UI and its reports, and the formats of dates, numbers and money: "system"
    // (the browser's locale) or a code ("de", "pseudo") / tag ("en-GB", "iso"), kept for the device.
    void setLanguageChoice(const std::string& choice);
    void setFormatsChoice(const std::string& choice);
    const std::string& languageChoice() const { return languageChoice_; }
    const std::string& formatsChoice() const { return formatsChoice_; }
    void openPreferences() { preferencesOpen_ = true; }

    // Actions (menus, shortcuts, the Projects window).
    void newProject();
    void saveAsTemplate(); // the open project, into the user's templates
    TemplateShelf& templates() { return templates_; }
    void printPlan();
    void openSample();
    void openProject(const std::string& id); // saves the open one first
    void duplicateProject(const std::string& id);
    void renameProject(const std::string& id, const std::string& name);
    void trashProject(const std::string& id); // the open one: another opens (or a new one)
    void restoreSnapshot(const std::string& file, const std::string& label);
    void notify(const std::string& title, const std::string& text); // a dialog the user must close
    void flash(const std::string& text);                           // a status-bar message
    void exportJson();
    void exportCsv();
    void exportMspdi();
    void exportCalendar();
    // Opens a plan from the sync server (the one on this device if it has it, else a copy made now).
    void openRemote(const RemotePlan& plan);
    SyncController& sync() { return sync_; }
    SyncWindow& syncWindow() { return syncWindow_; }
    ShareWindow& shareWindow() { return shareWindow_; }
    PictureWindow& pictureWindow() { return pictureWindow_; }
    PublishedShares& shares() { return shares_; }

    // Whether the save's last stage (sealing the version, writing it and handing it to storage: one
    // piece, 14-17 ms at 100k tasks in Chromium) runs in this frame: when what the frame has left
    // (roomMs, endless when the save must finish now) holds it as long as it took last time, when
    // the frame's own work was light (an idle frame has room for it), or once it has waited
    // kFinalWaitFrames frames. It keeps off the frames of an edit and of the dashboard's figures.
    static bool finalSaveStageNow(double roomMs, double frameSpentMs, double lastFinalMs, int waited) {
        return roomMs >= kFinishNowMs || lastFinalMs <= roomMs || frameSpentMs <= kLightFrameMs || waited >= kFinalWaitFrames;
    }
    static constexpr double kFinishNowMs = 1e300, kLightFrameMs = 3;
    static constexpr int kFinalWaitFrames = 4;

private:
    PLOTLINE_FRAME_PART void menuBar();
    void toolbar();
    PLOTLINE_FRAME_PART void statusBar(float height);
    PLOTLINE_FRAME_PART void dialogs();
    PLOTLINE_FRAME_PART void shortcuts();
    void escapeClosesPopup();
    void legend();
    PLOTLINE_FRAME_PART void newProjectDialog();
    bool newOpen_ = false;
    int newTemplate_ = 0; // 0: blank; then the built-in templates; then the user's (templates_)
    char newName_[128] = {}, newStart_[16] = {};
    std::string newError_;
    std::optional<Project> loadSample();
    // Adds a project to the library and opens it (at once; its first version is stored meanwhile).
    void addProject(Project p, const std::string& message);
    void saveOpenProject(AutoSave::Done done);
    void show(Project p, const std::string& id, int schema, bool owner, std::optional<Schedule> stored = std::nullopt);
    // The document and autosave follow what this tab may do with the open project.
    void applyCapabilities();
    // Runs then() once everything typed so far is saved (at once when it is); says why not otherwise.
    void afterSave(std::function<void()> then);
    // A save spread over frames (AutoSave's saver starts it): the project's file is written a slice
    // of records at a time, at the end of each frame within what the frame's own work left of
    // kFrameWorkMs (at least kMinSaveSliceMs), its checksum as it goes, so no frame of a big plan
    // stalls on it, nor an edit's frame and a slice add up past a frame; its last stage, which cannot be cut, waits
    // for a frame with room (finalSaveStageNow). The plan changing meanwhile starts it again; after kSaveRestartMs of
    // that, or when the page hides or something waits for the save, it finishes in one go.
    struct SaveJob;
    std::unique_ptr<SaveJob> saveJob_;
    static constexpr double kFrameWorkMs = 9, kMinSaveSliceMs = 1.5; // (drawing the frame takes a few ms more)
    // A stored schedule shown at open is confirmed by the scheduler after this many frames (the plan is on screen by then).
    static constexpr int kCheckScheduleAfterFrames = 3;
    static constexpr Stamp kSaveRestartMs = 3000;
    void stepSave(double budgetMs, double frameSpentMs = 0); // frameSpentMs: the frame's own work so far
    void followInSave(const Document& d); // each change of the document, told to the save under way
    void finishSave() { if (saveJob_) stepSave(kFinishNowMs); }
    double lastFinalSaveMs_ = 0; // how long the save's last stage took last time
    void follow(); // reload the open project from storage (read-only tab, another tab saved)
    std::string fileStem() const;

    Host& host_;
    Document doc_;
    ProjectLibrary library_;
    TemplateShelf templates_{host_.storage()};
    AutoSave save_;
    LibraryWindow libraryWindow_;
    OpenProject open_;
    SyncController sync_;
    SyncWindow syncWindow_;
    bool saveFailureShown_ = false;
    GanttView gantt_;
    LoadView load_;
    ProjectWindows windows_;
    HelpWindow help_;
    ShareWindow shareWindow_{doc_, host_};
    PictureWindow pictureWindow_{doc_, gantt_, host_};
    PublishedShares shares_{host_, doc_};
    Stamp sharesSyncedAt_ = 0;
    BudgetView budget_;
    BoardView board_{doc_, [this](const std::string& m) { flash(m); }};
    PortfolioView portfolio_{library_, doc_, [this] { return open_.id(); }, [this](const std::string& id) {
                                 if (id != open_.id()) openProject(id);
                                 view_ = View::Plan;
                             }};
    View view_ = View::Plan;
    std::unique_ptr<Viewer> viewer_;
    std::unique_ptr<ViewerScreen> viewerScreen_;
    bool ready_ = false;
    int framesSinceShown_ = 0; // frames drawn since a plan was shown on its stored schedule (checked after a few)
    // Structural edits run once on a small plan of the app's own, a round a frame, soon after the
    // first plan is up (warmUpStep): see there.
    std::unique_ptr<Document> warmUp_;
    int warmUpFrames_ = 0, warmUpRounds_ = 0;
    // A project shown before all of the program's code was here (a first visit's sample): its first
    // version is stored once the code is (Host::allCodeHere), or at the first edit. The revision shown.
    std::optional<uint64_t> storeWhenCodeHere_;
    static constexpr int kWarmUpAfterFrames = 8, kWarmUpRounds = 4;
    void warmUpStep();
    void publishMirror();
    void applyLook();
    PLOTLINE_FRAME_PART void preferencesWindow();
    std::string lookChoice_;
    std::string languageChoice_, formatsChoice_;
    std::set<std::string> catalogueAsked_; // languages whose catalogue the host is fetching
    void applyLocale();
    int uiScale_ = 100;
    int appliedScale_ = 0;
    int appliedLook_ = -1;
    Stamp lookCheckedAt_ = 0;
    bool preferencesOpen_ = false;
    A11yView viewerMirrorView();
    void announceChanges();
    A11yView mirrorView();
    struct MirrorAction;
    std::vector<MirrorAction> mirrorActions();
    uint64_t mirrorKey_ = 0, mirrorScrollKey_ = 0;
    Stamp mirrorAt_ = 0;
    size_t mirrorBuilds_ = 0;
    // An edit's animation frame leaves the mirror and the announcement to the next one (the edit's own
    // carries the reschedule and the redraw): the revision last published, the frame that held it back.
    uint64_t mirrorRevision_ = 0, mirrorHeldIn_ = 0, frameCalls_ = 0;
    double mirrorMs_ = 0;
    void fontsFrame();
    fonts::Supply fonts_;
    uint64_t fontsRevision_ = ~uint64_t(0), fontsViewerVersion_ = ~uint64_t(0);
    size_t fontsNext_ = 0;      // the plan's next record to look at for characters (forEachTextFrom)
    bool fontsWalking_ = false;
    static constexpr size_t kFontRecordsPerFrame = 8192;
    int fontsTextGeneration_ = -1;
    double fontsMs_ = 0;
    MoveCounter moves_;
    uint64_t announcedRevision_ = 0;
    std::string undoneLabel_;  // set by undo()/redo() for the next announcement
    std::string dialogTitle_, dialogText_;
    bool dialogOpen_ = false;
    std::string message_;
    Stamp messageAt_ = 0;
};

} // namespace plotline
