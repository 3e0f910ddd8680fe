// The open project's state, without ImGui: what this tab may do with it and why, as it is opened,
// taken by another tab, given back, or comes from a newer Plotline; and the action waiting for a save.
#include "app/open_project.hpp"

#include "core/json_io.hpp"

#include <doctest/doctest.h>

using namespace plotline;

TEST_CASE("open project: editable when this tab owns it, read-only and following when another tab does") {
    OpenProject open;
    CHECK_FALSE(open.isOpen());
    open.opened("p1", kSchemaVersion, true);
    CHECK(open.is("p1"));
    CHECK_FALSE(open.is("p2"));
    CHECK(open.capabilities() == Capabilities{});
    CHECK(open.reason().empty());
    CHECK_FALSE(open.follows());

    CHECK(open.setOwner(false)); // another tab took it
    CHECK_FALSE(open.setOwner(false)); // nothing new
    CHECK(open.readOnly());
    CHECK_FALSE(open.capabilities().persists);
    CHECK(open.capabilities().seeMoney);
    CHECK(open.reason() == OpenProject::kOtherTab);
    CHECK(open.follows());

    CHECK(open.setOwner(true)); // it closed
    CHECK_FALSE(open.readOnly());
    CHECK(open.reason().empty());

    // A document takes the capabilities: commands are refused while read-only.
    Document doc(newProject(Date::fromYmd(2026, 11, 2)));
    open.setOwner(false);
    doc.setCapabilities(open.capabilities());
    CHECK_FALSE(doc.execute(editProjectSettings("Renamed", "EUR", Date::fromYmd(2026, 11, 2), Calendar{})));
    open.setOwner(true);
    doc.setCapabilities(open.capabilities());
    CHECK(doc.execute(editProjectSettings("Renamed", "EUR", Date::fromYmd(2026, 11, 2), Calendar{})));
}

TEST_CASE("open project: a file from a newer Plotline stays read-only whoever owns it, and follows nobody") {
    OpenProject open;
    open.opened("p1", kSchemaVersion + 1, true);
    CHECK(open.readOnly());
    CHECK(open.newerSchema());
    CHECK(open.reason().find("newer Plotline (file schema " + std::to_string(kSchemaVersion + 1) + ")") != std::string::npos);
    CHECK_FALSE(open.follows());
    open.setOwner(false);
    open.setOwner(true);
    CHECK(open.readOnly());
    // The next project opened is judged afresh.
    open.opened("p2", kSchemaVersion, true);
    CHECK_FALSE(open.readOnly());
    CHECK_FALSE(open.newerSchema());
}

TEST_CASE("open project: without storage it is editable in memory, never saved, and projects cannot be managed") {
    OpenProject open;
    open.storageUnavailable();
    open.opened("p1", kSchemaVersion, true);
    const Capabilities c = open.capabilities();
    CHECK(c.edit);
    CHECK_FALSE(c.persists);
    CHECK_FALSE(c.manageProjects);
}

TEST_CASE("open project: an action waits for the save and is handed over once") {
    OpenProject open;
    int ran = 0;
    CHECK_FALSE(open.waiting());
    open.waitForSave([&] { ++ran; });
    CHECK(open.waiting());
    auto then = open.takeWaiting();
    CHECK_FALSE(open.waiting());
    REQUIRE(then);
    then();
    CHECK(ran == 1);
    CHECK_FALSE(open.takeWaiting());
}
