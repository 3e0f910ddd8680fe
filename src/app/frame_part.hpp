// PLOTLINE_FRAME_PART: a view, window or dialog App::frame draws stays a function of its own.
#pragma once

// A function called from one place is inlined into its caller whatever its size, by LLVM's link-time
// optimisation and again by Binaryen (its one-caller rule, capped in CMakeLists.txt). That folded
// every view, window and dialog into the frame: one function of ~320 KB of wasm, which a browser
// compiles whole the first time it runs (28-45 ms on a new tab's main thread), windows never opened
// included. Apart, each is compiled when it is first shown; they run once a frame, so the call costs
// nothing.
#define PLOTLINE_FRAME_PART [[gnu::noinline]]
