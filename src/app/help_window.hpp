// Help > Keyboard shortcuts and How do I… (F1 or ?): every shortcut the planner answers, and short
// answers to what a producer asks first, in one window with two tabs.
//
//   HelpWindow help;  help.open();  every frame: help.draw();
#pragma once
#include "frame_part.hpp"
#include <string>
#include <vector>

namespace plotline {

class HelpWindow {
public:
    enum Page { Shortcuts, HowDoI };
    void open(Page page = Shortcuts) { open_ = focus_ = true; page_ = page; }
    bool isOpen() const { return open_; }
    void close() { open_ = false; }
    PLOTLINE_FRAME_PART void draw();
    // The shortcuts as lines ("Ctrl+Z / Ctrl+Y: Undo / redo"), for the accessibility mirror.
    static std::vector<std::string> shortcutLines();

private:
    bool open_ = false, focus_ = false;
    Page page_ = Shortcuts;
};

} // namespace plotline
