// Templates in the app: save the open project as one, find it again after a restart, start a new
// project from it or from a built-in one in Project > New, and a template file imported lands there.
#include "ui_harness.hpp"

#include "core/templates.hpp"

using namespace plotline;
using namespace plotline::ui_test;

namespace {

// Project > New with a template picked from the combo (by its index) and a name typed.
void newFromTemplate(Harness& h, int k, const char* name) {
    h.app->newProject();
    h.frames(2);
    h.click(h.widget("newProject.template").centre());
    h.click(h.widget("newProject.template." + std::to_string(k)).centre());
    h.click(h.widget("newProject.name").centre());
    h.replaceText(name); // Enter creates
    h.frames(3);
}

} // namespace

TEST_CASE("templates: save the sample as a template, find it after a restart, start a project from it and from a built-in one") {
    Harness h("templates");
    h.start();
    const Project sample = h.project();
    h.app->saveAsTemplate();
    h.frames(2);
    REQUIRE(h.app->templates().items().size() == 1);
    CHECK(h.app->templates().items()[0].project.isTemplate);
    CHECK(h.app->lastMessage().find("as a template") != std::string::npos);

    // After a restart the template is read from storage.
    h.app.reset();
    h.start();
    const size_t builtins = builtinTemplates().size();
    newFromTemplate(h, int(builtins) + 1, "Next campaign");
    CHECK(h.project().name == "Next campaign");
    REQUIRE(h.project().tasks.size() == sample.tasks.size());
    for (size_t i = 0; i < sample.tasks.size(); ++i) {
        CHECK(h.project().tasks[i].name == sample.tasks[i].name);
        CHECK(h.project().tasks[i].percentComplete == 0);
        CHECK(h.project().tasks[i].id != sample.tasks[i].id);
    }
    CHECK(h.project().start == h.host.today());
    CHECK(h.project().baselines.empty());
    CHECK(h.project().hours.empty());
    CHECK(h.app->library().projects().size() == 2);

    // A built-in template: the digital campaign.
    newFromTemplate(h, 1, "Autumn launch");
    CHECK(h.project().name == "Autumn launch");
    CHECK(h.project().tasks.size() == builtinTemplates()[0].project.tasks.size());
    CHECK(h.app->document().schedule().ok());

    // Delete the user's template from the New dialog.
    h.app->newProject();
    h.frames(2);
    h.click(h.widget("newProject.template").centre());
    h.click(h.widget("newProject.template." + std::to_string(builtins + 1)).centre());
    CHECK(textOf("newProject.template").find("(yours)") != std::string::npos);
    h.click(h.widget("newProject.template.delete").centre());
    CHECK(h.app->templates().items().empty());
    h.key(ImGuiKey_Escape);

    // A template file imported goes among the templates, not into the library.
    const size_t projects = h.app->library().projects().size();
    h.app->importFile("shape.json", writeProjectJson(makeTemplate(sample)));
    h.frames(2);
    CHECK(h.app->templates().items().size() == 1);
    CHECK(h.app->library().projects().size() == projects);
}
