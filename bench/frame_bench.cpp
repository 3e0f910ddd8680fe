// Frame benchmark: the real App (views, document, autosave into files) over the native host, with
// ImGui frames built as the browser builds them (no renderer), on a generated plan. For each edit a
// producer makes on a big plan (insert, delete, indent, outdent, move a row, move a task with its
// successors, undo, redo, paste 100 rows, an edit with the budget dashboard open) it prints the
// slowest frame among the edit's frame and the frames after it until its autosave is done, so the
// reschedule, the views' rebuild and the save all count. Target (issue: every frame ≤ 16 ms at 100k).
//   build/native/bench_frames [tasks…]     (default 10000 100000)
//   PLOTLINE_FRAMES=1 …                    also prints every frame of each edit
//   PLOTLINE_PROFILE_INSERT=40 …           for perf: insert and undo 40 times, one frame each, and stop
//   PLOTLINE_PROFILE_DELETE=40 …           for perf: delete a summary with its tasks and undo 40 times, one
//                                          frame each, and stop
//   PLOTLINE_PROFILE_INDENT=40 …           for perf: indent a task and outdent it 40 times, one frame each, and stop
//   PLOTLINE_PROFILE_SHIFT=40 …            for perf: make a task early in the plan longer and shorter
//                                          again 40 times (its successors move), one frame each, and stop
//   PLOTLINE_PROFILE_DASHBOARD=40 …        for perf: with the budget dashboard shown, redo 100 pasted rows
//                                          and undo them 40 times, and stop (the dashboard's figures
//                                          follow in the two frames after the edit's)
#include "timing.hpp"
#include "app/app.hpp"
#include "app/theme.hpp"
#include "core/commands.hpp"
#include "core/json_io.hpp"
#include "core/synthetic.hpp"
#include "platform/native/native_host.hpp"

#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace plotline;
using bench::ms;

namespace {

struct Bench {
    std::filesystem::path dir;
    NativeHost host;
    std::unique_ptr<App> app;
    ImGuiContext* ctx;

