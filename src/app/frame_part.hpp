// PLOTLINE_FRAME_PART: a view, window or dialog App::frame draws stays a function of its own.
#pragma once

// A function called from one place is inlined into its caller whatever its size, by LLVM's link-time
// optimisation and again by Binaryen (its one-caller rule, capped in CMakeLists.txt). That folded
// every view, window and dialog into the frame: one function of ~320 KB of wasm, which a browser
// compiles whole the first time it runs (28-45 ms on a new tab's main thread), windows never opened
// included. Apart, each is compiled when it is first shown; they run once a frame, so the call costs
// nothing.
#define PLOTLINE_FRAME_PART [[gnu::noinline]]
//
// A window, popup or dialog that draws only while open is called only while open (the check is at the
// call, not at the top of the function): the build splits the program by what ran at start-up
// (scripts/split-wasm.mjs), so a function that was only called to return at once would stay in the
// first download with all its code.
