// Keys that Dear ImGui 1.86 has no ImGuiKey_ for. Both hosts (the SDL backend on the web and the
// windowless test harness) index io.KeysDown by SDL scancode, so these are SDL_SCANCODE_* values.
#pragma once

namespace plotline::keys {
constexpr int F = 9;   // SDL_SCANCODE_F
constexpr int O = 18;  // SDL_SCANCODE_O
constexpr int P = 19;  // SDL_SCANCODE_P
constexpr int One = 30; // SDL_SCANCODE_1
constexpr int Two = 31; // SDL_SCANCODE_2
constexpr int Three = 32; // SDL_SCANCODE_3
constexpr int Four = 33; // SDL_SCANCODE_4
constexpr int S = 22;  // SDL_SCANCODE_S
constexpr int F1 = 58; // SDL_SCANCODE_F1
constexpr int F2 = 59; // SDL_SCANCODE_F2
} // namespace plotline::keys