    explicit Bench(const std::filesystem::path& d) : dir(d), host(d.string(), PLOTLINE_ASSETS) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        host.storage_ = std::make_unique<FileStorage>(dir.string());
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1440, 900);
        io.DeltaTime = 1.0f / 60;
        io.Fonts->AddFontFromFileTTF(PLOTLINE_FONT, 15.0f);
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        theme::apply(15.0f);
        host.fakeNow = 1'800'000'000'000;
        app = std::make_unique<App>(host);
        frame();
        app->start();
        frames(3);
    }
    ~Bench() {
        app.reset();
        ImGui::DestroyContext(ctx);
        std::filesystem::remove_all(dir);
    }
    // One frame, with `edit` run in it as the click or key that makes it would; returns its CPU time
    // in ms.
    double frame(const std::function<void()>& edit = {}) {
        host.fakeNow += 16;
        const auto t0 = std::chrono::steady_clock::now();
        ImGui::NewFrame();
        if (edit) edit();
        app->frame();
        ImGui::Render();
        return ms(std::chrono::steady_clock::now() - t0);
    }
    void frames(int n) { for (int i = 0; i < n; ++i) frame(); }
    // The slowest frame from the edit's frame until the save it caused is done (the debounce passes
    // in simulated time), at least 4 frames.
    double slowest(const char* what, const std::function<void()>& edit) {
        const uint64_t revision = app->document().revision();
        // The edit runs in the frame of the click or key that makes it: its own time counts in that frame.
        std::vector<double> t{frame(edit)};
        if (app->document().revision() == revision)
            std::fprintf(stderr, "%s changed nothing: %s\n", what, app->lastMessage().c_str());
        for (int i = 0; i < 2000 && (i < 4 || !app->autosave().idle()); ++i) t.push_back(frame());
        if (std::getenv("PLOTLINE_FRAMES")) {
            std::fprintf(stderr, "%s:", what);
            for (double x : t) std::fprintf(stderr, " %.1f", x);
            std::fprintf(stderr, "\n");
        }
        return *std::max_element(t.begin(), t.end());
    }
};

} // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--json") json = true;
        else sizes.push_back(std::atoi(argv[i]));
    }
    std::string out = "{\"rows\":[";
    if (sizes.empty()) sizes = {10000, 100000};
    std::printf("Frames of the real App (native, no renderer): the slowest frame of each edit until its save is done, ms\n");
    std::printf("  tasks   insert  delete  indent outdent  move-row  longer+succ   undo   redo  paste100  budget-undo   open\n");
    for (int n : sizes) {
        Bench b(std::filesystem::temp_directory_path() / ("plotline-frames-" + std::to_string(::getpid())));
        Project plan = syntheticProject(n, 42); // as `plotline generate` makes it
        addSyntheticTeam(plan, std::max(5, n / 100), 42);
        const std::string json = writeProjectJson(plan, false);
        const auto t0 = std::chrono::steady_clock::now();
        b.app->importFile("plan.json", json);
        for (int i = 0; i < 200 && b.app->document().project().tasks.size() != size_t(n); ++i) b.frame();
        const double openMs = ms(std::chrono::steady_clock::now() - t0);
        b.frames(60); // the import's save
        GanttView& g = b.app->gantt();
        Document& doc = b.app->document();
        const int mid = n / 2;
        auto select = [&](int row) { g.selectRow(row); b.frames(2); };
        select(mid);
        const double insert = b.slowest("insert", [&] { g.insertTaskBelowSelection(); });
        b.frames(2);
        select(mid + 1);
        const double del = b.slowest("delete", [&] { g.deleteSelection(); });
        // A row that can be indented (its previous row is at its level or deeper).
        auto indentableRow = [&] {
            int row = mid + 3;
            for (std::string why; row < n - 1; ++row) {
                const Project& p = doc.project();
                if (indentTasks(p, {p.tasks[size_t(row)].id}, why)) break;
            }
            return row;
        };
        select(indentableRow());
        const double indent = b.slowest("indent", [&] { g.indentSelection(false); });
        const double outdent = b.slowest("outdent", [&] { g.indentSelection(true); });
        const double moveRow = b.slowest("move row", [&] { g.moveSelection(-1); });
        // A task early in the plan moved a week later: its successors move with it.
        const double shift = b.slowest("shift", [&] {
            Task t = doc.project().tasks[size_t(n / 10)];
            t.duration += 5 * 480;
            doc.execute(editTask(t));
        });
        // Of an edit's frame: reading the plan's texts for characters that need a fallback font (fonts.hpp).
        double fontsScan = 0;
        for (int i = 0; i < 5; ++i) {
            Task t = doc.project().tasks[size_t(n / 3 + i)];
            t.name += " ✓";
            doc.execute(editTask(t));
            b.frame();
            fontsScan = std::max(fontsScan, b.app->fontsMs());
        }
        b.frames(60);
        const double undo = b.slowest("undo", [&] { doc.undo(); });
        const double redo = b.slowest("redo", [&] { doc.redo(); });
        // For a profiler: an edit and the one that takes it back, one frame each, many times (saves
        // held back); prints the pair's average (with PLOTLINE_FRAMES each frame too) and stops.
        auto profilePair = [&](const char* times, const char* what, const std::function<void()>& edit, const char* back,
                               const std::function<void()>& takeBack) {
            const int count = std::max(1, std::atoi(times));
            double sum = 0;
            for (int i = 0; i < count; ++i) {
                const auto t0 = std::chrono::steady_clock::now();
                edit();
                const double first = b.frame();
                takeBack();
                const double second = b.frame();
                sum += ms(std::chrono::steady_clock::now() - t0);
                if (std::getenv("PLOTLINE_FRAMES")) std::fprintf(stderr, "%s %.1f, %s %.1f\n", what, first, back, second);
            }
            std::printf("%s + %s, two frames: %.1f ms on average\n", what, back, sum / count);
            return 0;
        };
        if (const char* times = std::getenv("PLOTLINE_PROFILE_INSERT")) {
            select(mid);
            return profilePair(times, "insert", [&] { g.insertTaskBelowSelection(); }, "undo", [&] { doc.undo(); });
        }
        if (const char* times = std::getenv("PLOTLINE_PROFILE_DELETE")) {
            int summary = mid;
            while (summary < n - 1 && !doc.project().hasChildren(size_t(summary))) ++summary;
            select(summary);
            std::printf("row %d, a summary of %zu rows\n", summary, doc.project().subtreeEnd(size_t(summary)) - size_t(summary));
            return profilePair(times, "delete a summary", [&] { g.deleteSelection(); }, "undo", [&] { doc.undo(); });
        }
        if (const char* times = std::getenv("PLOTLINE_PROFILE_INDENT")) {
            select(indentableRow());
            return profilePair(times, "indent", [&] { g.indentSelection(false); }, "outdent", [&] { g.indentSelection(true); });
        }
        if (const char* what = std::getenv("PLOTLINE_PROFILE_SHIFT")) {
            const int times = std::max(1, std::atoi(what));
            double sum = 0;
            for (int i = 0; i < times; ++i) {
                const auto t0 = std::chrono::steady_clock::now();
                Task t = doc.project().tasks[size_t(n / 10)];
                t.duration += (i % 2 ? -5 : 5) * 480;
                doc.execute(editTask(t));
                b.frame();
                sum += ms(std::chrono::steady_clock::now() - t0);
            }
            std::printf("a task early in the plan longer or shorter, one frame: %.1f ms on average\n", sum / times);
            return 0;
        }
        std::string rows;
        for (int i = 0; i < 100; ++i) rows += "Copy deck " + std::to_string(i) + "\t3d\n";
        select(mid);
        const double paste = b.slowest("paste", [&] { g.paste(rows); });
        b.app->showView(App::View::Budget);
        b.frames(3);
        const double budgetUndo = b.slowest("undo on the dashboard", [&] { doc.undo(); });
        if (const char* what = std::getenv("PLOTLINE_PROFILE_DASHBOARD")) {
            // For a profiler: 100 rows pasted and undone with the budget dashboard shown, a frame each.
            const int times = std::max(1, std::atoi(what));
            double sum = 0;
            for (int i = 0; i < times; ++i) {
                b.frame([&] { doc.redo(); });
                b.frames(2);
                const double own = b.frame([&] { doc.undo(); }), next = b.frame(), then = b.frame();
                sum += std::max({own, next, then});
                if (std::getenv("PLOTLINE_FRAMES")) std::fprintf(stderr, "undo's frame %.1f, the next two %.1f %.1f\n", own, next, then);
            }
            std::printf("undo of 100 pasted rows on the dashboard, the slowest of its frame and the next two: %.1f ms on average\n", sum / times);
            return 0;
        }
        b.app->showView(App::View::Plan);
        std::printf("%7d   %6.1f  %6.1f  %6.1f  %6.1f  %8.1f  %10.1f  %5.1f  %5.1f  %8.1f  %11.1f  %5.0f\n", n, insert, del, indent, outdent,
                    moveRow, shift, undo, redo, paste, budgetUndo, openMs);
        std::printf("         of an edit's frame, finding characters for fallback fonts: %.2f ms\n", fontsScan);
        char line[512];
        std::snprintf(line, sizeof line,
                      "%s{\"tasks\":%d,\"openMs\":%.1f,\"edits\":{\"insert\":%.2f,\"delete\":%.2f,\"indent\":%.2f,\"outdent\":%.2f,"
                      "\"move row\":%.2f,\"longer task\":%.2f,\"undo\":%.2f,\"redo\":%.2f,\"paste 100\":%.2f,\"undo on dashboard\":%.2f},\"fontsScanMs\":%.2f}",
                      out.size() > 10 ? "," : "", n, openMs, insert, del, indent, outdent, moveRow, shift, undo, redo, paste, budgetUndo, fontsScan);
        out += line;
    }
    if (json) std::printf("%s]}\n", out.c_str());
    return 0;
}
