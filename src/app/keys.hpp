// Keys that Dear ImGui 1.86 has no ImGuiKey_ for. Both hosts (the SDL backend on the web and the
// windowless test harness) index io.KeysDown by SDL scancode, so these are SDL_SCANCODE_* values.
#pragma once

namespace plotline::keys {
constexpr int O = 18;  // SDL_SCANCODE_O
constexpr int One = 30; // SDL_SCANCODE_1
constexpr int Two = 31; // SDL_SCANCODE_2
constexpr int S = 22;  // SDL_SCANCODE_S
constexpr int F2 = 59; // SDL_SCANCODE_F2
} // namespace plotline::keys
